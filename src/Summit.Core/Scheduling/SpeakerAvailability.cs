namespace Summit.Core.Scheduling;

/// <summary>When a speaker can be on stage during an edition. A speaker without any window is available throughout.</summary>
public sealed class SpeakerAvailability
{
    private SpeakerAvailability()
    {
    }

    public int Id { get; private set; }

    public int EditionId { get; private set; }

    public int SpeakerId { get; private set; }

    public DateTimeOffset StartsAt { get; private set; }

    public DateTimeOffset EndsAt { get; private set; }

    internal static SpeakerAvailability Create(int editionId, int speakerId, DateTimeOffset startsAt, DateTimeOffset endsAt) =>
        new() { EditionId = editionId, SpeakerId = speakerId, StartsAt = startsAt.ToUniversalTime(), EndsAt = endsAt.ToUniversalTime() };
}
