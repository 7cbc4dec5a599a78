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
        // The organizer's own salutation ("Dear {name},", "{name}，您好：") stands in for ours rather than following it.
        var greeting = chinese ? $"{name}，您好：" : $"Dear {name},";
        if (paragraphs.Length > 0 && IsGreeting(paragraphs[0]))
        {
            (greeting, paragraphs) = (paragraphs[0], paragraphs[1..]);
        }

        return chinese
            ? MailLayout.Draft(Kind, to.Email, name, to.Culture, subject, greeting, paragraphs, [], "查看我的注册", link, $"您收到此邮件，是因为您注册了{editionName}。")
            : MailLayout.Draft(Kind, to.Email, name, to.Culture, subject, greeting, paragraphs, [], "See my registration", link, $"You receive this because you registered for {editionName}.");
    }

    private static readonly string[] LatinSalutations = ["dear ", "dear,", "hello", "hi ", "hi,", "good morning", "good afternoon", "good evening", "greetings"];

    private static readonly string[] ChineseSalutations = ["尊敬的", "亲爱的", "您好", "你好", "大家好", "各位"];

    /// <summary>
    /// Whether a paragraph is a salutation: one short line that opens with one ("Dear Ms Wang,", "Hello all", "尊敬的王女士：")
    /// or, in Chinese, ends with one ("王芳，您好：").
    /// </summary>
    public static bool IsGreeting(string paragraph)
    {
        ArgumentNullException.ThrowIfNull(paragraph);
        var line = paragraph.Trim();
        if (line.Length is 0 or > 80 || line.Contains('\n', StringComparison.Ordinal))
        {
            return false;
        }

        var bare = line.TrimEnd(',', ':', '：', '，', '!', '！', ' ');
        return LatinSalutations.Any(s => line.StartsWith(s, StringComparison.OrdinalIgnoreCase))
            || ChineseSalutations.Any(s => line.StartsWith(s, StringComparison.Ordinal))
            || (line.Length <= 40 && (bare.EndsWith("您好", StringComparison.Ordinal) || bare.EndsWith("你好", StringComparison.Ordinal) || bare.EndsWith("大家好", StringComparison.Ordinal)));
    }
}
