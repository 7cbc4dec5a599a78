using Microsoft.EntityFrameworkCore;
using Summit.Core.Api;
using Summit.Core.Consequences;
using Summit.Core.Data;
using Summit.Core.Editions;
using Summit.Core.Press;
using Summit.Core.Registrations;
using Summit.Core.Scheduling;
using Summit.Core.Speakers;

namespace Summit.Core.Webhooks;

/// <summary>
/// The consequence that turns a committed change into webhook events: one delivery per subscribed endpoint of the
/// edition, with the object as the API shows it when the event is written, then the pump sends what is due. Run
/// again (its worker died), it finds its deliveries by the consequence's id and writes nothing twice.
/// </summary>
public sealed class WebhookEvents(SummitDbContext db, ConsequenceContext consequence, WebhookPump pump, TimeProvider clock)
    : IConsequenceHandler<RegistrationChanged>, IConsequenceHandler<RegistrationDetailsChanged>, IConsequenceHandler<CheckedIn>,
      IConsequenceHandler<ScheduleVersionPublished>, IConsequenceHandler<ArticlePublished>, IConsequenceHandler<SpeakerChanged>,
      IConsequenceHandler<WebhookDeliveriesDue>
{
    /// <summary>The webhook types a status change is: a new registration is created and, at once, confirmed or waitlisted.</summary>
    public static IReadOnlyList<string> TypesOf(RegistrationChanged change)
    {
        ArgumentNullException.ThrowIfNull(change);
        var status = change.To switch
        {
            RegistrationStatus.Confirmed => WebhookEventTypes.RegistrationConfirmed,
            RegistrationStatus.Waitlisted => WebhookEventTypes.RegistrationWaitlisted,
            RegistrationStatus.Cancelled or RegistrationStatus.Declined => WebhookEventTypes.RegistrationCancelled,
            _ => null,
        };
        return change.From is null
            ? [WebhookEventTypes.RegistrationCreated, .. status is null ? Array.Empty<string>() : [status]]
            : [status ?? WebhookEventTypes.RegistrationChanged];
    }

    public Task HandleAsync(RegistrationChanged happened, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(happened);
        return RegistrationAsync(happened.RegistrationId, r =>
        {
            var data = new RegistrationEvent(RegistrationDto.From(r), happened.From?.ToString());
            return TypesOf(happened).Select(t => (t, (object)data)).ToList();
        }, cancellationToken);
    }

    public Task HandleAsync(RegistrationDetailsChanged happened, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(happened);
        return RegistrationAsync(happened.RegistrationId, r => [(WebhookEventTypes.RegistrationChanged, new RegistrationEvent(RegistrationDto.From(r), null))], cancellationToken);
    }

    public Task HandleAsync(CheckedIn happened, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(happened);
        return RegistrationAsync(happened.RegistrationId, r => [(WebhookEventTypes.CheckInCreated, new CheckInEvent(happened.At, happened.Desk, RegistrationDto.From(r)))], cancellationToken);
    }

    private Task RegistrationAsync(int registrationId, Func<Registration, IReadOnlyList<(string Type, object Data)>> events, CancellationToken cancellationToken) =>
        WriteThenSendAsync(async () =>
        {
            var registration = await db.Registrations.AsNoTracking().FirstOrDefaultAsync(r => r.Id == registrationId, cancellationToken);
            if (registration is not null)
            {
                await WriteAsync(registration.EditionId, RegistrationEvents.Subject(registration.Id), events(registration), cancellationToken);
            }
        }, cancellationToken);

    /// <summary>
    /// Writes the events, then sends what is due. With no endpoint at all (most summits, most of the time) there is
    /// nothing to write and nothing that can be due, so a change costs one indexed read, not the pump's query.
    /// </summary>
    private async Task WriteThenSendAsync(Func<Task> write, CancellationToken cancellationToken)
    {
        if (!await db.WebhookEndpoints.AnyAsync(cancellationToken))
        {
            return;
        }

        await write();
        await pump.RunAsync(WebhookPump.InlineBudget, cancellationToken, consequence.Id);
    }

    public Task HandleAsync(ScheduleVersionPublished happened, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(happened);
        return WriteThenSendAsync(async () =>
        {
            var version = await db.ScheduleVersions.AsNoTracking().Where(v => v.Id == happened.VersionId)
                .Select(v => new { v.Id, v.Number, v.Name, v.PublishedAt }).FirstOrDefaultAsync(cancellationToken);
            if (version is not null)
            {
                var changes = await db.ScheduleChanges.AsNoTracking().Where(c => c.VersionId == version.Id).OrderBy(c => c.Id).ToListAsync(cancellationToken);
                var events = new List<(string Type, object Data, string? Subject)>
                {
                    (WebhookEventTypes.SchedulePublished, new ScheduleEvent(version.Id, version.Number, version.Name, version.PublishedAt, changes.Count), null),
                };
                events.AddRange(changes.Select(c => (WebhookEventTypes.SessionChanged, (object)new SessionEvent(
                    c.SessionId, version.Number, c.Kind.ToString(), c.TitleEn, c.TitleZh, c.OldRoomId, c.OldStartsAt, c.OldEndsAt, c.NewRoomId, c.NewStartsAt, c.NewEndsAt,
                    c.SpeakerIdsBefore, c.SpeakerIdsAfter), (string?)$"session:{c.SessionId}")));
                await WriteAsync(happened.EditionId, $"schedule:{happened.EditionId}", events, cancellationToken);
            }
        }, cancellationToken);
    }

    public Task HandleAsync(ArticlePublished happened, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(happened);
        return WriteThenSendAsync(async () =>
        {
            var article = await db.Articles.AsNoTracking().FirstOrDefaultAsync(a => a.Id == happened.ArticleId, cancellationToken);
            if (article is not null)
            {
                var data = new ArticleEvent(article.Id, article.Slug, article.HeadlineEn, article.HeadlineZh, article.PublishedAt, article.FirstPublishedAt);
                await WriteAsync(article.EditionId, ArticleEvents.Subject(article.Id), [(WebhookEventTypes.ArticlePublished, data)], cancellationToken);
            }
        }, cancellationToken);
    }

    public Task HandleAsync(SpeakerChanged happened, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(happened);
        return WriteThenSendAsync(async () =>
        {
            var speaker = await db.Speakers.AsNoTracking().Include(s => s.Editions).FirstOrDefaultAsync(s => s.Id == happened.SpeakerId, cancellationToken);
            if (speaker is not null)
            {
                var data = new SpeakerEvent(speaker.Id, speaker.Slug, speaker.NameZh, speaker.NameLatin, speaker.HonorificEn, speaker.HonorificZh, speaker.CountryCode,
                    speaker.Positions.Select(p => new SpeakerPositionEvent(p.TitleEn, p.TitleZh, p.OrganisationEn, p.OrganisationZh)).ToList(), speaker.UpdatedAt);
                // Endpoints belong to an edition: each edition the speaker is part of hears of it.
                foreach (var edition in speaker.Editions.Select(e => e.EditionId).Distinct().Order())
                {
                    await WriteAsync(edition, $"speaker:{speaker.Id}", [(WebhookEventTypes.SpeakerChanged, data)], cancellationToken);
                }
            }
        }, cancellationToken);
    }

    public Task HandleAsync(WebhookDeliveriesDue happened, CancellationToken cancellationToken) => pump.RunAsync(WebhookPump.InlineBudget, cancellationToken, consequence.Id);

    private Task WriteAsync(int editionId, string subject, IReadOnlyList<(string Type, object Data)> events, CancellationToken cancellationToken) =>
        WriteAsync(editionId, subject, events.Select(e => (e.Type, e.Data, (string?)null)).ToList(), cancellationToken);

    private async Task WriteAsync(int editionId, string subject, IReadOnlyList<(string Type, object Data, string? Subject)> events, CancellationToken cancellationToken)
    {
        var endpoints = (await db.WebhookEndpoints.AsNoTracking().Where(e => e.EditionId == editionId).ToListAsync(cancellationToken))
            .Where(e => events.Any(v => e.Subscribes(v.Type))).ToList();
        if (endpoints.Count == 0)
        {
            return;
        }

        var ids = endpoints.Select(e => e.Id).ToList();
        if (consequence.Id != 0 && await db.WebhookDeliveries.AnyAsync(d => d.ConsequenceId == consequence.Id && ids.Contains(d.EndpointId), cancellationToken))
        {
            return;
        }

        var edition = await db.Editions.AsNoTracking().FirstAsync(e => e.Id == editionId, cancellationToken);
        var now = clock.GetUtcNow();
        foreach (var (type, data, own) in events)
        {
            var eventId = Guid.NewGuid().ToString();
            var body = WebhookBodies.Write(eventId, type, now, edition, data);
            foreach (var endpoint in endpoints.Where(e => e.Subscribes(type)))
            {
                db.WebhookDeliveries.Add(new WebhookDelivery(endpoint.Id, eventId, type, own ?? subject, consequence.Id, consequence.Id == 0 ? null : consequence.Id, body, now));
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }

    public sealed record RegistrationEvent(RegistrationDto Registration, string? PreviousStatus);

    public sealed record CheckInEvent(DateTimeOffset At, string Desk, RegistrationDto Registration);

    public sealed record ScheduleEvent(int VersionId, int Number, string Name, DateTimeOffset PublishedAt, int ChangeCount);

    public sealed record SessionEvent(
        int SessionId, int Version, string Change, string TitleEn, string TitleZh, int? OldRoomId, DateTimeOffset? OldStartsAt, DateTimeOffset? OldEndsAt,
        int? NewRoomId, DateTimeOffset? NewStartsAt, DateTimeOffset? NewEndsAt, IReadOnlyList<int> SpeakersBefore, IReadOnlyList<int> SpeakersAfter);

    public sealed record ArticleEvent(int Id, string Slug, string? HeadlineEn, string? HeadlineZh, DateTimeOffset? PublishedAt, DateTimeOffset? FirstPublishedAt);

    public sealed record SpeakerPositionEvent(string? TitleEn, string? TitleZh, string? OrganisationEn, string? OrganisationZh);

    public sealed record SpeakerEvent(
        int Id, string Slug, string? NameZh, string? NameLatin, string? HonorificEn, string? HonorificZh, string? CountryCode,
        IReadOnlyList<SpeakerPositionEvent> Positions, DateTimeOffset UpdatedAt);
}
