using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Summit.Core.Accounts;
using Summit.Core.Data;
using Summit.Core.Scheduling;
using Summit.Core.Speakers;
using Summit.Jobs.Speakers;
using Summit.Testing;

namespace Summit.Web.Tests.Speakers;

public sealed class SpeakerSelfServiceTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    private SummitFactory App => app.Factory;

    private async Task<int> NewSpeakerAsync(string family) =>
        (await App.ScopedAsync(services => services.GetRequiredService<SaveSpeaker>().RunAsync(null, new SpeakerDetails(
            $"{family.ToLowerInvariant()}-{Guid.NewGuid():N}"[..30], null, null, family, "Test", true, null, null, "SG", null, null, null,
            [new PositionDetails("Economist", null, "Bank", null)], []), null))).SpeakerId!.Value;

    [Fact]
    public async Task An_invited_speaker_accepts_and_edits_their_own_profile_and_only_theirs()
    {
        var speakerId = await NewSpeakerAsync("Invited");
        var otherId = await NewSpeakerAsync("Other");
        var organizer = await App.CreateUserAsync($"organizer-{Guid.NewGuid():N}@summit.test", Roles.Organizer);
        using var admin = App.Browser();
        await admin.SignInAsync(organizer.Email!);
        var email = $"invited-{Guid.NewGuid():N}@summit.test";
        using (var sent = await admin.PostAsync($"/admin/speakers/invite/{speakerId}", new Dictionary<string, string> { ["Email"] = email, ["Culture"] = "zh-Hans" }))
        {
            Assert.Equal($"/admin/speakers/invite/{speakerId}?sent=True", sent.Headers.Location?.OriginalString);
            Assert.Contains($"Invitation sent to {email}", await admin.GetStringAsync(sent.Headers.Location, TestContext.Current.CancellationToken), StringComparison.Ordinal);
        }

        var mail = await App.WaitForMailAsync(email, SpeakerMails.InvitationKind);
        Assert.Contains("嘉宾资料", mail.Subject, StringComparison.Ordinal);
        var link = SummitFactory.FirstLink(mail);

        using var visitor = App.Browser();
        var landing = await visitor.GetStringAsync(new Uri(link.PathAndQuery, UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.True(landing.Contains("Sign in first", StringComparison.Ordinal), landing[landing.IndexOf("<main", StringComparison.Ordinal)..]);

        var person = await App.CreateUserAsync(email, Roles.Attendee);
        await visitor.SignInAsync(person.Email!);
        using (var accepted = await visitor.PostAsync(link.PathAndQuery, new Dictionary<string, string>()))
        {
            Assert.Equal("/my/speaker-profile?welcome=True", accepted.Headers.Location?.OriginalString);
        }

        var form = await visitor.GetStringAsync(new Uri("/my/speaker-profile", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Contains("Invited", form, StringComparison.Ordinal);
        using (var saved = await visitor.PostAsync("/my/speaker-profile", new Dictionary<string, string>
        {
            ["Input.FamilyNameLatin"] = "Invited",
            ["Input.GivenNameLatin"] = "Renamed",
            ["Input.LatinFamilyNameFirst"] = "true",
            ["Input.FamilyNameZh"] = "邀",
            ["Input.GivenNameZh"] = "请",
            ["Input.Positions[0].TitleEn"] = "Chief Economist",
            ["Input.Positions[0].OrganisationEn"] = "Bank",
        }))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        Assert.Equal("Renamed", await App.WithDbAsync(db => db.Speakers.Where(s => s.Id == speakerId).Select(s => s.GivenNameLatin).SingleAsync()));
        Assert.Equal("Test", await App.WithDbAsync(db => db.Speakers.Where(s => s.Id == otherId).Select(s => s.GivenNameLatin).SingleAsync()));
        Assert.True(await App.ScopedAsync(services => services.GetRequiredService<UserManager<SummitUser>>().IsInRoleAsync(person, Roles.Speaker)));

        using (var forbidden = await visitor.GetAsync(new Uri($"/admin/speakers/edit/{otherId}", UriKind.Relative), TestContext.Current.CancellationToken))
        {
            Assert.StartsWith("/account/access-denied", forbidden.Headers.Location?.PathAndQuery, StringComparison.Ordinal);
        }

        using var again = await visitor.PostAsync(link.PathAndQuery, new Dictionary<string, string>());
        Assert.Contains("This invitation cannot be used", await again.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_speaker_without_an_account_creates_one_from_the_invitation_and_every_step_leads_back_to_it()
    {
        var ct = TestContext.Current.CancellationToken;
        var (speakerId, session) = await App.ScopedAsync(async services =>
        {
            var data = new TestData(services);
            var edition = await data.EditionAsync();
            var speaker = await data.SpeakerAsync();
            var room = await data.RoomAsync(edition.Id);
            var type = await data.SessionTypeAsync(edition.Id);
            var saved = (await services.GetRequiredService<SaveSession>().RunAsync(edition.Id, null, new SessionDetails(
                "Cross-border payments", "跨境支付", null, null, type, null, SessionLanguage.English, false, null, [new SessionSpeakerDetails(speaker, SessionSpeakerRole.KeynoteSpeaker)]))).SessionId!.Value;
            var start = ScheduleTime.ToUtc(edition.StartDate, new TimeOnly(10, 0), TimeZoneInfo.FindSystemTimeZoneById(edition.TimeZoneId));
            Assert.True((await services.GetRequiredService<ScheduleSession>().PlaceAsync(edition.Id, saved, room, start, start.AddMinutes(30))).Succeeded);
            Assert.True((await services.GetRequiredService<PublishSchedule>().RunAsync(edition.Id, null, null)).Succeeded);
            return (speaker, saved);
        });
        var email = $"newcomer-{Guid.NewGuid():N}@summit.test";
        var issued = await App.ScopedAsync(async services => (await services.GetRequiredService<SpeakerInvitations>().InviteAsync(speakerId, email, "organizer")).Issued!);
        var invitation = $"/speaker-invitation/{issued.Token}";
        var back = Uri.EscapeDataString(invitation);

        using var visitor = App.Browser();
        var landing = await visitor.GetStringAsync(new Uri(invitation, UriKind.Relative), ct);
        Assert.Contains($"href=\"/account/register?returnUrl={back}\"", landing, StringComparison.Ordinal);
        Assert.Contains($"href=\"/account/login?returnUrl={back}\"", landing, StringComparison.Ordinal);

        using (var created = await visitor.PostAsync($"/account/register?returnUrl={back}", new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "New Comer",
            ["Input.Email"] = email,
            ["Input.Password"] = SummitFactory.Password,
            ["Input.ConfirmPassword"] = SummitFactory.Password,
            ["Input.PreferredCulture"] = "zh-Hans",
            ["returnUrl"] = invitation,
        }))
        {
            Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
            Assert.Contains($"returnUrl={back}", created.Headers.Location!.OriginalString, StringComparison.Ordinal);
            var waiting = await visitor.GetStringAsync(created.Headers.Location, ct);
            Assert.Contains($"/account/resend-email-confirmation?returnUrl={back}", waiting, StringComparison.Ordinal);
        }

        var confirmation = SummitFactory.FirstLink(await App.WaitForMailAsync(email, Summit.Jobs.Accounts.AccountMails.ConfirmEmailKind));
        Assert.Contains($"returnUrl={back}", confirmation.Query, StringComparison.Ordinal);
        var confirmed = await visitor.GetStringAsync(new Uri(confirmation.PathAndQuery, UriKind.Relative), ct);
        Assert.Contains($"href=\"/account/login?returnUrl={back}\"", confirmed, StringComparison.Ordinal);

        using (var signedIn = await visitor.PostAsync($"/account/login?returnUrl={back}", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = SummitFactory.Password,
            ["returnUrl"] = invitation,
        }))
        {
            Assert.Equal(invitation, signedIn.Headers.Location?.OriginalString);
        }

        using (var accepted = await visitor.PostAsync(invitation, new Dictionary<string, string>()))
        {
            Assert.Equal("/my/speaker-profile?welcome=True", accepted.Headers.Location?.OriginalString);
        }

        var profile = WebUtility.HtmlDecode(await visitor.GetStringAsync(new Uri("/my/speaker-profile", UriKind.Relative), ct));
        Assert.Contains("My sessions", profile, StringComparison.Ordinal);
        Assert.Contains($"/sessions/{session}\">Cross-border payments</a>", profile, StringComparison.Ordinal);
        Assert.True(profile.Contains("10:00</time>–10:30", StringComparison.Ordinal), profile[profile.IndexOf("<main", StringComparison.Ordinal)..]);
        Assert.Contains("(UTC+08:00 Asia/Shanghai)", profile, StringComparison.Ordinal);
        Assert.Contains("Keynote speaker", profile, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_return_path_to_another_site_is_dropped_from_the_account_pages()
    {
        using var visitor = App.Browser();
        // The page's own address is in the language switch; the form and its links are what must not carry it on.
        static string Main(string html) => html[html.IndexOf("<main", StringComparison.Ordinal)..html.IndexOf("</main>", StringComparison.Ordinal)];
        var register = await visitor.GetStringAsync(new Uri("/account/register?returnUrl=%2F%2Fevil.example%2F", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.DoesNotContain("evil.example", Main(register), StringComparison.Ordinal);
        var confirm = await visitor.GetStringAsync(new Uri("/account/confirm-email?userId=x&code=y&returnUrl=https%3A%2F%2Fevil.example", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.DoesNotContain("evil.example", Main(confirm), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_profile_form_shows_the_rows_in_use_and_one_blank_and_previews_the_biography_without_saving()
    {
        var ct = TestContext.Current.CancellationToken;
        var speakerId = await NewSpeakerAsync("Preview");
        var person = await App.CreateUserAsync($"preview-{Guid.NewGuid():N}@summit.test", Roles.Attendee);
        var issued = await App.ScopedAsync(async services => (await services.GetRequiredService<SpeakerInvitations>().InviteAsync(speakerId, person.Email!, "organizer")).Issued!);
        Assert.Null(await App.ScopedAsync(async services => await services.GetRequiredService<SpeakerInvitations>().AcceptAsync(
            issued.Token, (await services.GetRequiredService<UserManager<SummitUser>>().FindByIdAsync(person.Id))!)));
        using var client = App.Browser();
        await client.SignInAsync(person.Email!);

        // One position in use: it and one blank row show, the other six wait hidden for "Add another"; no link yet: one blank row.
        var form = await client.GetStringAsync(new Uri("/my/speaker-profile", UriKind.Relative), ct);
        var positions = Fieldset(form, "Positions, most important first");
        Assert.Equal(2, Regex.Count(positions, "<div class=\"position-row\">"));
        Assert.Equal(SaveSpeaker.MaxPositions - 2, Regex.Count(positions, "<div class=\"position-row\" hidden=\"hidden\">"));
        Assert.Contains("Add another position", positions, StringComparison.Ordinal);
        var links = Fieldset(form, "Links");
        Assert.Equal(1, Regex.Count(links, "<div class=\"position-row\">"));
        Assert.Contains("Add another link", links, StringComparison.Ordinal);

        using (var preview = await client.PostAsync("/my/speaker-profile", new Dictionary<string, string>
        {
            ["Input.FamilyNameLatin"] = "Preview",
            ["Input.GivenNameLatin"] = "Test",
            ["Input.LatinFamilyNameFirst"] = "true",
            ["Input.BiographyEn"] = "Leads **green finance** research. <script>alert(1)</script>",
            ["Input.Positions[0].TitleEn"] = "Economist",
            ["Input.Positions[0].OrganisationEn"] = "Bank",
        }, "/my/speaker-profile?handler=preview"))
        {
            var page = await preview.Content.ReadAsStringAsync(ct);
            Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
            Assert.Contains("<strong>green finance</strong>", page, StringComparison.Ordinal);
            Assert.DoesNotContain("<script>alert", page, StringComparison.Ordinal);
        }

        Assert.Null(await App.WithDbAsync(db => db.Speakers.Where(s => s.Id == speakerId).Select(s => s.BiographyEn).SingleAsync()));

        using var fragment = await client.PostAsync("/my/speaker-profile", new Dictionary<string, string> { ["markdown"] = "*Chief* economist" }, "/my/speaker-profile?handler=fragment");
        Assert.Equal("<p><em>Chief</em> economist</p>", (await fragment.Content.ReadAsStringAsync(ct)).Trim());
    }

    private static string Fieldset(string html, string legend)
    {
        var start = html.IndexOf($"<legend>{legend}</legend>", StringComparison.Ordinal);
        Assert.True(start >= 0, $"No fieldset \"{legend}\".");
        return html[start..html.IndexOf("</fieldset>", start, StringComparison.Ordinal)];
    }

    [Fact]
    public async Task A_chinese_speakers_automatic_registration_and_its_email_are_in_chinese()
    {
        var email = $"zeng-{Guid.NewGuid():N}@summit.test";
        await App.ScopedAsync(async services =>
        {
            var data = new TestData(services);
            var edition = await data.EditionAsync();
            await services.GetRequiredService<Summit.Core.Registrations.SaveCategory>().RunAsync(edition.Id, null, new Summit.Core.Registrations.CategoryDetails(
                "Speakers", "演讲嘉宾", null, null, Summit.Core.Registrations.CategoryKind.Speaker, null, false, false, null, null, 1));
            var speaker = (await services.GetRequiredService<SaveSpeaker>().RunAsync(null, new SpeakerDetails(
                $"zeng-{Guid.NewGuid():N}"[..20], "曾", "刚", "Zeng", "Gang", true, null, null, "CN", null, null, email,
                [new PositionDetails("Deputy Director", "副主任", "National Institution for Finance and Development", "国家金融与发展实验室")], []), null)).SpeakerId!.Value;
            var room = await data.RoomAsync(edition.Id);
            var type = await data.SessionTypeAsync(edition.Id);
            var session = (await services.GetRequiredService<SaveSession>().RunAsync(edition.Id, null, new SessionDetails(
                "Green finance", "绿色金融", null, null, type, null, SessionLanguage.Chinese, false, null, [new SessionSpeakerDetails(speaker, SessionSpeakerRole.Speaker)]))).SessionId!.Value;
            var start = ScheduleTime.ToUtc(edition.StartDate, new TimeOnly(9, 0), TimeZoneInfo.FindSystemTimeZoneById(edition.TimeZoneId));
            Assert.True((await services.GetRequiredService<ScheduleSession>().PlaceAsync(edition.Id, session, room, start, start.AddHours(1))).Succeeded);
            Assert.True((await services.GetRequiredService<PublishSchedule>().RunAsync(edition.Id, null, null)).Succeeded);
            return 0;
        });

        var mail = await App.WaitForMailAsync(email, "registration.confirmed");
        Assert.Equal("zh-Hans", await App.WithDbAsync(db => db.Registrations.Where(r => r.NormalizedEmail == email).Select(r => r.PreferredCulture).SingleAsync()));
        Assert.Equal("国家金融与发展实验室", await App.WithDbAsync(db => db.Registrations.Where(r => r.NormalizedEmail == email).Select(r => r.Organisation).SingleAsync()));
        Assert.Matches("[\\u4e00-\\u9fff]", mail.Subject);
        Assert.Contains("曾刚", mail.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_speakers_new_photo_waits_for_approval()
    {
        var speakerId = await NewSpeakerAsync("Photo");
        var person = await App.CreateUserAsync($"photo-{Guid.NewGuid():N}@summit.test", Roles.Attendee);
        var issued = await App.ScopedAsync(async services => (await services.GetRequiredService<SpeakerInvitations>().InviteAsync(speakerId, person.Email!, "organizer")).Issued!);
        Assert.Null(await App.ScopedAsync(async services => await services.GetRequiredService<SpeakerInvitations>().AcceptAsync(
            issued.Token, (await services.GetRequiredService<UserManager<SummitUser>>().FindByIdAsync(person.Id))!)));
        using var client = App.Browser();
        await client.SignInAsync(person.Email!);

        using var page = await client.GetAsync(new Uri("/my/speaker-profile", UriKind.Relative), TestContext.Current.CancellationToken);
        using var content = new MultipartFormDataContent
        {
            { new StringContent(Forms.Token(await page.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))), "__RequestVerificationToken" },
            { new StringContent("Own photo"), "Photo.Credit" },
            { new StringContent("CC BY 4.0"), "Photo.Licence" },
            { new ByteArrayContent(TestImages.Jpeg(600, 600)), "Photo.File", "me.jpg" },
        };
        using var uploaded = await client.PostAsync(new Uri("/my/speaker-profile?handler=Photo", UriKind.Relative), content, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Redirect, uploaded.StatusCode);
        Assert.Equal(PhotoStatus.Pending, await App.WithDbAsync(db => db.SpeakerPhotos.Where(p => p.SpeakerId == speakerId).Select(p => p.Status).SingleAsync()));
        Assert.Contains("Your new photo waits for the organizers", await client.GetStringAsync(new Uri("/my/speaker-profile", UriKind.Relative), TestContext.Current.CancellationToken), StringComparison.Ordinal);

        // The organizers see it waiting: on /admin, and flagged in the speaker list, which can show only those.
        await App.BuildAsync(data => data.EditionIdAsync());
        var organizer = await App.CreateUserAsync($"organizer-{Guid.NewGuid():N}@summit.test", Roles.Organizer);
        using var admin = App.Browser();
        await admin.SignInAsync(organizer.Email!);
        var home = await admin.GetStringAsync(new Uri("/admin", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Contains("href=\"/admin/speakers?photos=pending\"", home, StringComparison.Ordinal);
        // The current edition at a glance: four charts, each a link to its page.
        Assert.Contains("At a glance: ", home, StringComparison.Ordinal);
        Assert.Contains("<svg class=\"glance-chart\"", home, StringComparison.Ordinal);
        foreach (var linked in new[] { "/admin/registrations/", "/checkin\"", "/admin/mail\"", "/newsroom\"" })
        {
            Assert.Contains($"<h3><a href=\"{linked}", home, StringComparison.Ordinal);
        }

        var pending = await admin.GetStringAsync(new Uri("/admin/speakers?photos=pending", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Contains($"<a class=\"badge pending-badge\" href=\"/admin/speakers/photo/{speakerId}\">Photo to approve</a>", pending, StringComparison.Ordinal);
        var waiting = await App.WithDbAsync(db => db.SpeakerPhotos.Where(p => p.Status == PhotoStatus.Pending).Select(p => p.SpeakerId).Distinct().CountAsync());
        Assert.Equal(waiting, Regex.Count(pending, "Photo to approve</a>"));
    }

    [Fact]
    public async Task Invitations_expire_are_single_use_and_a_newer_one_withdraws_the_older()
    {
        var speakerId = await NewSpeakerAsync("Expiry");
        var firstId = (await App.CreateUserAsync($"first-{Guid.NewGuid():N}@summit.test", null)).Id;
        var secondId = (await App.CreateUserAsync($"second-{Guid.NewGuid():N}@summit.test", null)).Id;
        using var scope = App.Services.CreateScope();
        var first = (await scope.ServiceProvider.GetRequiredService<UserManager<SummitUser>>().FindByIdAsync(firstId))!;
        var second = (await scope.ServiceProvider.GetRequiredService<UserManager<SummitUser>>().FindByIdAsync(secondId))!;
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var invitations = new SpeakerInvitations(scope.ServiceProvider.GetRequiredService<SummitDbContext>(), scope.ServiceProvider.GetRequiredService<UserManager<SummitUser>>(), clock);

        var old = (await invitations.InviteAsync(speakerId, first.Email!, "organizer", TestContext.Current.CancellationToken)).Issued!;
        var current = (await invitations.InviteAsync(speakerId, first.Email!, "organizer", TestContext.Current.CancellationToken)).Issued!;
        Assert.Equal(InvitationState.Revoked, (await invitations.ViewAsync(old.Token, TestContext.Current.CancellationToken)).State);
        Assert.NotNull(await invitations.AcceptAsync(old.Token, first, TestContext.Current.CancellationToken));

        clock.Advance(SpeakerInvitation.Lifetime + TimeSpan.FromMinutes(1));
        Assert.Equal(InvitationState.Expired, (await invitations.ViewAsync(current.Token, TestContext.Current.CancellationToken)).State);
        Assert.Equal(SpeakerInvitations.Reasons.NotUsable, (await invitations.AcceptAsync(current.Token, first, TestContext.Current.CancellationToken))!.Message);

        var fresh = (await invitations.InviteAsync(speakerId, first.Email!, "organizer", TestContext.Current.CancellationToken)).Issued!;
        Assert.Null(await invitations.AcceptAsync(fresh.Token, first, TestContext.Current.CancellationToken));
        var another = (await invitations.InviteAsync(speakerId, second.Email!, "organizer", TestContext.Current.CancellationToken)).Issued!;
        Assert.Equal(SpeakerInvitations.Reasons.SpeakerTaken, (await invitations.AcceptAsync(another.Token, second, TestContext.Current.CancellationToken))!.Message);
        Assert.Equal(InvitationState.Unknown, (await invitations.ViewAsync("not-a-token", TestContext.Current.CancellationToken)).State);
    }

    [Fact]
    public async Task My_speaker_profile_needs_a_sign_in_and_explains_itself_to_accounts_without_a_profile()
    {
        using var anonymous = App.Browser();
        using (var response = await anonymous.GetAsync(new Uri("/my/speaker-profile", UriKind.Relative), TestContext.Current.CancellationToken))
        {
            Assert.StartsWith("/account/login", response.Headers.Location?.PathAndQuery, StringComparison.Ordinal);
        }

        var attendee = await App.CreateUserAsync($"attendee-{Guid.NewGuid():N}@summit.test", Roles.Attendee);
        using var client = App.Browser();
        await client.SignInAsync(attendee.Email!);
        var page = await client.GetStringAsync(new Uri("/my/speaker-profile", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Contains("Your account does not look after a speaker profile.", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Input.FamilyNameLatin", page, StringComparison.Ordinal);
    }
}
