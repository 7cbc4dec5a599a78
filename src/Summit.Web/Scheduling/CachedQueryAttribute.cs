namespace Summit.Web.Scheduling;

/// <summary>
/// The query parameters an output-cached programme endpoint reads, and so the only ones its cache key varies by: any
/// other parameter (<c>&amp;x=random</c>, a tracking tag) is answered from the same entry, so nobody can fill the cache
/// by adding parameters. An endpoint without it reads none. The endpoint sends a value it would not show as asked
/// (an unknown day, a zone that is the edition's own) to its canonical address, so only canonical values are stored.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = false)]
internal sealed class CachedQueryAttribute(params string[] keys) : Attribute
{
    public IReadOnlyList<string> Keys { get; } = keys;
}
