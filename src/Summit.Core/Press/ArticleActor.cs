namespace Summit.Core.Press;

/// <summary>Who acts on an article: an account, and whether it is an editor (an Organizer, or a Press editor).</summary>
public sealed record ArticleActor(string UserId, string Email, string Name, bool IsEditor);
