using Microsoft.EntityFrameworkCore;
using Summit.Core.Data;

namespace Summit.Core.Registrations;

/// <summary>How many registrations of one category are in one status, by the day (UTC) they were made.</summary>
public sealed record RegistrationTally(int CategoryId, RegistrationStatus Status, DateOnly Day, int Count);

/// <summary>
/// The organizers' dashboard counts in one pass over an edition's registrations, grouped in the database: a few
/// hundred rows for tens of thousands of registrations (per category and status, per day and category, from the
/// same rows), where reading each registration's date would carry every one of them over.
/// </summary>
public static class RegistrationTallies
{
    /// <summary>Days from 0001-01-01 to 1970-01-01, to turn Unix days into <see cref="DateOnly.DayNumber"/>.</summary>
    private const long UnixEpochDayNumber = 719_162;

    public static async Task<IReadOnlyList<RegistrationTally>> ForEditionAsync(SummitDbContext db, int editionId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        // The day in SQL: SQLite keeps a DateTimeOffset as EF's binary long (ticks / 1000, shifted 11 bits, the
        // offset's minutes below; Summit writes UTC, offset 0), PostgreSQL as timestamptz.
        var rows = db is PostgresSummitDbContext
            ? db.Database.SqlQuery<Row>($"""
                SELECT "CategoryId", "Status", floor(extract(epoch FROM "CreatedAt") / 86400)::bigint + {UnixEpochDayNumber} AS "Day", count(*)::int AS "Count"
                FROM "Registrations" WHERE "EditionId" = {editionId} GROUP BY 1, 2, 3
                """)
            : db.Database.SqlQuery<Row>($"""
                SELECT "CategoryId", "Status", ("CreatedAt" >> 11) / 864000000 AS "Day", count(*) AS "Count"
                FROM "Registrations" WHERE "EditionId" = {editionId} GROUP BY 1, 2, 3
                """);
        return [.. (await rows.ToListAsync(cancellationToken)).Select(r => new RegistrationTally(r.CategoryId, Enum.Parse<RegistrationStatus>(r.Status), DateOnly.FromDayNumber((int)r.Day), r.Count))];
    }

    /// <summary>A row as the database returns it.</summary>
    internal sealed class Row
    {
        public int CategoryId { get; set; }

        public string Status { get; set; } = "";

        public long Day { get; set; }

        public int Count { get; set; }
    }
}
