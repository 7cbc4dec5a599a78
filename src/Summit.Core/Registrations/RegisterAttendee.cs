using System.Net.Mail;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Summit.Core.Data;
using Summit.Core.Editions;

namespace Summit.Core.Registrations;

public enum RegistrationResult
{
    Confirmed,
    PendingApproval,
    Waitlisted,
    AlreadyRegistered,
    Refused,
}

/// <summary>What happened, exactly as the result page and the email say it.</summary>
public sealed record RegistrationOutcome(RegistrationResult Result, int? RegistrationId, string? AccessKey, int? WaitlistPosition, IReadOnlyList<Refusal> Refusals)
{
    public static RegistrationOutcome Refuse(params Refusal[] refusals) => new(RegistrationResult.Refused, null, null, null, refusals);
}

/// <summary>
/// Registers a person for a category of an edition: checks the form, the category's window, the invitation code,
/// duplicates by email; then, in one transaction under the category's row lock, takes a seat, or a waiting-list
/// ticket, or leaves the registration for approval. What the person is told is what was committed.
/// </summary>
public sealed class RegisterAttendee(SummitDbContext db, TimeProvider clock, RegistrationEvents events)
{
    public const int NameMaxLength = 100;
    public const int TextMaxLength = 200;
    public const int NeedsMaxLength = 1000;
    public const int CodeMaxLength = 40;

    public static class Reasons
    {
        public const string NameRequired = "Enter your family and given name in Chinese characters, in Latin letters, or both.";
        public const string EmailInvalid = "Enter a valid email address, such as name@example.com.";
        public const string ConsentRequired = "Agree to the privacy notice to register.";
        public const string UnknownCategory = "Choose one of the registration categories.";
        public const string NotOpenYet = "Registration for this category has not opened yet.";
        public const string Closed = "Registration for this category is closed.";
        public const string CodeRequired = "This category needs an invitation code.";
        public const string CodeInvalid = "This invitation code is not valid for this category.";
        public const string CodeUsedUp = "This invitation code has been used as many times as it allows.";
        public const string CountryUnknown = "Choose a country or region from the list.";
        public const string TextTooLong = "This text is too long.";
        public const string ControlCharacters = "This text contains characters that cannot be stored.";
        public const string Markup = "Enter plain text here: HTML tags such as <script> are not accepted.";
    }

    public static IReadOnlyList<Refusal> Check(RegistrationDetails details)
    {
        ArgumentNullException.ThrowIfNull(details);
        var refusals = new List<Refusal>();
        var chinese = !string.IsNullOrWhiteSpace(details.FamilyNameZh) && !string.IsNullOrWhiteSpace(details.GivenNameZh);
        var latin = !string.IsNullOrWhiteSpace(details.FamilyNameLatin) && !string.IsNullOrWhiteSpace(details.GivenNameLatin);
        if (!chinese && !latin)
        {
            refusals.Add(new(nameof(RegistrationDetails.FamilyNameLatin), Reasons.NameRequired));
        }

        var email = details.Email?.Trim() ?? "";
        if (email.Length is 0 or > 254 || !MailAddress.TryCreate(email, out var address) || address.Address != email)
        {
            refusals.Add(new(nameof(RegistrationDetails.Email), Reasons.EmailInvalid));
        }

        if (!details.Consent)
        {
            refusals.Add(new(nameof(RegistrationDetails.Consent), Reasons.ConsentRequired));
        }

        if (!string.IsNullOrWhiteSpace(details.CountryCode) && !Speakers.SaveSpeaker.IsRegion(details.CountryCode.Trim()))
        {
            refusals.Add(new(nameof(RegistrationDetails.CountryCode), Reasons.CountryUnknown));
        }

        var texts = new (string Field, string? Value, int Max)[]
        {
            (nameof(RegistrationDetails.FamilyNameZh), details.FamilyNameZh, NameMaxLength),
            (nameof(RegistrationDetails.GivenNameZh), details.GivenNameZh, NameMaxLength),
            (nameof(RegistrationDetails.FamilyNameLatin), details.FamilyNameLatin, NameMaxLength),
            (nameof(RegistrationDetails.GivenNameLatin), details.GivenNameLatin, NameMaxLength),
            (nameof(RegistrationDetails.Organisation), details.Organisation, TextMaxLength),
            (nameof(RegistrationDetails.Position), details.Position, TextMaxLength),
            (nameof(RegistrationDetails.Phone), details.Phone, 40),
            (nameof(RegistrationDetails.DietaryNeeds), details.DietaryNeeds, NeedsMaxLength),
            (nameof(RegistrationDetails.AccessibilityNeeds), details.AccessibilityNeeds, NeedsMaxLength),
        };
        refusals.AddRange(Texts.TooLong(Reasons.TextTooLong, texts));
        refusals.AddRange(texts.Where(t => Texts.HasControlCharacters(t.Value)).Select(t => new Refusal(t.Field, Reasons.ControlCharacters)));
        refusals.AddRange(texts.Where(t => Texts.LooksLikeMarkup(t.Value)).Select(t => new Refusal(t.Field, Reasons.Markup)));
        return refusals;
    }

