using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Summit.Core.Accounts;
using Summit.Core.Data;
using Summit.Core.Editions;
using Summit.Core.Scheduling;
using Summit.Core.Speakers;

namespace Summit.Core.Demo;

/// <summary>Fills an empty database with the demo edition and one confirmed account per role.</summary>
public sealed class DemoSeed(
    SummitDbContext db,
    SpeakerPhotos photos,
    UserManager<SummitUser> users,
    EnsureRoles ensureRoles,
    IOptions<DemoOptions> options,
    PublishSchedule publish,
    ScheduleSession schedule,
    SaveSession saveSession,
    Registrations.SaveCategory saveCategory,
    Press.SaveArticle saveArticle,
    Press.ArticlePhotos articlePhotos,
    TimeProvider clock,
    ILogger<DemoSeed> logger)
{
    /// <summary>Seeds only when there is no edition at all, so a real deployment's data is never touched.</summary>
    public async Task<bool> SeedIfEmptyAsync(CancellationToken cancellationToken = default)
    {
        using var actor = Audit.AuditActor.Use(Audit.AuditActor.Job("demo seed"));
        await ensureRoles.RunAsync();
        if (!options.Value.Seed || await db.Editions.AnyAsync(cancellationToken))
        {
            return false;
        }

        // Accounts first, the edition last: the edition's presence is what marks the demo as done, so a failure
        // part-way leaves an empty database that the next start seeds again.
        var now = clock.GetUtcNow();
        foreach (var account in DemoContent.Accounts)
        {
            if (await users.FindByEmailAsync(account.Email) is not null)
            {
                continue;
            }

            var user = new SummitUser
            {
                UserName = account.Email,
                Email = account.Email,
                EmailConfirmed = true,
                DisplayName = account.DisplayName,
                CreatedAt = now,
                IsDemo = true,
            };
            // The demo's one published password is for trying Summit out, not a password anyone chose: it is set
            // without the strength check a person's password gets.
            user.PasswordHash = users.PasswordHasher.HashPassword(user, options.Value.AccountPassword);
            var created = await users.CreateAsync(user);
            if (!created.Succeeded)
            {
                throw new InvalidOperationException($"Demo account {account.Email}: {string.Join("; ", created.Errors.Select(e => e.Description))}");
            }

            var role = await users.AddToRoleAsync(user, account.Role);
            if (!role.Succeeded)
            {
                throw new InvalidOperationException($"Demo account {account.Email}: {string.Join("; ", role.Errors.Select(e => e.Description))}");
            }
        }

        // The edition and its speakers in one save: the edition's presence marks the demo as done.
        var edition = Edition.Create(DemoContent.Edition2021, now, isDemo: true);
        db.Editions.Add(edition);
        foreach (var details in DemoSpeakers.InventedSpeakers().Prepend(DemoSpeakers.ZengGang))
        {
            var speaker = Speaker.Create(details, now, isDemo: true);
            speaker.MarkFor(edition);
            db.Speakers.Add(speaker);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another node seeded at the same moment; the unique slug made sure only one edition exists.
            db.ChangeTracker.Clear();
            return false;
        }

        // The demo Speaker account looks after one demo profile, so self-service can be tried at once.
        var demoSpeakerAccount = await users.FindByEmailAsync(DemoContent.Accounts.First(a => a.Role == Roles.Speaker).Email);
        var linked = await db.Speakers.FirstOrDefaultAsync(s => s.Slug == DemoContent.SelfServiceSpeakerSlug, cancellationToken);
        if (demoSpeakerAccount is not null && linked is not null)
        {
            linked.LinkAccount(demoSpeakerAccount.Id);
            await db.SaveChangesAsync(cancellationToken);
        }

        foreach (var speaker in await db.Speakers.Where(s => s.IsDemo).Select(s => new { s.Id, s.Slug }).ToListAsync(cancellationToken))
        {
            await photos.UploadAsync(speaker.Id, DemoAvatars.Draw(speaker.Slug), new PhotoCredit(DemoAvatars.Credit, null, DemoAvatars.Licence), "demo-seed", byOrganizer: true, cancellationToken);
        }

        await SeedProgrammeAsync(edition.Id, cancellationToken);
        await SeedCategoriesAsync(edition.Id, cancellationToken);
        await DemoPress.SeedAsync(db, saveArticle, articlePhotos, edition.Id, cancellationToken);

        logger.LogWarning(
            "Seeded the demo edition and the demo accounts ({Accounts}), whose password is published in the README. Never set Demo:Seed on a real deployment.",
            string.Join(", ", DemoContent.Accounts.Select(a => a.Email)));
        return true;
    }

    /// <summary>The demo programme, published as v1, then changed a little and published as v2 so the changelog shows something.</summary>
    private async Task SeedProgrammeAsync(int editionId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var venue = Venue.Create(editionId, DemoContent.Edition2021.VenueEn, DemoContent.Edition2021.VenueZh);
        db.Venues.Add(venue);
        await db.SaveChangesAsync(cancellationToken);
        var rooms = DemoProgramme.Rooms.Select((r, i) => Room.Create(editionId, venue.Id, new RoomDetails(r.En, r.Zh, r.Capacity, r.Floor, r.Channels, i + 1))).ToList();
        var tracks = DemoProgramme.Tracks.Select((t, i) => Track.Create(editionId, t.En, t.Zh, t.Colour, i + 1)).ToList();
        var types = DemoProgramme.Types.Select((t, i) => SessionType.Create(editionId, t.En, t.Zh, t.IsBreak, i + 1)).ToList();
        db.Rooms.AddRange(rooms);
        db.Tracks.AddRange(tracks);
        db.SessionTypes.AddRange(types);
        await db.SaveChangesAsync(cancellationToken);

        var speakerIds = await db.Speakers.Where(s => s.IsDemo).OrderBy(s => s.Slug == DemoSpeakers.ZengGang.Slug ? 0 : 1).ThenBy(s => s.Id).Select(s => s.Id).ToListAsync(cancellationToken);
        var sessions = new List<Session>();
        foreach (var item in DemoProgramme.Items(speakerIds.Count))
        {
            var session = Session.Create(
                editionId,
                new SessionDetails(
                    item.TitleEn, item.TitleZh, item.AbstractEn, item.AbstractZh, types[item.TypeIndex].Id, item.TrackIndex is int t ? tracks[t].Id : null,
                    item.Language, DemoProgramme.Rooms[item.RoomIndex].Channels is not null, item.TypeIndex == 3 ? 40 : null,
                    item.Speakers.Select(s => new SessionSpeakerDetails(speakerIds[s.SpeakerIndex], s.Role)).ToList()),
                now,
                isDemo: true);
            var start = DemoProgramme.At(DemoContent.Edition2021, item.Day, item.Start);
            session.Place(rooms[item.RoomIndex].Id, start, start.AddMinutes(item.Minutes), now);
            sessions.Add(session);
        }

        db.Sessions.AddRange(sessions);
        await db.SaveChangesAsync(cancellationToken);
        Ensure(new ScheduleOutcome((await publish.RunAsync(editionId, "first programme", null, cancellationToken: cancellationToken)).Refusals));

        // v2: one forum moves to another room and the second evening, one is cancelled, a panel changes moderator, one is added.
        var moved = sessions.First(s => s.TypeId == types[2].Id && s.RoomId == rooms[4].Id);
        var evening = DemoProgramme.At(DemoContent.Edition2021, 0, new TimeOnly(19, 45));
        var lateSlot = DemoProgramme.At(DemoContent.Edition2021, 1, new TimeOnly(18, 15));
        Ensure(await schedule.PlaceAsync(editionId, moved.Id, rooms[1].Id, lateSlot, lateSlot.AddMinutes(75), cancellationToken));
        var cancelled = sessions.Last(s => s.TypeId == types[3].Id && s.StartsAt > evening);
        Ensure(await schedule.CancelAsync(editionId, cancelled.Id, cancellationToken));
        var panel = sessions.First(s => s.TypeId == types[1].Id && s.Speakers.Count >= 2);
        var swapped = panel.Speakers.Select(s => new SessionSpeakerDetails(s.SpeakerId, s.Role)).ToList();
        (swapped[0], swapped[1]) = (swapped[1] with { Role = SessionSpeakerRole.Moderator }, swapped[0] with { Role = SessionSpeakerRole.Panelist });
        var swappedResult = await saveSession.RunAsync(editionId, panel.Id, new SessionDetails(panel.TitleEn, panel.TitleZh, panel.AbstractEn, panel.AbstractZh, panel.TypeId, panel.TrackId, panel.Language, panel.InterpretationOffered, panel.SeatLimit, swapped), cancellationToken);
        Ensure(new ScheduleOutcome(swappedResult.Refusals));
        var added = await saveSession.RunAsync(
            editionId,
            null,
            new SessionDetails("Press conference", "新闻发布会", "Organizers answer the press on the summit's outcomes.", "主办方就峰会成果回答媒体提问。", types[2].Id, null, SessionLanguage.EnglishAndChinese, true, null, [new(speakerIds[0], SessionSpeakerRole.Speaker)]),
            cancellationToken);
        var pressTime = DemoProgramme.At(DemoContent.Edition2021, 1, new TimeOnly(18, 15));
        Ensure(new ScheduleOutcome(added.Refusals));
        Ensure(await schedule.PlaceAsync(editionId, added.SessionId!.Value, rooms[2].Id, pressTime, pressTime.AddMinutes(45), cancellationToken));
        Ensure(new ScheduleOutcome((await publish.RunAsync(editionId, "evening changes", null, cancellationToken: cancellationToken)).Refusals));
    }

    /// <summary>The registration categories a summit like this one has; registrations are left to visitors.</summary>
    private async Task SeedCategoriesAsync(int editionId, CancellationToken cancellationToken)
    {
        foreach (var category in DemoContent.Categories)
        {
            var saved = await saveCategory.RunAsync(editionId, null, category, cancellationToken);
            Ensure(new ScheduleOutcome(saved.Refusals));
        }
    }

    /// <summary>The demo is laid out to pass every rule; a refusal here is a bug in the layout, so it stops the seed loudly.</summary>
    private static void Ensure(ScheduleOutcome outcome)
    {
        if (!outcome.Succeeded)
        {
            throw new InvalidOperationException("Demo programme: " + string.Join("; ", outcome.Refusals.Select(r => string.Format(System.Globalization.CultureInfo.InvariantCulture, r.Message, r.Arguments.ToArray<object>()))));
        }
    }
}
