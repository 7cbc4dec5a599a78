using Microsoft.EntityFrameworkCore;
using Summit.Core.Data;
using Summit.Core.Editions;
using Summit.Core.Registrations;

namespace Summit.Core.Api;

/// <summary>The editions a token reaches: all, or the listed ones.</summary>
public sealed record ApiReach(IReadOnlyList<int>? Editions)
{
    public static readonly ApiReach All = new((IReadOnlyList<int>?)null);

    public bool Includes(int editionId) => Editions is null || Editions.Contains(editionId);
}

/// <summary>A filter of the registrations list, as the query string gives it (unparsed, so the refusals can name the field).</summary>
public sealed record RegistrationQuery(string? Edition, string? Status, string? Category, string? ChangedSince, string? After, string? Limit);

public sealed record ApiPage<T>(IReadOnlyList<T> Items, int? NextAfter, IReadOnlyList<Refusal> Refusals)
{
    public bool Refused => Refusals.Count > 0;
}

/// <summary>
/// What the organizer API reads: only within the token's editions, in a stable order (by id), a page at a time with
/// the id to continue after, so a client that follows the pages sees every row once even while rows are added.
/// </summary>
public sealed class ApiQueries(SummitDbContext db)
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 500;

    public static class Reasons
    {
        public const string Limit = "limit must be between 1 and 500.";
        public const string Status = "status must be one of PendingApproval, Confirmed, Waitlisted, Declined, Cancelled.";
        public const string EditionOutOfReach = "This token does not reach that edition.";
        public const string After = "after must be a registration id (a positive number).";
        public const string Number = "This must be a whole number.";
        public const string Time = "changedSince must be a time in ISO 8601 with its offset, for example 2026-11-04T00:00:00Z.";
    }

    public async Task<IReadOnlyList<Edition>> EditionsAsync(ApiReach reach, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reach);
        var query = db.Editions.AsNoTracking();
        if (reach.Editions is { } ids)
        {
            query = query.Where(e => ids.Contains(e.Id));
        }

        return await query.OrderBy(e => e.Id).ToListAsync(cancellationToken);
    }

    public async Task<ApiPage<Registration>> RegistrationsAsync(ApiReach reach, RegistrationQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reach);
        ArgumentNullException.ThrowIfNull(query);
        var refusals = new List<Refusal>();
        int? Number(string field, string? text)
        {
            if (string.IsNullOrEmpty(text))
            {
                return null;
            }

            if (int.TryParse(text, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var value))
            {
                return value;
            }

            refusals.Add(new(field, Reasons.Number));
            return null;
        }

        var edition = Number("edition", query.Edition);
        var category = Number("category", query.Category);
        var after = Number("after", query.After);
        var limit = Number("limit", query.Limit) ?? (refusals.Any(r => r.Field == "limit") ? 0 : DefaultLimit);
        if (limit is < 1 or > MaxLimit && !refusals.Any(r => r.Field == "limit"))
        {
            refusals.Add(new("limit", Reasons.Limit));
        }

        DateTimeOffset? changedSince = null;
        if (!string.IsNullOrEmpty(query.ChangedSince))
        {
            if (DateTimeOffset.TryParse(query.ChangedSince, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var since)
                && query.ChangedSince.Contains('T', StringComparison.Ordinal))
            {
                changedSince = since.ToUniversalTime();
            }
            else
            {
                refusals.Add(new("changedSince", Reasons.Time));
            }
        }

        RegistrationStatus? status = null;
        if (!string.IsNullOrEmpty(query.Status))
        {
            if (Enum.TryParse<RegistrationStatus>(query.Status, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(query.Status, out _))
            {
                status = parsed;
            }
            else
            {
                refusals.Add(new("status", Reasons.Status));
            }
        }

        if (after is < 0)
        {
            refusals.Add(new("after", Reasons.After));
        }

        if (edition is { } chosen && !reach.Includes(chosen))
        {
            refusals.Add(new("edition", Reasons.EditionOutOfReach));
        }

        if (refusals.Count > 0)
        {
            return new([], null, refusals);
        }

        var rows = db.Registrations.AsNoTracking();
        if (edition is { } only)
        {
            rows = rows.Where(r => r.EditionId == only);
        }
        else if (reach.Editions is { } ids)
        {
            rows = rows.Where(r => ids.Contains(r.EditionId));
        }

        if (status is { } s)
        {
            rows = rows.Where(r => r.Status == s);
        }

        if (category is { } inCategory)
        {
            rows = rows.Where(r => r.CategoryId == inCategory);
        }

        if (changedSince is { } from)
        {
            rows = rows.Where(r => r.UpdatedAt >= from);
        }

        if (after is { } afterId)
        {
            rows = rows.Where(r => r.Id > afterId);
        }

        var page = await rows.OrderBy(r => r.Id).Take(limit + 1).ToListAsync(cancellationToken);
        var more = page.Count > limit;
        if (more)
        {
            page.RemoveAt(page.Count - 1);
        }

        return new(page, more ? page[^1].Id : null, []);
    }

    /// <summary>The categories of the token's editions (or of one of them), in id order.</summary>
    public async Task<IReadOnlyList<RegistrationCategory>> CategoriesAsync(ApiReach reach, int? editionId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reach);
        var query = db.RegistrationCategories.AsNoTracking();
        if (reach.Editions is { } ids)
        {
            query = query.Where(c => ids.Contains(c.EditionId));
        }

        if (editionId is int edition)
        {
            query = query.Where(c => c.EditionId == edition);
        }

        return await query.OrderBy(c => c.Id).ToListAsync(cancellationToken);
    }

    public async Task<RegistrationCategory?> CategoryAsync(ApiReach reach, int id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reach);
        var category = await db.RegistrationCategories.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        return category is not null && reach.Includes(category.EditionId) ? category : null;
    }

    /// <summary>One registration within reach, or null (none with this id, or in an edition the token does not reach).</summary>
    public async Task<Registration?> RegistrationAsync(ApiReach reach, int id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reach);
        var registration = await db.Registrations.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
        return registration is not null && reach.Includes(registration.EditionId) ? registration : null;
    }

    /// <summary>The session sign-ups of a registration (seats and places in line, given up ones too), in session time order.</summary>
    public async Task<IReadOnlyList<SignupDto>> SignupsAsync(int registrationId, CancellationToken cancellationToken = default) =>
        await db.SessionSignups.AsNoTracking().Where(s => s.RegistrationId == registrationId)
            .Join(db.Sessions, s => s.SessionId, session => session.Id, (s, session) => new { s, session })
            .OrderBy(x => x.session.StartsAt).ThenBy(x => x.s.Id)
            .Select(x => new SignupDto(x.s.Id, x.s.SessionId, x.session.TitleEn, x.session.TitleZh, x.session.StartsAt, x.s.Status.ToString(), x.s.WaitlistTicket, x.s.CreatedAt, x.s.StatusChangedAt))
            .ToListAsync(cancellationToken);

    /// <summary>
    /// Speakers within reach (listed for one of the token's editions; a token for every edition sees those listed for
    /// none too), in id order from <paramref name="after"/>, one more than <paramref name="limit"/> to tell a next page.
    /// </summary>
    public async Task<IReadOnlyList<Speakers.Speaker>> SpeakersAsync(ApiReach reach, int? editionId, long after, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reach);
        var query = db.Speakers.AsNoTracking().Include(s => s.Editions).Where(s => s.Id > after);
        if (reach.Editions is { } ids)
        {
            query = query.Where(s => s.Editions.Any(e => ids.Contains(e.EditionId)));
        }

        if (editionId is int edition)
        {
            query = query.Where(s => s.Editions.Any(e => e.EditionId == edition));
        }

        return await query.OrderBy(s => s.Id).Take(limit + 1).AsSplitQuery().ToListAsync(cancellationToken);
    }

    /// <summary>One speaker within reach, or null.</summary>
    public async Task<Speakers.Speaker?> SpeakerAsync(ApiReach reach, int id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reach);
        var speaker = await db.Speakers.AsNoTracking().Include(s => s.Editions).AsSplitQuery().FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
        return speaker is not null && (reach.Editions is null || speaker.Editions.Any(e => reach.Includes(e.EditionId))) ? speaker : null;
    }

    /// <summary>The working copy's sessions a speaker is on, within reach, in time order (unplaced ones last).</summary>
    public async Task<IReadOnlyList<Scheduling.Session>> SpeakerSessionsAsync(ApiReach reach, int speakerId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reach);
        var query = db.Sessions.AsNoTracking().Where(s => s.Speakers.Any(p => p.SpeakerId == speakerId));
        if (reach.Editions is { } ids)
        {
            query = query.Where(s => ids.Contains(s.EditionId));
        }

        return (await query.ToListAsync(cancellationToken)).OrderBy(s => s.StartsAt is null).ThenBy(s => s.StartsAt).ThenBy(s => s.Id).ToList();
    }

    /// <summary>The working copy's sessions of an edition, in id order from <paramref name="after"/>, one more than <paramref name="limit"/>.</summary>
    public async Task<IReadOnlyList<Scheduling.Session>> SessionsAsync(int editionId, long after, int limit, CancellationToken cancellationToken = default) =>
        await db.Sessions.AsNoTracking().Where(s => s.EditionId == editionId && s.Id > after).OrderBy(s => s.Id).Take(limit + 1).ToListAsync(cancellationToken);
}
