namespace Summit.Core.Consequences;

/// <summary>
/// In the scope a handler runs in: which consequence it carries out. Its id is unique and follows the order of the
/// commits that wrote it, so a handler can use it as the key of what it writes (written once however often it runs)
/// and as a sequence.
/// </summary>
public sealed class ConsequenceContext
{
    /// <summary>0 outside a consequence (a handler called directly, in a test).</summary>
    public long Id { get; internal set; }
}
