using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Summit.Core.Data;
using Summit.Core.Scheduling;
using Summit.Core.Speakers;
using Summit.Core.Text;

namespace Summit.Core.Registrations;

/// <summary>
/// Every speaker of a published session has a registration in the edition's Speaker category, with no code and no
/// approval; a speaker taken off every session loses it again. Runs after each publish, so the registrations follow
/// the programme version by version. A speaker without any email address (profile or linked account) cannot be
/// registered and is logged for the organizers.
/// </summary>
public sealed class SyncSpeakerRegistrations(SummitDbContext db, TimeProvider clock, RegistrationEvents events, ChangeRegistration change, ILogger<SyncSpeakerRegistrations> logger) : Consequences.IConsequenceHandler<ScheduleVersionPublished>
{
    /// <summary>Recorded as the consent version: the organizers registered the speaker, the speaker did not tick a box.</summary>
    public const string ConsentByOrganizers = "organizers";

    public async Task HandleAsync(ScheduleVersionPublished published, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(published);
        if (await db.ScheduleVersions.AnyAsync(v => v.EditionId == published.EditionId && v.Number > published.Number, cancellationToken))
        {
            // Run late (after a retry): the newer version's own run follows the newer programme.
            return;
        }

        var category = await db.RegistrationCategories.AsNoTracking()
            .Where(c => c.EditionId == published.EditionId && c.Kind == CategoryKind.Speaker)
            .OrderBy(c => c.Order).ThenBy(c => c.Id)
            .FirstOrDefaultAsync(cancellationToken);
        if (category is null)
        {
            return;
        }

        var onStage = await db.PublishedSessions.AsNoTracking()
            .Where(s => s.VersionId == published.VersionId && !s.IsCancelled && !db.SessionTypes.Any(t => t.Id == s.TypeId && t.IsBreak))
            .SelectMany(s => s.Speakers).Select(s => s.SpeakerId).Distinct()
            .ToListAsync(cancellationToken);
        var speakers = await db.Speakers.AsNoTracking()
            .Where(s => onStage.Contains(s.Id))
            .Select(s => new
            {
                s.Id,
                s.FamilyNameZh,
                s.GivenNameZh,
                s.FamilyNameLatin,
                s.GivenNameLatin,
                s.LatinFamilyNameFirst,
                s.CountryCode,
                Email = s.ContactEmail ?? db.Users.Where(u => u.Id == s.UserId && u.EmailConfirmed).Select(u => u.Email).FirstOrDefault(),
                AccountCulture = db.Users.Where(u => u.Id == s.UserId).Select(u => u.PreferredCulture).FirstOrDefault(),
                Position = s.Positions.OrderBy(p => p.Order).Select(p => new { p.TitleEn, p.TitleZh, p.OrganisationEn, p.OrganisationZh }).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        var existing = await db.Registrations.AsNoTracking()
            .Where(r => r.EditionId == published.EditionId && r.SpeakerId != null)
            .Select(r => new { r.Id, SpeakerId = r.SpeakerId!.Value, r.Status, r.CancelledByProgramme })
            .ToListAsync(cancellationToken);

        var candidates = speakers.Where(s => s.Email is not null).Select(s => Registration.Normalize(s.Email!)).ToList();
        var taken = (await db.Registrations.AsNoTracking()
                .Where(r => r.EditionId == published.EditionId && candidates.Contains(r.NormalizedEmail))
                .Select(r => r.NormalizedEmail)
                .ToListAsync(cancellationToken))
            .ToHashSet(StringComparer.Ordinal);
        var now = clock.GetUtcNow();
        foreach (var speaker in speakers.Where(s => existing.All(e => e.SpeakerId != s.Id)))
        {
            if (string.IsNullOrWhiteSpace(speaker.Email))
            {
                logger.LogInformation("Speaker {Speaker} is on the published programme of edition {Edition} but has no email address, so no speaker registration was made.", speaker.Id, published.EditionId);
                continue;
            }

            if (taken.Contains(Registration.Normalize(speaker.Email)))
            {
                // Registered already under another category with the same address: that registration stands.
                continue;
            }

            // The emails that follow (confirmation, badge, reminders) go in the speaker's language (SpeakerNames.Culture).
            var culture = SpeakerNames.Culture(
                speaker.AccountCulture,
                SpeakerNames.Chinese(speaker.FamilyNameZh, speaker.GivenNameZh),
                SpeakerNames.Latin(speaker.FamilyNameLatin, speaker.GivenNameLatin, speaker.LatinFamilyNameFirst),
                speaker.CountryCode);
            var chinese = Cultures.IsChinese(culture);
            var details = new RegistrationDetails(
                speaker.FamilyNameZh, speaker.GivenNameZh, speaker.FamilyNameLatin, speaker.GivenNameLatin, speaker.LatinFamilyNameFirst,
                chinese ? speaker.Position?.OrganisationZh ?? speaker.Position?.OrganisationEn : speaker.Position?.OrganisationEn ?? speaker.Position?.OrganisationZh,
                chinese ? speaker.Position?.TitleZh ?? speaker.Position?.TitleEn : speaker.Position?.TitleEn ?? speaker.Position?.TitleZh,
                speaker.Email, null, speaker.CountryCode, culture, null, null, false, true, ConsentByOrganizers);
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var registration = Registration.Create(published.EditionId, category.Id, details, Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)), now);
            registration.LinkSpeaker(speaker.Id);
            if (await SeatLedger.TryTakeSeatAsync(db, category.Id, cancellationToken))
            {
                registration.MoveTo(RegistrationStatus.Confirmed, now);
            }
            else
            {
                registration.MoveTo(RegistrationStatus.Waitlisted, now, await SeatLedger.NextTicketAsync(db, category.Id, cancellationToken));
            }

            db.Registrations.Add(registration);
            taken.Add(registration.NormalizedEmail);
            await db.SaveChangesAsync(cancellationToken);
            events.Record([new RegistrationChanged(registration.Id, null, registration.Status)]);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        db.ChangeTracker.Clear();

        // Off the programme now: the automatic registration goes (a speaker who also registered as a delegate keeps that one).
        var stillOn = onStage.ToHashSet();
        foreach (var gone in existing.Where(e => !stillOn.Contains(e.SpeakerId) && e.Status is RegistrationStatus.Confirmed or RegistrationStatus.Waitlisted))
        {
            await change.CancelAsync(gone.Id, byProgramme: true, cancellationToken: cancellationToken);
        }

        // Back on the programme after being taken off it (which cancelled the speaker registration): reinstated. A
        // registration the speaker or an organizer cancelled stays cancelled.
        foreach (var returned in existing.Where(e => stillOn.Contains(e.SpeakerId) && e.Status == RegistrationStatus.Cancelled && e.CancelledByProgramme))
        {
            await change.ReinstateAsync(returned.Id, cancellationToken: cancellationToken);
        }
    }
}
