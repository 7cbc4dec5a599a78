using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Summit.Core.Data;
using Summit.Core.Editions;

namespace Summit.Core.Registrations;

public sealed record SaveCategoryResult(int? CategoryId, IReadOnlyList<Refusal> Refusals)
{
    public bool Saved => CategoryId is not null;
}

/// <summary>
/// Creates and edits registration categories, and issues invitation codes. A capacity can go up (the waiting list
/// moves up at once) or down to the seats already confirmed, never below.
/// </summary>
public sealed class SaveCategory(SummitDbContext db, ChangeRegistration change, RegistrationEvents events, TimeProvider clock)
{
    public const int NameMaxLength = 100;
    public const int DescriptionMaxLength = 1000;
    public const int MaxCapacity = 1_000_000;
    private const string CodeAlphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    public static class Reasons
    {
        public const string NameRequired = "Enter the name in English and in Chinese.";
        public const string CapacityRange = "The capacity must be between 1 and 1,000,000, or empty for unlimited.";
        public const string CapacityBelowConfirmed = "The capacity cannot go below the {0} seats already confirmed.";
        public const string WindowOrder = "The closing time must be after the opening time.";
        public const string NotFound = "This category does not exist (any more).";
        public const string TextTooLong = "This text is too long.";
        public const string CodeShape = "Use 4 to 40 letters and digits for a code, or leave it empty to generate one.";
        public const string CodeTaken = "Another invitation code of this edition is already this.";
        public const string UsesRange = "A code can be used between 1 and 10,000 times.";
        public const string Changed = "The category changed since you read it; read it again and decide on what it is now.";
        public const string ColourShape = "Choose the badge colour as # and six hexadecimal digits, for example #0b4f8a, or leave it empty.";
    }

    public async Task<SaveCategoryResult> RunAsync(int editionId, int? id, CategoryDetails details, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(details);
        var refusals = new List<Refusal>();
        if (string.IsNullOrWhiteSpace(details.NameEn) || string.IsNullOrWhiteSpace(details.NameZh))
        {
            refusals.Add(new(nameof(CategoryDetails.NameEn), Reasons.NameRequired));
        }

        if (details.Capacity is < 1 or > MaxCapacity)
        {
            refusals.Add(new(nameof(CategoryDetails.Capacity), Reasons.CapacityRange));
        }

        if (details.OpensAt is { } opens && details.ClosesAt is { } closes && closes <= opens)
        {
            refusals.Add(new(nameof(CategoryDetails.ClosesAt), Reasons.WindowOrder));
        }

        if (!BadgeColours.IsValid(details.BadgeColour))
        {
            refusals.Add(new(nameof(CategoryDetails.BadgeColour), Reasons.ColourShape));
        }

        refusals.AddRange(Texts.TooLong(
            Reasons.TextTooLong,
            (nameof(CategoryDetails.NameEn), details.NameEn, NameMaxLength),
            (nameof(CategoryDetails.NameZh), details.NameZh, NameMaxLength),
            (nameof(CategoryDetails.DescriptionEn), details.DescriptionEn, DescriptionMaxLength),
            (nameof(CategoryDetails.DescriptionZh), details.DescriptionZh, DescriptionMaxLength)));
        if (refusals.Count > 0)
        {
            return new(null, refusals);
        }

        RegistrationCategory category;
        var grew = false;
        var reprint = false;
        if (id is null)
        {
            category = RegistrationCategory.Create(editionId, details);
            db.RegistrationCategories.Add(category);
            await db.SaveChangesAsync(cancellationToken);
        }
        else
        {
            // Under the category's row lock, so no seat is taken between the check and the save.
            var strategy = db.Database.CreateExecutionStrategy();
            var refusal = await strategy.ExecuteAsync(async () =>
            {
                await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                await SeatLedger.LockAsync(db, id.Value, cancellationToken);
                var found = await db.RegistrationCategories.FirstOrDefaultAsync(c => c.Id == id && c.EditionId == editionId, cancellationToken);
                if (found is null)
                {
                    return new Refusal("", Reasons.NotFound);
                }

                if (details.Capacity is int capacity && capacity < found.Confirmed)
                {
                    return Refusal.With(nameof(CategoryDetails.Capacity), Reasons.CapacityBelowConfirmed, found.Confirmed.ToString(System.Globalization.CultureInfo.InvariantCulture));
                }

                grew = details.Capacity is null ? found.Capacity is not null : found.Capacity is int old && details.Capacity > old;
                var printed = (found.NameEn, found.NameZh, BadgeColours.For(found));
                found.Apply(details);
                reprint = printed != (found.NameEn, found.NameZh, BadgeColours.For(found));
                if (reprint)
                {
                    events.RecordBadgesChanged(editionId, found.Id);
                }

                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                return null;
            });
            if (refusal is not null)
            {
                return new(null, [refusal]);
            }

            category = await db.RegistrationCategories.AsNoTracking().FirstAsync(c => c.Id == id, cancellationToken);
        }

        if (grew)
        {
            await change.PromoteAsync(category.Id, cancellationToken);
        }

        return new(category.Id, []);
    }

