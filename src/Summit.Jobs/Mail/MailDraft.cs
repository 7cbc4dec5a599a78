namespace Summit.Jobs.Mail;

/// <summary>A rendered email, ready to be logged and queued.</summary>
public sealed record MailDraft(string Kind, string ToAddress, string? ToName, string Culture, string Subject, string HtmlBody, string TextBody)
{
    /// <summary>What the email is about (<c>registration:42</c>); with <see cref="Version"/>, one email per change and recipient.</summary>
    public string? Entity { get; init; }

    /// <summary>Which state of the entity this email reports: a status change's time, a programme version.</summary>
    public string? Version { get; init; }

    public IReadOnlyList<MailAttachment> Attachments { get; init; } = [];

    /// <summary>
    /// The same draft, about <paramref name="entity"/> as it was at <paramref name="version"/>; without a version the
    /// email is only linked to the entity in the log, and asking again sends it again.
    /// </summary>
    public MailDraft About(string entity, string? version) => this with { Entity = entity, Version = version };
}

public sealed record MailAttachment(string FileName, string ContentType, byte[] Content);
