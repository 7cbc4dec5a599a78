namespace Summit.Jobs.Mail;

/// <summary>A rendered email, ready to be logged and queued.</summary>
public sealed record MailDraft(string Kind, string ToAddress, string? ToName, string Culture, string Subject, string HtmlBody, string TextBody);
