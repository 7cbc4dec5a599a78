namespace Summit.Core.Editions;

public static class EditionQueries
{
    public static IQueryable<Edition> Public(this IQueryable<Edition> editions) =>
        editions.Where(e => e.Status != EditionStatus.Draft);

    /// <summary>The edition at an address (<c>/2021</c>): slugs are stored lower-case.</summary>
    public static IQueryable<Edition> WithSlug(this IQueryable<Edition> editions, string slug)
    {
        ArgumentNullException.ThrowIfNull(slug);
        var lowered = slug.ToLowerInvariant();
        return editions.Where(e => e.Slug == lowered);
    }

    /// <summary>The edition the home page shows: the open one, else the most recent public one.</summary>
    public static IQueryable<Edition> CurrentFirst(this IQueryable<Edition> editions) =>
        editions.Public()
            .OrderByDescending(e => e.Status == EditionStatus.Open)
            .ThenByDescending(e => e.StartDate);
}
