using Microsoft.EntityFrameworkCore;
using Summit.Core.Data;

namespace Summit.Core.Registrations;

public enum CheckInResult
{
    Welcome,
    AlreadyCheckedIn,
    NotConfirmed,
    Cancelled,
    Invalid,
    OtherEdition,
}

/// <summary>What the desk shows after a scan: the verdict, and whom it is about.</summary>
public sealed record CheckInOutcome(
    CheckInResult Result,
    int? RegistrationId,
    string? NameZh,
    string? NameLatin,
    string? CategoryEn,
    string? CategoryZh,
    string? Organisation,
    DateTimeOffset? CheckedInAt,
    string? CheckedInDesk,
    int? SpeakerId);

/// <summary>
/// Checks a badge in at a desk. The token is verified first (tampered or foreign: invalid); then the registration it
/// names decides: confirmed and the badge's revision current gives welcome, unless it was checked in before. Marking
/// arrival is one UPDATE that only matches a registration not yet checked in, so two desks scanning the same badge at
/// once answer welcome once and "already checked in" once. Every scan is logged.
/// </summary>
public sealed class CheckInAttendee(SummitDbContext db, BadgeTokens tokens, RegistrationEvents events, TimeProvider clock)
{
    public const int DeskMaxLength = 60;

    /// <summary>A desk name fit to store: no control characters, at most <see cref="DeskMaxLength"/>, never half a character.</summary>
    public static string? CleanDesk(string? desk)
    {
        var text = new string((desk ?? "").Where(c => !char.IsControl(c)).ToArray()).Trim();
        if (text.Length > DeskMaxLength)
        {
            text = text[..DeskMaxLength];
            if (char.IsHighSurrogate(text[^1]))
            {
                text = text[..^1];
            }
        }

        return text.Length == 0 ? null : text;
    }

    /// <param name="editionId">The edition at this door: a badge of another edition does not open it.</param>
    public async Task<CheckInOutcome> RunAsync(string? code, int editionId, string? desk, string? scannedBy, CancellationToken cancellationToken = default)
    {
        var deskName = CleanDesk(desk) ?? "—";
        var now = clock.GetUtcNow();
        Registration? registration;
        var current = false;
        if (BadgeTokens.NormalizeShortCode(code) is { } shortCode)
        {
            // Typed from under the QR code: the code is the badge's own, so it is current while it exists.
            registration = await db.Registrations.AsNoTracking().FirstOrDefaultAsync(r => r.BadgeCode == shortCode, cancellationToken);
            current = registration is not null;
        }
        else
        {
            var named = tokens.Read(code);
            registration = named is { } n ? await db.Registrations.AsNoTracking().FirstOrDefaultAsync(r => r.Id == n.RegistrationId, cancellationToken) : null;
            current = registration is not null && named!.Value.Revision == registration.BadgeRevision;
        }

        // The arrival, its scan and what follows it (the checkin.created webhook) commit together.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        CheckInResult result;
        if (registration is null || !current || registration.ErasedAt is not null)
        {
            result = CheckInResult.Invalid;
        }
        else if (registration.EditionId != editionId)
        {
            result = CheckInResult.OtherEdition;
        }
        else if (registration.Status is RegistrationStatus.Cancelled or RegistrationStatus.Declined)
        {
            result = CheckInResult.Cancelled;
        }
        else if (registration.Status != RegistrationStatus.Confirmed)
        {
            result = CheckInResult.NotConfirmed;
        }
        else
        {
            var marked = await db.Registrations
                .Where(r => r.Id == registration.Id && r.EditionId == editionId && r.CheckedInAt == null && r.Status == RegistrationStatus.Confirmed)
                // A new version: the API's ETag and changedSince see the arrival.
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.CheckedInAt, now).SetProperty(r => r.CheckedInDesk, deskName).SetProperty(r => r.UpdatedAt, now), cancellationToken);
            result = marked == 1 ? CheckInResult.Welcome : CheckInResult.AlreadyCheckedIn;
            if (result == CheckInResult.Welcome)
            {
                events.RecordCheckedIn(new CheckedIn(registration.Id, now, deskName));
            }
        }

        db.CheckInScans.Add(new CheckInScan(editionId, result is CheckInResult.Invalid or CheckInResult.OtherEdition ? null : registration?.Id, result, deskName, scannedBy, now));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        db.ChangeTracker.Clear();
        if (result is CheckInResult.Invalid or CheckInResult.OtherEdition || registration is null)
        {
            return new CheckInOutcome(result, null, null, null, null, null, null, null, null, null);
        }

        var category = await db.RegistrationCategories.AsNoTracking().Where(c => c.Id == registration.CategoryId).Select(c => new { c.NameEn, c.NameZh }).FirstAsync(cancellationToken);
        var arrival = await db.Registrations.AsNoTracking().Where(r => r.Id == registration.Id).Select(r => new { r.CheckedInAt, r.CheckedInDesk }).FirstAsync(cancellationToken);
        return new CheckInOutcome(result, registration.Id, registration.NameZh, registration.NameLatin, category.NameEn, category.NameZh, registration.Organisation,
            arrival.CheckedInAt, arrival.CheckedInDesk, registration.SpeakerId);
    }
}
