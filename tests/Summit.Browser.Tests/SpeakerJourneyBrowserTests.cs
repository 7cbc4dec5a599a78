using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Summit.Core.Accounts;
using Summit.Core.Editions;
using Summit.Core.Scheduling;
using Summit.Core.Speakers;
using Summit.Jobs.Accounts;
using Summit.Jobs.Speakers;
using Summit.Testing;

namespace Summit.Browser.Tests;

/// <summary>
/// A speaker with no account, on a phone, in Chinese: from the invitation email through creating an account, the
/// confirmation email and the sign-in, back to the invitation, accepted, to the speaker's own list of sessions; axe on
/// every page of the way.
/// </summary>
public sealed class SpeakerJourneyBrowserTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task An_invited_speaker_creates_an_account_on_a_phone_in_Chinese_and_lands_on_their_sessions()
    {
        var ct = TestContext.Current.CancellationToken;
        var email = $"fang-{Guid.NewGuid():N}@summit.test";
        var speakerId = await app.Factory.ScopedAsync(async s =>
        {
            var slug = $"j{Guid.NewGuid():N}"[..10];
            var edition = (await s.GetRequiredService<SaveEdition>().RunAsync(null, new EditionDetails(
                slug, "Journey edition", "旅程测试届", null, null, new DateOnly(2031, 11, 4), new DateOnly(2031, 11, 5), "Yuelai", "悦来", "Chongqing", "重庆", "Asia/Shanghai", EditionStatus.Open), ct)).EditionId!.Value;
            var speaker = (await s.GetRequiredService<SaveSpeaker>().RunAsync(null, new SpeakerDetails(
                $"fang-{slug}", "方", "晓", "Fang", "Xiao", true, null, null, "CN", null, null, null, [new PositionDetails("Economist", "经济学家", "Bank", "银行")], []), [edition], ct)).SpeakerId!.Value;
            var programme = s.GetRequiredService<SaveProgrammeItem>();
            var venue = (await programme.SaveVenueAsync(edition, null, "Yuelai", "悦来", ct)).Id!.Value;
            var room = (await programme.SaveRoomAsync(edition, null, venue, new RoomDetails("Hall B", "B 厅", 200, SessionLanguage.Chinese, "EN ch. 2", 1), ct)).Id!.Value;
            var type = (await programme.SaveTypeAsync(edition, null, "Keynote", "主旨演讲", false, 1, ct)).Id!.Value;
            var session = (await s.GetRequiredService<SaveSession>().RunAsync(edition, null, new SessionDetails(
                "Digital currencies across borders", "跨境数字货币", null, null, type, null, SessionLanguage.Chinese, true, null,
                [new SessionSpeakerDetails(speaker, SessionSpeakerRole.KeynoteSpeaker)]), ct)).SessionId!.Value;
            var start = ScheduleTime.ToUtc(new DateOnly(2031, 11, 4), new TimeOnly(9, 0), TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"));
            Assert.True((await s.GetRequiredService<ScheduleSession>().PlaceAsync(edition, session, room, start, start.AddMinutes(40), ct)).Succeeded);
            Assert.True((await s.GetRequiredService<PublishSchedule>().RunAsync(edition, null, null, cancellationToken: ct)).Succeeded);
            return speaker;
        });

        // The organizer sends the invitation, in Chinese, from the speaker's page.
        var organizer = await app.Factory.CreateUserAsync($"organizer-{Guid.NewGuid():N}@summit.test", Roles.Organizer);
        await using (var desk = await app.NewContextAsync())
        {
            var page = await desk.NewPageAsync();
            await page.GotoAsync("/account/login");
            await page.GetByLabel("Email address").FillAsync(organizer.Email!);
            await page.GetByLabel("Password").FillAsync(SummitFactory.Password);
            await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
            await page.GotoAsync($"/admin/speakers/invite/{speakerId}");
            await page.GetByLabel("Email address").FillAsync(email);
            await page.GetByLabel("Language for emails").SelectOptionAsync("zh-Hans");
            await page.GetByRole(AriaRole.Button, new() { Name = "Send invitation" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync($"Invitation sent to {email}");
        }

        var invitation = SummitFactory.FirstLink(await app.Factory.WaitForMailAsync(email, SpeakerMails.InvitationKind));
        await using var phone = await app.NewContextAsync(width: 390, height: 844, locale: "zh-CN");
        var speakerPage = await phone.NewPageAsync();
        async Task CheckAsync(string what)
        {
            await speakerPage.AssertNoSeriousViolationsAsync(what);
            Assert.False(await speakerPage.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1"), $"{what} scrolls sideways.");
        }

        await speakerPage.GotoAsync(invitation.PathAndQuery);
        await Assertions.Expect(speakerPage.GetByRole(AriaRole.Heading, new() { Name = "嘉宾邀请" })).ToBeVisibleAsync();
        await CheckAsync("the invitation");
        await speakerPage.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = "创建账户" }).ClickAsync();

        await Assertions.Expect(speakerPage.GetByText("确认电子邮件地址并登录后，您将回到原来的页面。")).ToBeVisibleAsync();
        await CheckAsync("creating an account");
        await speakerPage.GetByLabel("您的姓名").FillAsync("方晓");
        await speakerPage.GetByLabel("电子邮件地址").FillAsync(email);
        await speakerPage.GetByLabel("密码", new() { Exact = true }).FillAsync(SummitFactory.Password);
        await speakerPage.GetByLabel("再次输入密码").FillAsync(SummitFactory.Password);
        await speakerPage.GetByRole(AriaRole.Main).GetByRole(AriaRole.Button, new() { Name = "创建账户" }).ClickAsync();
        await Assertions.Expect(speakerPage.GetByRole(AriaRole.Heading, new() { Name = "请查收电子邮件" })).ToBeVisibleAsync();
        await CheckAsync("check your email");

        var confirmation = SummitFactory.FirstLink(await app.Factory.WaitForMailAsync(email, AccountMails.ConfirmEmailKind));
        await speakerPage.GotoAsync(confirmation.PathAndQuery);
        await Assertions.Expect(speakerPage.GetByRole(AriaRole.Heading, new() { Name = "电子邮件地址已确认" })).ToBeVisibleAsync();
        await CheckAsync("email address confirmed");
        await speakerPage.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = "登录" }).ClickAsync();

        await speakerPage.GetByLabel("电子邮件地址").FillAsync(email);
        await speakerPage.GetByLabel("密码", new() { Exact = true }).FillAsync(SummitFactory.Password);
        await speakerPage.GetByRole(AriaRole.Main).GetByRole(AriaRole.Button, new() { Name = "登录", Exact = true }).ClickAsync();

        // Back on the invitation, signed in now: one press accepts it.
        await Assertions.Expect(speakerPage).ToHaveURLAsync(invitation.AbsoluteUri.Replace(invitation.GetLeftPart(UriPartial.Authority), app.BaseAddress.GetLeftPart(UriPartial.Authority), StringComparison.Ordinal));
        await CheckAsync("the invitation, signed in");
        await speakerPage.GetByRole(AriaRole.Button, new() { Name = "接受并编辑我的资料" }).ClickAsync();

        await Assertions.Expect(speakerPage.GetByRole(AriaRole.Heading, new() { Name = "我的场次" })).ToBeVisibleAsync();
        var session = speakerPage.Locator(".my-edition li.card", new() { HasText = "跨境数字货币" });
        await Assertions.Expect(session).ToContainTextAsync("09:00");
        await Assertions.Expect(session).ToContainTextAsync("UTC+08:00 Asia/Shanghai");
        await Assertions.Expect(session).ToContainTextAsync("B 厅");
        await Assertions.Expect(session).ToContainTextAsync("主旨演讲嘉宾");
        await Assertions.Expect(session).ToContainTextAsync("EN ch. 2");
        await CheckAsync("my speaker profile");

        // The form shows the one position in use and a blank row; "add another" shows the next.
        var positions = speakerPage.Locator("fieldset", new() { Has = speakerPage.Locator("legend", new() { HasText = "职务" }) }).Locator(".position-row:visible");
        await Assertions.Expect(positions).ToHaveCountAsync(2);
        await speakerPage.GetByRole(AriaRole.Button, new() { Name = "再添加一个职务" }).ClickAsync();
        await Assertions.Expect(positions).ToHaveCountAsync(3);
    }
}

/// <summary>The organizer's home with the demo edition's charts, on a desktop and a phone: axe clean, nothing sideways.</summary>
public sealed class AdminHomeBrowserTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Theory]
    [InlineData("en-GB", 1280)]
    [InlineData("zh-CN", 390)]
    public async Task The_organizers_home_shows_the_edition_at_a_glance_and_passes_axe(string locale, int width)
    {
        await using var context = await app.NewContextAsync(width: width, height: 900, locale: locale);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/account/login");
        await page.Locator("#Input_Email").FillAsync("organizer@summit.example");
        await page.Locator("#Input_Password").FillAsync(new Summit.Core.Demo.DemoOptions().AccountPassword);
        await page.Locator("main form button[type=submit]").First.ClickAsync();
        await page.GotoAsync("/admin");

        // The registrations chart always; the check-ins one once someone has checked in (the demo has no one yet).
        await Assertions.Expect(page.Locator("svg.glance-chart").First).ToBeVisibleAsync();
        Assert.Equal(4, await page.Locator(".glance-card h3 a").CountAsync());
        await page.AssertNoSeriousViolationsAsync($"/admin [{locale}, {width} px]");
        Assert.False(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1"), "/admin scrolls sideways.");
    }
}
