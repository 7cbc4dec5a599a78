using Microsoft.EntityFrameworkCore;
using Summit.Core.Data;
using Summit.Core.Registrations;
using Summit.Core.Site;
using Summit.Core.Consequences;
using Summit.Jobs.Mail;

namespace Summit.Jobs.Registrations;

/// <summary>
/// The email of each committed registration change, with the person's self-service link, and of a seat given at a
/// session. A consequence (decision 0014): run twice, it finds its first row (the mail log's key); run after a later
/// change of status, it sends nothing, since that change has its own email. Do not rename: consequences store the name.
/// </summary>
public sealed class RegistrationMailer(SummitDbContext db, MailOutbox outbox, MailOverrides overrides, SiteLinks links)
    : IConsequenceHandler<RegistrationChanged>, IConsequenceHandler<SignupPromoted>
{
    public async Task HandleAsync(RegistrationChanged change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        var found = await db.Registrations.AsNoTracking()
            .Where(r => r.Id == change.RegistrationId && r.ErasedAt == null)
            .Select(r => new
            {
                Registration = r,
                Category = db.RegistrationCategories.Where(c => c.Id == r.CategoryId).Select(c => new { c.NameEn, c.NameZh }).First(),
                Edition = db.Editions.Where(e => e.Id == r.EditionId).Select(e => new { e.NameEn, e.NameZh }).First(),
            })
            .FirstOrDefaultAsync(cancellationToken);
        if (found is null || found.Registration.Status != change.To)
        {
            return;
        }

        var editionEvent = change.To == RegistrationStatus.Confirmed
            ? await db.Editions.AsNoTracking().FirstOrDefaultAsync(e => e.Id == found.Registration.EditionId, cancellationToken)
            : null;

        var r = found.Registration;
        var chinese = Cultures.IsChinese(r.PreferredCulture);
        int? position = r.WaitlistTicket is int ticket
            ? await db.Registrations.WaitlistPositionAsync(r.CategoryId, ticket, cancellationToken)
            : null;
        var facts = new RegistrationMails.Facts(
            r.Email,
            r.DisplayName(chinese),
            r.PreferredCulture,
            chinese ? found.Edition.NameZh : found.Edition.NameEn,
            chinese ? found.Category.NameZh : found.Category.NameEn,
            position,
            change.Message,
            links.Registration(r.AccessKey));
        // One email per status reached: the same change handled twice finds the first row.
        var draft = RegistrationMails.For(change.From, change.To, facts).About($"registration:{r.Id}", $"{change.To}@{r.StatusChangedAt.ToUnixTimeMilliseconds()}");
        draft = await overrides.ApplyAsync(r.EditionId, draft, RegistrationMails.Values(facts), facts.Link, cancellationToken);
        if (editionEvent is not null)
        {
            // A confirmed seat goes into the person's calendar with the summit's days and place.
            var ics = Scheduling.ProgrammeCalendar.WriteEdition(editionEvent, chinese, links.Registration(r.AccessKey));
            draft = draft with { Attachments = [new MailAttachment($"{editionEvent.Slug}.ics", "text/calendar; method=PUBLISH; charset=utf-8", System.Text.Encoding.UTF8.GetBytes(ics))] };
        }

        await outbox.QueueAsync(draft, cancellationToken);
    }

    public async Task HandleAsync(SignupPromoted promoted, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(promoted);
        var found = await db.Registrations.AsNoTracking()
            .Where(r => r.Id == promoted.RegistrationId && r.ErasedAt == null)
            .Select(r => new
            {
                Registration = r,
                Category = db.RegistrationCategories.Where(c => c.Id == r.CategoryId).Select(c => new { c.NameEn, c.NameZh }).First(),
                Edition = db.Editions.Where(e => e.Id == r.EditionId).Select(e => new { e.NameEn, e.NameZh, e.TimeZoneId }).First(),
            })
            .FirstOrDefaultAsync(cancellationToken);
        var session = await db.Sessions.AsNoTracking().Where(s => s.Id == promoted.SessionId).Select(s => new { s.TitleEn, s.TitleZh, s.StartsAt }).FirstOrDefaultAsync(cancellationToken);
        var seatedAt = await db.SessionSignups.AsNoTracking().Where(s => s.SessionId == promoted.SessionId && s.RegistrationId == promoted.RegistrationId).Select(s => (DateTimeOffset?)s.StatusChangedAt).FirstOrDefaultAsync(cancellationToken);
        if (found is null || session is null)
        {
            return;
        }

        var r = found.Registration;
        var chinese = Cultures.IsChinese(r.PreferredCulture);
        var culture = System.Globalization.CultureInfo.GetCultureInfo(chinese ? "zh-Hans" : "en");
        var start = session.StartsAt is { } startsAt ? Core.Scheduling.ScheduleTime.Local(startsAt, TimeZoneInfo.FindSystemTimeZoneById(found.Edition.TimeZoneId)) : (DateTimeOffset?)null;
        var when = start?.ToString(chinese ? "M月d日 HH:mm" : "dddd d MMMM, HH:mm", culture) ?? "";
        var facts = new RegistrationMails.Facts(
            r.Email,
            r.DisplayName(chinese),
            r.PreferredCulture,
            chinese ? found.Edition.NameZh : found.Edition.NameEn,
            chinese ? found.Category.NameZh : found.Category.NameEn,
            null,
            null,
            links.RegistrationSessions(r.AccessKey));
        var draft = RegistrationMails.SeatPromoted(facts, chinese ? session.TitleZh : session.TitleEn, when)
            .About($"signup:{promoted.SessionId}:{r.Id}", seatedAt?.ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture));
        await outbox.QueueAsync(draft, cancellationToken);
    }
}
