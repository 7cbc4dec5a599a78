using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Summit.Core.Accounts;
using Summit.Core.Data;
using Summit.Jobs.Press;
using Summit.Testing;

namespace Summit.Browser.Tests;

/// <summary>
/// The newsroom end to end in a real browser: a journalist writes an interview and asks the speaker to sign off, the
/// speaker approves through the emailed link, an editor schedules it ten minutes after the session, the publishing job
/// publishes it, and it shows on /news, on the speaker's page and on the session's page.
/// </summary>
public sealed class PressBrowserTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private static async Task SignInAsync(IPage page, string email)
    {
        await page.GotoAsync("/account/login");
        await page.GetByLabel("Email address").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(SummitFactory.Password);
        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
    }

    [Fact]
    public async Task An_interview_goes_from_draft_through_the_speakers_sign_off_to_the_news_the_speaker_and_the_session()
    {
        var ct = TestContext.Current.CancellationToken;
        var speakerEmail = $"zeng-{Guid.NewGuid():N}@summit.test";
        var (sessionId, sessionTitle) = await app.Factory.ScopedAsync(async s =>
        {
            var db = s.GetRequiredService<SummitDbContext>();
            var speaker = await db.Speakers.FirstAsync(x => x.Slug == "zeng-gang", ct);
            await db.Speakers.Where(x => x.Id == speaker.Id).ExecuteUpdateAsync(u => u.SetProperty(x => x.ContactEmail, speakerEmail), ct);
            var version = await db.ScheduleVersions.OrderByDescending(v => v.Number).Select(v => v.Id).FirstAsync(ct);
            var session = await db.PublishedSessions.Where(p => p.VersionId == version && !p.IsCancelled && p.Speakers.Any(x => x.SpeakerId == speaker.Id))
                .OrderByDescending(p => p.StartsAt).Select(p => new { p.SessionId, p.TitleEn }).FirstAsync(ct);
            return (session.SessionId, session.TitleEn);
        });
        var journalist = await app.Factory.CreateUserAsync($"journalist-{Guid.NewGuid():N}@summit.test", Roles.Press);
        var editor = await app.Factory.CreateUserAsync($"editor-{Guid.NewGuid():N}@summit.test", Roles.Editor);
        const string Headline = "Green finance needs patient capital, says Zeng Gang";

        // The journalist writes the interview and sends the quotes to the speaker.
        await using (var context = await app.NewContextAsync())
        {
            var page = await context.NewPageAsync();
            await SignInAsync(page, journalist.Email!);
            await page.GotoAsync("/newsroom");
            await page.GetByRole(AriaRole.Link, new() { Name = "Write an article" }).First.ClickAsync();
            await page.GetByLabel("Address (/news/…)").FillAsync("zeng-gang-patient-capital");
            await page.GetByLabel("Headline (English)").FillAsync(Headline);
            await page.GetByLabel("Dateline (English), e.g. Chongqing").FillAsync("Chongqing");
            await page.GetByLabel("Lead (English)").FillAsync("Green projects need capital that waits, Zeng Gang told the summit.");
            await page.GetByLabel("Text (English)").FillAsync("### Patient capital\n\n“Green projects pay back slowly,” said Zeng.");
            // The live preview renders the Markdown as the page will.
            await Assertions.Expect(page.Locator("#preview-en h3")).ToHaveTextAsync("Patient capital");
            await page.GetByLabel("Speakers this article covers").SelectOptionAsync(new SelectOptionValue { Label = "Zeng Gang" });
            await page.GetByLabel("Sessions this article covers").SelectOptionAsync(new SelectOptionValue { Label = sessionTitle });
            await page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
            await Assertions.Expect(page.Locator(".article-state")).ToContainTextAsync("Draft");
            await page.GetByRole(AriaRole.Button, new() { Name = "Send the quotes for sign-off" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync("The speaker has been asked to sign off the quotes.");
            await Assertions.Expect(page.Locator(".article-state")).ToContainTextAsync("With the speaker for sign-off");
        }

        // The speaker approves through the emailed link, with no account.
        var mail = await app.Factory.WaitForMailAsync(speakerEmail, PressMails.SignOffRequestKind);
        var link = SummitFactory.FirstLink(mail);
        await using (var context = await app.NewContextAsync(width: 390, height: 844))
        {
            var page = await context.NewPageAsync();
            await page.GotoAsync(link.PathAndQuery);
            await Assertions.Expect(page.Locator("blockquote")).ToContainTextAsync("Green projects pay back slowly");
            await page.GetByRole(AriaRole.Button, new() { Name = "Approve the quotes" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("the quotes are approved");
        }

        // An editor schedules it ten minutes after the session ends; the session is over, so the next run publishes it.
        var articleId = await app.Factory.WithDbAsync(db => db.Articles.Where(a => a.Slug == "zeng-gang-patient-capital").Select(a => a.Id).FirstAsync(ct));
        await using (var context = await app.NewContextAsync())
        {
            var page = await context.NewPageAsync();
            await SignInAsync(page, editor.Email!);
            await page.GotoAsync($"/newsroom/{articleId}");
            await Assertions.Expect(page.Locator(".article-state")).ToContainTextAsync("Waiting for an editor");
            await page.GetByLabel("Relative to a session (follows it when it moves)").CheckAsync();
            await page.GetByLabel("Session", new() { Exact = true }).SelectOptionAsync(sessionId.ToString(System.Globalization.CultureInfo.InvariantCulture));
            await page.GetByLabel("Minutes after (negative: before)").FillAsync("10");
            await page.GetByRole(AriaRole.Button, new() { Name = "Schedule", Exact = true }).ClickAsync();
            await Assertions.Expect(page.Locator(".article-state")).ToContainTextAsync("Scheduled");
        }

        await app.Factory.ScopedAsync(async s =>
        {
            await s.GetRequiredService<PublishArticlesJob>().RunAsync(ct);
            return true;
        });

        await using (var context = await app.NewContextAsync())
        {
            var page = await context.NewPageAsync();
            await page.GotoAsync("/news");
            await page.GetByRole(AriaRole.Link, new() { Name = Headline }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(Headline);
            await Assertions.Expect(page.Locator(".lead")).ToContainTextAsync("Chongqing –");
            await page.GotoAsync("/speakers/zeng-gang");
            await Assertions.Expect(page.Locator(".press-list")).ToContainTextAsync(Headline);
            await page.GotoAsync($"/2021/sessions/{sessionId}");
            await Assertions.Expect(page.Locator(".press-list")).ToContainTextAsync(Headline);
        }
    }
}
