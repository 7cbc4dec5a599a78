using Microsoft.EntityFrameworkCore;

namespace Summit.Core.Paging;

/// <summary>
/// One page of a long list and where it stands: its rows, its number (1-based), how many rows match in all. A number
/// past the end shows the last page and one below 1 the first, so a link kept from before a list shrank still
/// lands on rows. Two statements: the count and the page.
/// </summary>
public sealed record PageOf<T>(IReadOnlyList<T> Rows, int Number, int Size, int Total)
{
    public int Count => Pages.Count(Total, Size);

    public bool HasPrevious => Number > 1;

    public bool HasNext => Number < Count;

    /// <summary>The 1-based positions of the first and last rows shown, for "rows 101–200 of 20,000".</summary>
    public (int First, int Last) Shown => Rows.Count == 0 ? (0, 0) : (((Number - 1) * Size) + 1, ((Number - 1) * Size) + Rows.Count);
}

/// <summary>Page arithmetic, and reading one page of a query.</summary>
public static class Pages
{
    /// <summary>Pages of <paramref name="size"/> rows for <paramref name="total"/> rows; one page when there are none.</summary>
    public static int Count(int total, int size)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(size);
        return Math.Max(1, (int)((Math.Max(0, (long)total) + size - 1) / size));
    }

    /// <summary>The page to show when <paramref name="asked"/> is asked of <paramref name="total"/> rows.</summary>
    public static int Clamp(int? asked, int total, int size) => Math.Clamp(asked ?? 1, 1, Count(total, size));

    /// <summary>Counts <paramref name="query"/> and reads page <paramref name="asked"/> of it; the query carries its own order.</summary>
    public static async Task<PageOf<T>> ToPageAsync<T>(this IQueryable<T> query, int? asked, int size, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var total = await query.CountAsync(cancellationToken);
        var number = Clamp(asked, total, size);
        var rows = total == 0 ? [] : await query.Skip((number - 1) * size).Take(size).ToListAsync(cancellationToken);
        return new PageOf<T>(rows, number, size, total);
    }
}