    /// <param name="userId">The signed-in account registering, if any: linked when its address is the one registered.</param>
    /// <param name="userEmail">That account's confirmed address.</param>
    public async Task<RegistrationOutcome> RunAsync(int categoryId, RegistrationDetails details, string? code, string? userId = null, string? userEmail = null, CancellationToken cancellationToken = default)
    {
        var refusals = Check(details);
        if (refusals.Count > 0)
        {
            return RegistrationOutcome.Refuse([.. refusals]);
        }

        var category = await db.RegistrationCategories.AsNoTracking()
            .Where(c => c.Id == categoryId && db.Editions.Any(e => e.Id == c.EditionId && e.Status == EditionStatus.Open))
            .FirstOrDefaultAsync(cancellationToken);
        if (category is null)
        {
            return RegistrationOutcome.Refuse(new Refusal("CategoryId", Reasons.UnknownCategory));
        }

        var now = clock.GetUtcNow();
        if (category.OpensAt > now)
        {
            return RegistrationOutcome.Refuse(new Refusal("CategoryId", Reasons.NotOpenYet));
        }

        if (category.ClosesAt <= now)
        {
            return RegistrationOutcome.Refuse(new Refusal("CategoryId", Reasons.Closed));
        }

        var typedCode = string.IsNullOrWhiteSpace(code) ? null : code.Trim().ToUpperInvariant();
        if (category.RequiresInvitation && typedCode is null)
        {
            return RegistrationOutcome.Refuse(new Refusal("Code", Reasons.CodeRequired));
        }

        return await SaveAsync(category, details, typedCode, userId, userEmail, category.RequiresApproval, cancellationToken);
    }

    /// <summary>
    /// An organizer registers someone (by hand or from an invitation list): the category's window and code do not
    /// apply, and the organizer decides whether approval is needed. Seats and the waiting list work as for everyone.
    /// </summary>
    public async Task<RegistrationOutcome> RunForOrganizerAsync(int categoryId, RegistrationDetails details, bool confirmWithoutApproval, CancellationToken cancellationToken = default)
    {
        var refusals = Check(details);
        if (refusals.Count > 0)
        {
            return RegistrationOutcome.Refuse([.. refusals]);
        }

        var category = await db.RegistrationCategories.AsNoTracking().FirstOrDefaultAsync(c => c.Id == categoryId, cancellationToken);
        if (category is null)
        {
            return RegistrationOutcome.Refuse(new Refusal("CategoryId", Reasons.UnknownCategory));
        }

        return await SaveAsync(category, details, null, null, null, category.RequiresApproval && !confirmWithoutApproval, cancellationToken);
    }

