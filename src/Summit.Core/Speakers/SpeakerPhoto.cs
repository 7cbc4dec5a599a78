namespace Summit.Core.Speakers;

public enum PhotoStatus
{
    /// <summary>Uploaded by the speaker; waits for an organizer before it replaces the public photo.</summary>
    Pending,
    Approved,
    Rejected,

    /// <summary>Was the public photo until a newer one was approved.</summary>
    Replaced,
}

/// <summary>A speaker's photo with its credit, source and licence kept as data (the page prints the credit under it).</summary>
public sealed class SpeakerPhoto
{
    public const int CreditMaxLength = 200;
    public const int SourceMaxLength = 300;
    public const int LicenceMaxLength = 100;

    private SpeakerPhoto()
    {
    }

    internal SpeakerPhoto(int speakerId, string key, int width, int height, string credit, string? source, string licence, string? submittedBy, DateTimeOffset now)
    {
        SpeakerId = speakerId;
        Key = key;
        Width = width;
        Height = height;
        Credit = credit;
        Source = source;
        Licence = licence;
        SubmittedBy = submittedBy;
        SubmittedAt = now;
        Status = PhotoStatus.Pending;
    }

    public int Id { get; private set; }

    public int SpeakerId { get; private set; }

    /// <summary>Random hex that names the files and the media URL; new for every upload, so URLs can be cached forever.</summary>
    public string Key { get; private set; } = "";

    public int Width { get; private set; }

    public int Height { get; private set; }

    public string Credit { get; private set; } = "";

    public string? Source { get; private set; }

    public string Licence { get; private set; } = "";

    public PhotoStatus Status { get; private set; }

    public string? SubmittedBy { get; private set; }

    public DateTimeOffset SubmittedAt { get; private set; }

    public DateTimeOffset? ReviewedAt { get; private set; }

    public string? ReviewedBy { get; private set; }

    internal void Approve(string reviewer, DateTimeOffset now)
    {
        Status = PhotoStatus.Approved;
        ReviewedAt = now;
        ReviewedBy = reviewer;
    }

    internal void Reject(string reviewer, DateTimeOffset now)
    {
        Status = PhotoStatus.Rejected;
        ReviewedAt = now;
        ReviewedBy = reviewer;
    }

    internal void Replace() => Status = PhotoStatus.Replaced;

    /// <summary>Moves the photo to the profile a duplicate is merged into; its public photo stays public unless that profile has one.</summary>
    internal void MoveTo(int speakerId, bool demote)
    {
        SpeakerId = speakerId;
        if (demote && Status == PhotoStatus.Approved)
        {
            Status = PhotoStatus.Replaced;
        }
    }
}
