using Summit.Core.Editions;

namespace Summit.Jobs.Mail;

/// <summary>An organizer's email to a segment: the rules for its texts, and each recipient's message.</summary>
public static class BulkMails
{
    public const string Kind = "bulk";

    public const int SubjectMaxLength = 200;

    public const int BodyMaxLength = 10000;

    public static class Reasons
    {
        public const string Required = "Write the subject and the text in English and in Chinese.";
    }

    public static IReadOnlyList<Refusal> Check(string? subjectEn, string? subjectZh, string? bodyEn, string? bodyZh)
    {
        var refusals = new List<Refusal>();
        foreach (var (field, value, max) in new[]
                 {
                     ("SubjectEn", subjectEn, SubjectMaxLength), ("SubjectZh", subjectZh, SubjectMaxLength),
                     ("BodyEn", bodyEn, BodyMaxLength), ("BodyZh", bodyZh, BodyMaxLength),
                 })
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                refusals.Add(new(field, Reasons.Required));
            }
            else if (MailTemplates.CheckField(field, value, max, MailTemplates.Placeholders) is { } refusal)
            {
                refusals.Add(refusal);
            }
        }

        return refusals;
    }

    /// <summary>One recipient's message, in their language, placeholders filled in.</summary>
    public static MailDraft For(string subjectEn, string subjectZh, string bodyEn, string bodyZh, (string Email, string Name, string Culture) to, string editionName, string categoryName, Uri link)
    {
        ArgumentNullException.ThrowIfNull(link);
        var chinese = Cultures.IsChinese(to.Culture);
        var name = to.Name;
        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["name"] = name,
            ["edition"] = editionName,
            ["category"] = categoryName,
            ["link"] = link.AbsoluteUri,
        };
        var subject = MailTemplates.Render(chinese ? subjectZh : subjectEn, values).ReplaceLineEndings(" ").Trim();
        var paragraphs = MailTemplates.Render(chinese ? bodyZh : bodyEn, values)
            .ReplaceLineEndings("\n")
            .Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return chinese
            ? MailLayout.Draft(Kind, to.Email, name, to.Culture, subject, $"{name}，您好：", paragraphs, [], "查看我的注册", link, $"您收到此邮件，是因为您注册了{editionName}。")
            : MailLayout.Draft(Kind, to.Email, name, to.Culture, subject, $"Dear {name},", paragraphs, [], "See my registration", link, $"You receive this because you registered for {editionName}.");
    }
}
