namespace Summit.Core.Scheduling;

/// <summary>
/// A published, frozen programme: v1, v2… The public, the exports and the emails read the latest one; the changelog
/// lists them all. Nothing in a version changes after it is made.
/// </summary>
public sealed class ScheduleVersion
{
    private readonly List<PublishedSession> sessions = [];
    private readonly List<ScheduleChange> changes = [];

    private ScheduleVersion()
    {
    }

    public int Id { get; private set; }

    public int EditionId { get; private set; }

    /// <summary>1, 2, 3…; unique per edition, so two organizers publishing at once cannot both make v3.</summary>
    public int Number { get; private set; }

    /// <summary>"v1"; organizers may add a few words ("v2 – keynote moved").</summary>
    public string Name { get; private set; } = "";

    public DateTimeOffset PublishedAt { get; private set; }

    public string? PublishedBy { get; private set; }

    /// <summary>The edition's <c>ScheduleDraftRevision</c> this version froze; a higher one means unpublished changes.</summary>
    public int DraftRevision { get; private set; }

    public IReadOnlyList<PublishedSession> Sessions => sessions;

    public IReadOnlyList<ScheduleChange> Changes => changes;

    internal static ScheduleVersion Create(int editionId, int number, string? note, DateTimeOffset now, string? publishedBy, int draftRevision) => new()
    {
        DraftRevision = draftRevision,
        EditionId = editionId,
        Number = number,
        Name = string.IsNullOrWhiteSpace(note) ? $"v{number}" : $"v{number} – {note.Trim()}",
        PublishedAt = now,
        PublishedBy = publishedBy,
    };

    internal void Add(PublishedSession session) => sessions.Add(session);

    internal void Add(ScheduleChange change) => changes.Add(change);
}
