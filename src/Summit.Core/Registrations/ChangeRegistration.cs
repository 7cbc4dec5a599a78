using Microsoft.EntityFrameworkCore;
using Summit.Core.Data;
using Summit.Core.Editions;

namespace Summit.Core.Registrations;

/// <summary>
/// Every status change after registering: approve, decline, cancel, change category, and the promotions they cause.
/// Each runs in one transaction that first takes the affected categories' row locks, frees or takes seats through
/// <see cref="SeatLedger"/>, promotes from the waiting list first come first served, and raises the changes after the
/// commit.
/// </summary>
public sealed class ChangeRegistration(SummitDbContext db, TimeProvider clock, RegistrationEvents events)
{
    public const int MessageMaxLength = 2000;

    public static class Reasons
    {
        public const string NotFound = "This registration does not exist (any more).";
        public const string NotPending = "Only a registration waiting for approval can be approved or declined.";
        public const string AlreadyCancelled = "This registration is already cancelled or declined.";
        public const string SameCategory = "The registration is already in this category.";
        public const string UnknownCategory = "Choose one of this edition's categories.";
        public const string MessageTooLong = "Keep the message under 2,000 characters.";
        public const string EmailTaken = "Another registration for this edition uses this email address.";
        public const string NotCancelled = "Only a cancelled registration can be reinstated.";
        public const string Changed = "The registration changed since you read it; read it again and decide on what it is now.";
    }

    /// <summary>The field a refusal for a stale version names (the API answers it with 412).</summary>
    public const string VersionField = "If-Match";

    /// <summary>
    /// Corrects a person's details (by them or an organizer). The consent given when registering stands; the address
    /// stays unique per edition.
    /// </summary>
    public Task<IReadOnlyList<Refusal>> EditDetailsAsync(int id, RegistrationDetails details, CancellationToken cancellationToken = default) =>
        EditDetailsAsync(id, details, null, cancellationToken);