    private async Task<RegistrationOutcome> SaveAsync(RegistrationCategory category, RegistrationDetails details, string? typedCode, string? userId, string? userEmail, bool approvalRequired, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var email = Registration.Normalize(details.Email);
        RegistrationOutcome outcome;
        var strategy = db.Database.CreateExecutionStrategy();
        try
        {
            outcome = await RegisterAsync();
        }
        catch (DbUpdateException)
        {
            // The same address registering in two categories at the same instant (PostgreSQL locks each category's
            // row separately): the unique index kept the first; this one gets the answer a later attempt would.
            db.ChangeTracker.Clear();
            var first = await db.Registrations.AsNoTracking()
                .Where(r => r.EditionId == category.EditionId && r.NormalizedEmail == email)
                .Select(r => new { r.Id, r.AccessKey })
                .FirstOrDefaultAsync(cancellationToken);
            if (first is null)
            {
                throw;
            }

            return new RegistrationOutcome(RegistrationResult.AlreadyRegistered, first.Id, first.AccessKey, null, []);
        }

        Task<RegistrationOutcome> RegisterAsync() => strategy.ExecuteAsync(async () =>
        {
            // Outside the transaction: a duplicate is the common case to answer fast; the unique index catches the
            // rare race (handled above).
            var existing = await db.Registrations.AsNoTracking()
                .Where(r => r.EditionId == category.EditionId && r.NormalizedEmail == email)
                .Select(r => new { r.Id, r.AccessKey })
                .FirstOrDefaultAsync(cancellationToken);
            if (existing is not null)
            {
                return new RegistrationOutcome(RegistrationResult.AlreadyRegistered, existing.Id, existing.AccessKey, null, []);
            }

            InvitationCode? invitation = null;
            if (typedCode is not null)
            {
                invitation = await db.InvitationCodes.AsNoTracking()
                    .FirstOrDefaultAsync(c => c.EditionId == category.EditionId && c.Code == typedCode, cancellationToken);
                if (invitation is null || invitation.CategoryId != category.Id)
                {
                    return RegistrationOutcome.Refuse(new Refusal("Code", Reasons.CodeInvalid));
                }
            }

            // The transaction's first statement is a write (SQLite takes its write lock at once, PostgreSQL the
            // category's or the code's row lock), and it holds only a few short statements until the commit.
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            if (invitation is not null)
            {
                var used = await db.InvitationCodes
                    .Where(c => c.Id == invitation.Id && c.Uses < c.MaxUses)
                    .ExecuteUpdateAsync(s => s.SetProperty(c => c.Uses, c => c.Uses + 1), cancellationToken);
                if (used == 0)
                {
                    return RegistrationOutcome.Refuse(new Refusal("Code", Reasons.CodeUsedUp));
                }
            }

            var registration = Registration.Create(category.EditionId, category.Id, details, Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)), now);
            if (invitation is not null)
            {
                registration.UseCode(invitation.Id);
            }

            if (userId is not null && string.Equals(userEmail?.Trim(), details.Email.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                registration.LinkAccount(userId);
            }

            if (approvalRequired && invitation?.BypassesApproval != true)
            {
                registration.MoveTo(RegistrationStatus.PendingApproval, now);
            }
            else if (await SeatLedger.TryTakeSeatAsync(db, category.Id, cancellationToken))
            {
                registration.MoveTo(RegistrationStatus.Confirmed, now);
            }
            else
            {
                registration.MoveTo(RegistrationStatus.Waitlisted, now, await SeatLedger.NextTicketAsync(db, category.Id, cancellationToken));
            }

            db.Registrations.Add(registration);
            await db.SaveChangesAsync(cancellationToken);
            // Its email, badge and accreditation commit with it (decision 0014); so does everything the answer
            // says: after the commit nothing more is read, so a request that committed never fails.
            events.Record([new RegistrationChanged(registration.Id, null, registration.Status)]);
            int? position = registration.WaitlistTicket is int ticket
                ? await SeatLedger.PositionAsync(db, category.Id, ticket, cancellationToken)
                : null;
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            var result = registration.Status switch
            {
                RegistrationStatus.Confirmed => RegistrationResult.Confirmed,
                RegistrationStatus.Waitlisted => RegistrationResult.Waitlisted,
                _ => RegistrationResult.PendingApproval,
            };
            return new RegistrationOutcome(result, registration.Id, registration.AccessKey, position, []);
        });

        db.ChangeTracker.Clear();
        return outcome;
    }
}
