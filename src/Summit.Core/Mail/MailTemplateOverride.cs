namespace Summit.Core.Mail;

/// <summary>
/// An edition's own wording for one kind of email in one language (the subject, the text, or both), written by an
/// organizer with placeholders. Without one, the built-in wording is used.
/// </summary>
public sealed class MailTemplateOverride
{
    private MailTemplateOverride()
    {
    }

    public MailTemplateOverride(int editionId, string kind, string culture)
    {
        EditionId = editionId;
        Kind = kind;
        Culture = culture;
    }

    public int Id { get; private set; }

    public int EditionId { get; private set; }

    public string Kind { get; private set; } = "";

    /// <summary><c>en</c> or <c>zh-Hans</c>.</summary>
    public string Culture { get; private set; } = "en";

    public string? Subject { get; private set; }

    public string? Body { get; private set; }

    public string UpdatedBy { get; private set; } = "";

    public DateTimeOffset UpdatedAt { get; private set; }

    public void Change(string? subject, string? body, string by, DateTimeOffset now)
    {
        Subject = string.IsNullOrWhiteSpace(subject) ? null : subject.Trim();
        Body = string.IsNullOrWhiteSpace(body) ? null : body.Trim();
        UpdatedBy = by;
        UpdatedAt = now;
    }
}
