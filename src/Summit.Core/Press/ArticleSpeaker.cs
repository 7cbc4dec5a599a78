namespace Summit.Core.Press;

public sealed class ArticleSpeaker
{
    private ArticleSpeaker()
    {
    }

    internal ArticleSpeaker(int speakerId) => SpeakerId = speakerId;

    public int ArticleId { get; private set; }

    public int SpeakerId { get; private set; }
}