    /// <summary>As <see cref="EditDetailsAsync(int, RegistrationDetails, CancellationToken)"/>, refused (<see cref="VersionField"/>) when the registration is no longer the version read.</summary>
    public async Task<IReadOnlyList<Refusal>> EditDetailsAsync(int id, RegistrationDetails details, DateTimeOffset? expectedVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(details);
        var refusals = RegisterAttendee.Check(details with { Consent = true });
        if (refusals.Count > 0)
        {
            return refusals;
        }

        var email = Registration.Normalize(details.Email);
        var strategy = db.Database.CreateExecutionStrategy();
        try
        {
            var result = await strategy.ExecuteAsync(async () =>
            {
                db.ChangeTracker.Clear();
                await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                // The row lock first, and only while the data is there: an erasure that commits first is not undone.
                var locked = await db.Registrations.Where(r => r.Id == id && r.ErasedAt == null)
                    .ExecuteUpdateAsync(s => s.SetProperty(r => r.UpdatedAt, r => r.UpdatedAt), cancellationToken);
                var registration = locked == 1 ? await db.Registrations.FirstAsync(r => r.Id == id, cancellationToken) : null;
                if (registration is null)
                {
                    return (IReadOnlyList<Refusal>)[new Refusal("", Reasons.NotFound)];
                }

                if (expectedVersion is { } version && registration.UpdatedAt.UtcTicks != version.UtcTicks)
                {
                    return [new Refusal(VersionField, Reasons.Changed)];
                }

                if (email != registration.NormalizedEmail
                    && await db.Registrations.AnyAsync(r => r.EditionId == registration.EditionId && r.NormalizedEmail == email && r.Id != id, cancellationToken))
                {
                    return [new Refusal(nameof(RegistrationDetails.Email), Reasons.EmailTaken)];
                }

                var printed = (registration.NameZh, registration.NameLatin, registration.Position, registration.Organisation);
                var now = clock.GetUtcNow();
                registration.Apply(details, now);
                if (printed != (registration.NameZh, registration.NameLatin, registration.Position, registration.Organisation))
                {
                    // The badge in someone's hand shows the old details: it stops checking in, a new one is made.
                    registration.ReissueBadge(now);
                }

                events.RecordDetailsChanged(id);
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                return [];
            });
            return result;
        }
        catch (DbUpdateException)
        {
            // The same address saved for someone else a moment ago: the unique index kept theirs.
            db.ChangeTracker.Clear();
            var editionId = await db.Registrations.Where(r => r.Id == id).Select(r => r.EditionId).FirstOrDefaultAsync(cancellationToken);
            if (await db.Registrations.AnyAsync(r => r.EditionId == editionId && r.NormalizedEmail == email && r.Id != id, cancellationToken))
            {
                return [new(nameof(RegistrationDetails.Email), Reasons.EmailTaken)];
            }

            throw;
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    /// <summary>Approves pending registrations: each gets a seat, or a place on the waiting list when the category is full.</summary>
    public Task<IReadOnlyList<Refusal>> ApproveAsync(IReadOnlyCollection<int> ids, string? message, CancellationToken cancellationToken = default) =>
        ApproveAsync(ids, message, null, cancellationToken);

    /// <summary>As <see cref="ApproveAsync(IReadOnlyCollection{int}, string?, CancellationToken)"/>, refused for a registration saved since <paramref name="expectedVersion"/> (its UpdatedAt when the caller read it).</summary>
    public Task<IReadOnlyList<Refusal>> ApproveAsync(IReadOnlyCollection<int> ids, string? message, DateTimeOffset? expectedVersion, CancellationToken cancellationToken) =>
        ForEachAsync(ids, message, async (registration, now, changes) =>
        {
            if (registration.Status != RegistrationStatus.PendingApproval)
            {
                return Reasons.NotPending;
            }

            if (await SeatLedger.TryTakeSeatAsync(db, registration.CategoryId, cancellationToken))
            {
                registration.MoveTo(RegistrationStatus.Confirmed, now);
            }
            else
            {
                registration.MoveTo(RegistrationStatus.Waitlisted, now, await SeatLedger.NextTicketAsync(db, registration.CategoryId, cancellationToken));
            }

            changes.Add(new RegistrationChanged(registration.Id, RegistrationStatus.PendingApproval, registration.Status, message));
            return null;
        }, cancellationToken, expected: expectedVersion);

    public Task<IReadOnlyList<Refusal>> DeclineAsync(IReadOnlyCollection<int> ids, string? message, CancellationToken cancellationToken = default) =>
        DeclineAsync(ids, message, null, cancellationToken);

    public Task<IReadOnlyList<Refusal>> DeclineAsync(IReadOnlyCollection<int> ids, string? message, DateTimeOffset? expectedVersion, CancellationToken cancellationToken) =>
        ForEachAsync(ids, message, (registration, now, changes) =>
        {
            if (registration.Status != RegistrationStatus.PendingApproval)
            {
                return Task.FromResult<string?>(Reasons.NotPending);
            }

            registration.MoveTo(RegistrationStatus.Declined, now);
            changes.Add(new RegistrationChanged(registration.Id, RegistrationStatus.PendingApproval, RegistrationStatus.Declined, message));
            return Task.FromResult<string?>(null);
        }, cancellationToken, expected: expectedVersion);

    /// <summary>Cancels a registration (by its owner or an organizer); a freed seat goes to the first on the waiting list.</summary>
    /// <param name="byProgramme">The speaker was taken off the programme: putting them back reinstates the registration.</param>
    public Task<IReadOnlyList<Refusal>> CancelAsync(int id, string? message = null, bool byProgramme = false, CancellationToken cancellationToken = default) =>
        CancelAsync(id, message, byProgramme, null, cancellationToken);

    public Task<IReadOnlyList<Refusal>> CancelAsync(int id, string? message, DateTimeOffset? expectedVersion, CancellationToken cancellationToken) =>
        CancelAsync(id, message, false, expectedVersion, cancellationToken);

    private Task<IReadOnlyList<Refusal>> CancelAsync(int id, string? message, bool byProgramme, DateTimeOffset? expectedVersion, CancellationToken cancellationToken) =>
        ForEachAsync([id], message, async (registration, now, changes) =>
        {
            if (registration.Status is RegistrationStatus.Cancelled or RegistrationStatus.Declined)
            {
                return Reasons.AlreadyCancelled;
            }

            var from = registration.Status;
            registration.MoveTo(RegistrationStatus.Cancelled, now, byProgramme: byProgramme);
            changes.Add(new RegistrationChanged(registration.Id, from, RegistrationStatus.Cancelled, message));
            if (from == RegistrationStatus.Confirmed)
            {
                await SeatLedger.ReleaseSeatAsync(db, registration.CategoryId, cancellationToken);
            }

            return null;
        }, cancellationToken, expected: expectedVersion);

    /// <summary>A lost or stolen badge: a new one is made and emailed, and the old one no longer checks in.</summary>
    public async Task<IReadOnlyList<Refusal>> ReissueBadgeAsync(int id, CancellationToken cancellationToken = default)
    {
        var registration = await db.Registrations.FirstOrDefaultAsync(r => r.Id == id && r.ErasedAt == null, cancellationToken);
        if (registration is null)
        {
            return [new("", Reasons.NotFound)];
        }

        registration.ReissueBadge(clock.GetUtcNow());
        events.RecordDetailsChanged(id);
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return [];
    }

    /// <summary>Takes back a cancellation: a seat if one is free, else the end of the waiting list, as a new registration would.</summary>
    public Task<IReadOnlyList<Refusal>> ReinstateAsync(int id, string? message = null, CancellationToken cancellationToken = default) =>
        ForEachAsync([id], message, async (registration, now, changes) =>
        {
            if (registration.Status != RegistrationStatus.Cancelled || registration.ErasedAt is not null)
            {
                return Reasons.NotCancelled;
            }

            if (await SeatLedger.TryTakeSeatAsync(db, registration.CategoryId, cancellationToken))
            {
                registration.MoveTo(RegistrationStatus.Confirmed, now);
            }
            else
            {
                registration.MoveTo(RegistrationStatus.Waitlisted, now, await SeatLedger.NextTicketAsync(db, registration.CategoryId, cancellationToken));
            }

            changes.Add(new RegistrationChanged(registration.Id, RegistrationStatus.Cancelled, registration.Status, message));
            return null;
        }, cancellationToken);

    /// <summary>The right to erasure: cancels (freeing any seat) and removes the personal data; the counts keep the row.</summary>
    public async Task<IReadOnlyList<Refusal>> EraseAsync(int id, CancellationToken cancellationToken = default)
    {
        var refusals = await ForEachAsync([id], null, async (registration, now, changes) =>
        {
            var from = registration.Status;
            if (from is not (RegistrationStatus.Cancelled or RegistrationStatus.Declined))
            {
                registration.MoveTo(RegistrationStatus.Cancelled, now);
                if (from == RegistrationStatus.Confirmed)
                {
                    await SeatLedger.ReleaseSeatAsync(db, registration.CategoryId, cancellationToken);
                }
            }

            // No email about this one: the address is gone with the rest, in the audit trail too.
            await Audit.AuditRetention.AnonymiseAsync(db, Audit.AuditedTypes.Registration, registration.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), registration.Email, now, cancellationToken);
            await Webhooks.WebhookErasure.ScrubAsync(db, RegistrationEvents.Subject(registration.Id), cancellationToken);
            registration.Erase(now);
            return null;
        }, cancellationToken, record: _ => events.RecordDetailsChanged(id)); // the badge file carries the name too: it goes

        return refusals;
    }

    /// <summary>Moves a registration to another category of the edition: it keeps a seat only if the new category has one.</summary>
    public Task<IReadOnlyList<Refusal>> ChangeCategoryAsync(int id, int categoryId, CancellationToken cancellationToken = default) =>
        ChangeCategoryAsync(id, categoryId, null, cancellationToken);

    /// <summary>As <see cref="ChangeCategoryAsync(int, int, CancellationToken)"/>, refused (<see cref="VersionField"/>) when the registration is no longer the version read.</summary>
    public async Task<IReadOnlyList<Refusal>> ChangeCategoryAsync(int id, int categoryId, DateTimeOffset? expectedVersion, CancellationToken cancellationToken)
    {
        var current = await db.Registrations.AsNoTracking().Where(r => r.Id == id).Select(r => new { r.EditionId, r.CategoryId }).FirstOrDefaultAsync(cancellationToken);
        if (current is null)
        {
            return [new("", Reasons.NotFound)];
        }

        if (current.CategoryId == categoryId)
        {
            return [new("CategoryId", Reasons.SameCategory)];
        }

        if (!await db.RegistrationCategories.AnyAsync(c => c.Id == categoryId && c.EditionId == current.EditionId, cancellationToken))
        {
            return [new("CategoryId", Reasons.UnknownCategory)];
        }

        var moved = await ForEachAsync([id], null, async (registration, now, changes) =>
        {
            var from = registration.Status;
            var oldCategory = registration.CategoryId;
            if (from == RegistrationStatus.Confirmed)
            {
                await SeatLedger.ReleaseSeatAsync(db, oldCategory, cancellationToken);
            }

            registration.ChangeCategory(categoryId, now);
            registration.ReissueBadge(now);
            if (from is RegistrationStatus.Confirmed or RegistrationStatus.Waitlisted)
            {
                if (await SeatLedger.TryTakeSeatAsync(db, categoryId, cancellationToken))
                {
                    registration.MoveTo(RegistrationStatus.Confirmed, now);
                }
                else
                {
                    registration.MoveTo(RegistrationStatus.Waitlisted, now, await SeatLedger.NextTicketAsync(db, categoryId, cancellationToken));
                }
            }

            if (registration.Status != from)
            {
                changes.Add(new RegistrationChanged(registration.Id, from, registration.Status));
            }

            return null;
        }, cancellationToken, extraCategory: categoryId, expected: expectedVersion, record: refusals =>
        {
            if (refusals.Count == 0)
            {
                // Still confirmed, in another category: the badge prints the category.
                events.RecordDetailsChanged(id);
            }
        });

        return moved;
    }

    /// <summary>After a capacity increase: fills the new seats from the waiting list.</summary>
    public async Task PromoteAsync(int categoryId, CancellationToken cancellationToken = default)
    {
        var changes = new List<RegistrationChanged>();
        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            changes.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await SeatLedger.LockAsync(db, categoryId, cancellationToken);
            var promoted = await SeatLedger.PromoteAsync(db, categoryId, clock.GetUtcNow(), cancellationToken);
            changes.AddRange(promoted.Select(p => new RegistrationChanged(p.Id, RegistrationStatus.Waitlisted, RegistrationStatus.Confirmed)));
            events.Record(changes);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        });
        db.ChangeTracker.Clear();
    }

    /// <summary>
    /// Runs a change on each registration in one transaction: the categories involved are locked first (in id order,
    /// so two bulk actions cannot deadlock), then each change, then promotions into any seat that was freed.
    /// </summary>
    private async Task<IReadOnlyList<Refusal>> ForEachAsync(
        IReadOnlyCollection<int> ids,
        string? message,
        Func<Registration, DateTimeOffset, List<RegistrationChanged>, Task<string?>> change,
        CancellationToken cancellationToken,
        int? extraCategory = null,
        Action<IReadOnlyList<Refusal>>? record = null,
        DateTimeOffset? expected = null)
    {
        if (message is { Length: > MessageMaxLength })
        {
            return [new("Message", Reasons.MessageTooLong)];
        }

        var refusals = new List<Refusal>();
        var changes = new List<RegistrationChanged>();
        var seated = new List<SignupPromoted>();
        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            refusals.Clear();
            changes.Clear();
            seated.Clear();
            db.ChangeTracker.Clear();
            var categories = await db.Registrations.AsNoTracking().Where(r => ids.Contains(r.Id)).Select(r => r.CategoryId).Distinct().ToListAsync(cancellationToken);
            if (extraCategory is int extra)
            {
                categories.Add(extra);
            }

            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            foreach (var category in categories.Distinct().Order())
            {
                await SeatLedger.LockAsync(db, category, cancellationToken);
            }

            var now = clock.GetUtcNow();
            var registrations = await db.Registrations.Where(r => ids.Contains(r.Id)).OrderBy(r => r.Id).ToListAsync(cancellationToken);
            if (registrations.Count == 0)
            {
                refusals.Add(new("", Reasons.NotFound));
                return;
            }

            foreach (var registration in registrations)
            {
                // Compared inside the transaction, after the category's lock: a change that committed first is seen.
                if (expected is { } version && registration.UpdatedAt.UtcTicks != version.UtcTicks)
                {
                    refusals.Add(new(VersionField, Reasons.Changed));
                    continue;
                }

                if (await change(registration, now, changes) is { } reason)
                {
                    refusals.Add(new("", reason));
                }
            }

            await db.SaveChangesAsync(cancellationToken);
            foreach (var category in categories.Distinct().Order())
            {
                var promoted = await SeatLedger.PromoteAsync(db, category, now, cancellationToken);
                changes.AddRange(promoted.Select(p => new RegistrationChanged(p.Id, RegistrationStatus.Waitlisted, RegistrationStatus.Confirmed)));
            }

            await db.SaveChangesAsync(cancellationToken);

            // Seats at sessions belong to confirmed registrations only. Released last, so every transaction here takes
            // its locks in one order (categories, registrations, sessions), as sign-ups do (registration, session).
            var leaving = registrations.Where(r => r.Status != RegistrationStatus.Confirmed).Select(r => r.Id).ToList();
            if (leaving.Count > 0 && await SignUpForSession.ReleaseAsync(db, leaving, null, now, cancellationToken) is { } released)
            {
                seated.AddRange(released);
            }

            // What follows (emails, badges, seats given) commits with the change, or not at all.
            events.Record(changes);
            events.Record(seated);
            record?.Invoke(refusals);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        });
        db.ChangeTracker.Clear();
        return refusals;
    }
}
