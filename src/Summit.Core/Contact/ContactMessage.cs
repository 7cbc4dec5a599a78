namespace Summit.Core.Contact;

/// <summary>A message left through the contact form ("leave a message"), read by organizers in /admin/messages.</summary>
public sealed class ContactMessage
{
    public const int NameMaxLength = 100;
    public const int EmailMaxLength = 254;
    public const int SubjectMaxLength = 150;
    public const int BodyMaxLength = 4000;

    private ContactMessage()
    {
    }

    public ContactMessage(string name, string email, string subject, string body, string culture, DateTimeOffset receivedAt)
    {
        Name = name.Trim();
        Email = email.Trim();
        Subject = subject.Trim();
        Body = body.Trim();
        Culture = culture;
        ReceivedAt = receivedAt;
    }

    public long Id { get; private set; }

    public string Name { get; private set; } = "";

    public string Email { get; private set; } = "";

    public string Subject { get; private set; } = "";

    public string Body { get; private set; } = "";

    public string Culture { get; private set; } = "en";

    public DateTimeOffset ReceivedAt { get; private set; }

    public DateTimeOffset? ReadAt { get; private set; }

    public string? ReadBy { get; private set; }

    public void MarkRead(string organizer, DateTimeOffset now)
    {
        ReadAt ??= now;
        ReadBy ??= organizer;
    }

    public void MarkUnread()
    {
        ReadAt = null;
        ReadBy = null;
    }
}