    /// <summary>
    /// Changes only a category's capacity (null for unlimited), as the organizer API does: never below the seats
    /// confirmed; more seats move the waiting list up at once. With <paramref name="expectedVersion"/> (a
    /// <see cref="RegistrationCategory.SettingsVersion"/> read before), refused if the settings changed since.
    /// </summary>
    public async Task<IReadOnlyList<Refusal>> ChangeCapacityAsync(int id, int? capacity, string? expectedVersion, CancellationToken cancellationToken = default)
    {
        if (capacity is < 1 or > MaxCapacity)
        {
            return [new(nameof(CategoryDetails.Capacity), Reasons.CapacityRange)];
        }

        var grew = false;
        var strategy = db.Database.CreateExecutionStrategy();
        var refusal = await strategy.ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await SeatLedger.LockAsync(db, id, cancellationToken);
            var found = await db.RegistrationCategories.FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
            if (found is null)
            {
                return new Refusal("", Reasons.NotFound);
            }

            if (expectedVersion is not null && found.SettingsVersion() != expectedVersion)
            {
                return new Refusal(ChangeRegistration.VersionField, Reasons.Changed);
            }

            if (capacity is int seats && seats < found.Confirmed)
            {
                return Refusal.With(nameof(CategoryDetails.Capacity), Reasons.CapacityBelowConfirmed, found.Confirmed.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }

            grew = capacity is null ? found.Capacity is not null : found.Capacity is int old && capacity > old;
            found.ChangeCapacity(capacity);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return null;
        });
        db.ChangeTracker.Clear();
        if (refusal is not null)
        {
            return [refusal];
        }

        if (grew)
        {
            await change.PromoteAsync(id, cancellationToken);
        }

        return [];
    }

    /// <summary>Issues an invitation code for a category; a blank code gets a random one (no look-alike letters).</summary>
    public async Task<(string? Code, IReadOnlyList<Refusal> Refusals)> IssueCodeAsync(int editionId, int categoryId, string? code, int maxUses, bool bypassesApproval, string? note, CancellationToken cancellationToken = default)
    {
        var wanted = string.IsNullOrWhiteSpace(code)
            ? new string(RandomNumberGenerator.GetItems(CodeAlphabet.AsSpan(), 10))
            : code.Trim().ToUpperInvariant();
        if (wanted.Length is < 4 or > RegisterAttendee.CodeMaxLength || !wanted.All(char.IsAsciiLetterOrDigit))
        {
            return (null, [new("Code", Reasons.CodeShape)]);
        }

        if (maxUses is < 1 or > 10_000)
        {
            return (null, [new("MaxUses", Reasons.UsesRange)]);
        }

        if (!await db.RegistrationCategories.AnyAsync(c => c.Id == categoryId && c.EditionId == editionId, cancellationToken))
        {
            return (null, [new("CategoryId", RegisterAttendee.Reasons.UnknownCategory)]);
        }

        if (await db.InvitationCodes.AnyAsync(c => c.EditionId == editionId && c.Code == wanted, cancellationToken))
        {
            return (null, [new("Code", Reasons.CodeTaken)]);
        }

        db.InvitationCodes.Add(InvitationCode.Create(editionId, categoryId, wanted, maxUses, bypassesApproval, note, clock.GetUtcNow()));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return (null, [new("Code", Reasons.CodeTaken)]);
        }

        return (wanted, []);
    }
}
