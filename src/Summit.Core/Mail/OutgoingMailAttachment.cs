namespace Summit.Core.Mail;

/// <summary>A file sent with an email (a badge PDF, an .ics), stored with the row so a rerun sends the same bytes.</summary>
public sealed class OutgoingMailAttachment
{
    private OutgoingMailAttachment()
    {
    }

    internal OutgoingMailAttachment(string fileName, string contentType, byte[] content)
    {
        FileName = fileName;
        ContentType = contentType;
        Content = content;
    }

    public long Id { get; private set; }

    public string FileName { get; private set; } = "";

    public string ContentType { get; private set; } = "";

    public byte[] Content { get; private set; } = [];
}
