using Summit.Core.Data;
using Summit.Core.Registrations;

namespace Summit.Core.Mail;

/// <summary>Who a bulk email goes to: registrations of one edition, narrowed by category, status and a session's sign-ups.</summary>
public sealed record MailSegment(int EditionId, int? CategoryId, RegistrationStatus? Status, int? SessionId)
{
    /// <summary>The registrations in the segment (erased ones never), one per address by construction of registrations.</summary>
    public IQueryable<Registration> Query(SummitDbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        var query = db.Registrations.Where(r => r.EditionId == EditionId && r.ErasedAt == null);
        if (CategoryId is int category)
        {
            query = query.Where(r => r.CategoryId == category);
        }

        if (Status is { } status)
        {
            query = query.Where(r => r.Status == status);
        }

        if (SessionId is int session)
        {
            query = query.Where(r => db.SessionSignups.Any(s => s.SessionId == session && s.RegistrationId == r.Id));
        }

        return query;
    }
}

/// <summary>
/// An email an organizer sent to a segment: its texts in both languages (with placeholders) and its segment. Each
/// recipient's message is an ordinary logged email about <c>bulk:{Id}</c>, so the mail log shows every one and the
/// progress is their states.
/// </summary>
public sealed class BulkMail
{
    private BulkMail()
    {
    }

    public BulkMail(MailSegment segment, string subjectEn, string subjectZh, string bodyEn, string bodyZh, string createdBy, DateTimeOffset now, string requestKey)
    {
        ArgumentNullException.ThrowIfNull(segment);
        RequestKey = requestKey;
        EditionId = segment.EditionId;
        CategoryId = segment.CategoryId;
        Status = segment.Status;
        SessionId = segment.SessionId;
        SubjectEn = subjectEn.Trim();
        SubjectZh = subjectZh.Trim();
        BodyEn = bodyEn.Trim();
        BodyZh = bodyZh.Trim();
        CreatedBy = createdBy;
        CreatedAt = now;
    }

    public int Id { get; private set; }

    public int EditionId { get; private set; }

    public int? CategoryId { get; private set; }

    public RegistrationStatus? Status { get; private set; }

    public int? SessionId { get; private set; }

    public string SubjectEn { get; private set; } = "";

    public string SubjectZh { get; private set; } = "";

    public string BodyEn { get; private set; } = "";

    public string BodyZh { get; private set; } = "";

    public string CreatedBy { get; private set; } = "";

    /// <summary>The compose form's one-time key: pressing "Send" twice (or a retried post) finds this row instead of sending twice.</summary>
    public string RequestKey { get; private set; } = "";

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>How many people the segment had when the emails were queued; null until then.</summary>
    public int? Recipients { get; private set; }

    public DateTimeOffset? QueuedAt { get; private set; }

    public MailSegment Segment => new(EditionId, CategoryId, Status, SessionId);

    public string Entity => $"bulk:{Id}";

}
