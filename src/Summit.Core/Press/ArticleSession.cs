namespace Summit.Core.Press;

public sealed class ArticleSession
{
    private ArticleSession()
    {
    }

    internal ArticleSession(int sessionId) => SessionId = sessionId;

    public int ArticleId { get; private set; }

    public int SessionId { get; private set; }
}
