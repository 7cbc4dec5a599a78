using Microsoft.EntityFrameworkCore;
using Summit.Core.Data;
using Summit.Core.Editions;
using Summit.Jobs.Registrations;

namespace Summit.Jobs.Mail;

/// <summary>
/// Applies an edition's own wording (see <see cref="Core.Mail.MailTemplateOverride"/>) to a built-in email: the subject,
/// the text, or both, rendered from the organizer's template; the layout, link, attachments and log key stay.
/// </summary>
public sealed class MailOverrides(SummitDbContext db)
{
    /// <summary>The emails whose wording an edition can change, in the order the organizers' page lists them.</summary>
    public static readonly IReadOnlyList<string> Kinds =
    [
        "registration.received", "registration.confirmed", "registration.waitlisted", "registration.promoted",
        "registration.declined", "registration.cancelled", RegistrationMails.ReminderKind,
    ];

    /// <summary>The placeholders these emails offer.</summary>
    public static readonly IReadOnlyList<string> Placeholders = ["name", "edition", "category", "link", "position"];

    public const int SubjectMaxLength = 200;

    public const int BodyMaxLength = 10000;

    public static class Reasons
    {
        public const string UnknownKind = "This kind of email cannot be reworded.";
    }

    public static IReadOnlyList<Refusal> Check(string kind, string? subject, string? body)
    {
        var refusals = new List<Refusal>();
        if (!Kinds.Contains(kind))
        {
            refusals.Add(new("", Reasons.UnknownKind));
        }

        foreach (var (field, value, max) in new[] { ("Subject", subject, SubjectMaxLength), ("Body", body, BodyMaxLength) })
        {
            if (MailTemplates.CheckField(field, value, max, Placeholders) is { } refusal)
            {
                refusals.Add(refusal);
            }
        }

        return refusals;
    }

    public async Task<MailDraft> ApplyAsync(int editionId, MailDraft draft, IReadOnlyDictionary<string, string> values, Uri link, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var culture = Cultures.IsChinese(draft.Culture) ? "zh-Hans" : "en";
        var found = await db.MailTemplateOverrides.AsNoTracking()
            .FirstOrDefaultAsync(o => o.EditionId == editionId && o.Kind == draft.Kind && o.Culture == culture, cancellationToken);
        return found is null ? draft : Apply(draft, found.Subject, found.Body, values, link);
    }

    /// <summary>
    /// The draft with the given wording (null keeps the built-in part, as does wording that can no longer be rendered);
    /// also the organizers' preview. A message from the organizers for this change is kept below the text.
    /// </summary>
    public static MailDraft Apply(MailDraft draft, string? subject, string? body, IReadOnlyDictionary<string, string> values, Uri link)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(values);
        var result = draft;
        if (body is not null && MailTemplates.TryRender(body, values) is { } rendered)
        {
            var chinese = Cultures.IsChinese(draft.Culture);
            var paragraphs = rendered.ReplaceLineEndings("\n").Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
            if (values.TryGetValue("message", out var message) && !string.IsNullOrWhiteSpace(message))
            {
                paragraphs.Add(chinese ? $"主办方留言：{message}" : $"A message from the organizers: {message}");
            }

            var rebuilt = chinese
                ? MailLayout.Draft(draft.Kind, draft.ToAddress, draft.ToName ?? "", draft.Culture, draft.Subject, $"{draft.ToName}，您好：", paragraphs, [], "查看我的注册", link, "如有疑问，请回复此邮件。")
                : MailLayout.Draft(draft.Kind, draft.ToAddress, draft.ToName ?? "", draft.Culture, draft.Subject, $"Dear {draft.ToName},", paragraphs, [], "See my registration", link, "If you have a question, reply to this email.");
            result = draft with { HtmlBody = rebuilt.HtmlBody, TextBody = rebuilt.TextBody };
        }

        if (subject is not null && MailTemplates.TryRender(subject, values) is { } renderedSubject)
        {
            result = result with { Subject = renderedSubject.ReplaceLineEndings(" ").Trim() };
        }

        return result;
    }
}
