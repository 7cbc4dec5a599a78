using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
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

/// <summary>One scan at a desk, whatever it found: the log of the door.</summary>
public sealed class CheckInScan
{
    private CheckInScan()
    {
    }

    internal CheckInScan(int? editionId, int? registrationId, CheckInResult result, string desk, string? scannedBy, DateTimeOffset at)
    {
        EditionId = editionId;
        RegistrationId = registrationId;
        Result = result;
        Desk = desk;
        ScannedBy = scannedBy;
        At = at;
    }

    public long Id { get; private set; }

    public int? EditionId { get; private set; }

    public int? RegistrationId { get; private set; }

    public CheckInResult Result { get; private set; }

    public string Desk { get; private set; } = "";

    public string? ScannedBy { get; private set; }

    public DateTimeOffset At { get; private set; }
}

internal sealed class CheckInScanConfiguration : IEntityTypeConfiguration<CheckInScan>
{
    public void Configure(EntityTypeBuilder<CheckInScan> builder)
    {
        builder.HasOne<Editions.Edition>().WithMany().HasForeignKey(s => s.EditionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Registration>().WithMany().HasForeignKey(s => s.RegistrationId).OnDelete(DeleteBehavior.SetNull);
        builder.Property(s => s.Result).HasConversion<string>().HasMaxLength(20);
        builder.Property(s => s.Desk).HasMaxLength(CheckInAttendee.DeskMaxLength);
        builder.Property(s => s.ScannedBy).HasMaxLength(450);
        builder.HasIndex(s => new { s.EditionId, s.At });
    }
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
public sealed class CheckInAttendee(SummitDbContext db, BadgeTokens tokens, TimeProvider clock)
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
            registration = await db.Registrations.AsNoTracking().FirstOrDefaultAsync(r => r.BadgeCode == shortCode, cancellationToken).ConfigureAwait(false);
            current = registration is not null;
        }
        else
        {
            var named = tokens.Read(code);
            registration = named is { } n ? await db.Registrations.AsNoTracking().FirstOrDefaultAsync(r => r.Id == n.RegistrationId, cancellationToken).ConfigureAwait(false) : null;
            current = registration is not null && named!.Value.Revision == registration.BadgeRevision;
        }

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
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.CheckedInAt, now).SetProperty(r => r.CheckedInDesk, deskName), cancellationToken).ConfigureAwait(false);
            result = marked == 1 ? CheckInResult.Welcome : CheckInResult.AlreadyCheckedIn;
        }

        db.CheckInScans.Add(new CheckInScan(editionId, result is CheckInResult.Invalid or CheckInResult.OtherEdition ? null : registration?.Id, result, deskName, scannedBy, now));
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        db.ChangeTracker.Clear();
        if (result is CheckInResult.Invalid or CheckInResult.OtherEdition || registration is null)
        {
            return new CheckInOutcome(result, null, null, null, null, null, null, null, null, null);
        }

        var category = await db.RegistrationCategories.AsNoTracking().Where(c => c.Id == registration.CategoryId).Select(c => new { c.NameEn, c.NameZh }).FirstAsync(cancellationToken).ConfigureAwait(false);
        var arrival = await db.Registrations.AsNoTracking().Where(r => r.Id == registration.Id).Select(r => new { r.CheckedInAt, r.CheckedInDesk }).FirstAsync(cancellationToken).ConfigureAwait(false);
        return new CheckInOutcome(result, registration.Id, registration.NameZh, registration.NameLatin, category.NameEn, category.NameZh, registration.Organisation,
            arrival.CheckedInAt, arrival.CheckedInDesk, registration.SpeakerId);
    }
}
