using Summit.Core.Editions;

namespace Summit.Core.Speakers;

/// <summary>An organizer's mark that a speaker takes part in an edition (sessions will say so too, once the Programme lands).</summary>
public sealed class SpeakerEdition
{
    private SpeakerEdition()
    {
    }

    internal SpeakerEdition(int editionId) => EditionId = editionId;

    internal SpeakerEdition(Edition edition) => Edition = edition;

    public int SpeakerId { get; private set; }

    public int EditionId { get; private set; }

    public Edition? Edition { get; private set; }
}
