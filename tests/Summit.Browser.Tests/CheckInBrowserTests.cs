using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Summit.Core.Accounts;
using Summit.Core.Data;
using Summit.Core.Registrations;
using Summit.Testing;

namespace Summit.Browser.Tests;

/// <summary>A desk volunteer checks guests in, in a real browser on a phone-sized screen: by the code a hand scanner types, and with the camera.</summary>
public sealed class CheckInBrowserTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task A_badge_code_typed_from_the_badge_shows_the_welcome_card_then_already_checked_in()
    {
        var ct = TestContext.Current.CancellationToken;
        string token;
        using (var scope = app.Factory.Services.CreateScope())
        {
            var s = scope.ServiceProvider;
            var category = await s.GetRequiredService<SummitDbContext>().RegistrationCategories
                .Where(c => c.Kind == CategoryKind.General && c.Capacity == null && !c.RequiresApproval && !c.RequiresInvitation).Select(c => c.Id).FirstAsync(ct);
            var outcome = await s.GetRequiredService<RegisterAttendee>().RunAsync(category, new RegistrationDetails(
                "黄", "思敏", "Wong", "Sze Min", false, "GIC", null, $"szemin-{Guid.NewGuid():N}@summit.test", null, "SG", "en", null, null, false, true, "2026-11"), null, cancellationToken: ct);
            // The code printed under the QR code, as a volunteer reads it off the badge.
            Assert.NotNull(await s.GetRequiredService<Summit.Jobs.Badges.BadgeService>().EnsureAsync(outcome.RegistrationId!.Value, ct));
            var code = await s.GetRequiredService<SummitDbContext>().Registrations.Where(r => r.Id == outcome.RegistrationId).Select(r => r.BadgeCode).FirstAsync(ct);
            token = BadgeTokens.FormatShortCode(code!).ToLowerInvariant();
        }

        var staff = await app.Factory.CreateUserAsync($"desk-{Guid.NewGuid():N}@summit.test", Roles.CheckIn);
        await using var context = await app.NewContextAsync(width: 390, height: 844);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/account/login");
        await page.GetByLabel("Email address").FillAsync(staff.Email!);
        await page.GetByLabel("Password").FillAsync(SummitFactory.Password);
        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await page.GotoAsync("/checkin");

        await page.GetByLabel("Desk").FillAsync("Hall A");
        await page.GetByLabel("Badge code").FillAsync(token);
        await page.GetByRole(AriaRole.Button, new() { Name = "Check in", Exact = true }).ClickAsync();

        var card = page.Locator(".checkin-result");
        await Assertions.Expect(card).ToContainTextAsync("Welcome");
        await Assertions.Expect(card).ToContainTextAsync("黄思敏");
        await Assertions.Expect(card).ToContainTextAsync("Sze Min Wong");

        await page.GetByLabel("Badge code").FillAsync(token);
        await page.GetByRole(AriaRole.Button, new() { Name = "Check in", Exact = true }).ClickAsync();

        await Assertions.Expect(card).ToContainTextAsync("Already checked in");
        await Assertions.Expect(card).ToContainTextAsync("at Hall A.");
        Assert.False(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1"));
    }

    [Fact]
    public async Task The_camera_reads_the_badges_QR_code_and_checks_the_guest_in_once()
    {
        var ct = TestContext.Current.CancellationToken;
        string token;
        int registration;
        using (var scope = app.Factory.Services.CreateScope())
        {
            var s = scope.ServiceProvider;
            var category = await s.GetRequiredService<SummitDbContext>().RegistrationCategories
                .Where(c => c.Kind == CategoryKind.General && c.Capacity == null && !c.RequiresApproval && !c.RequiresInvitation).Select(c => c.Id).FirstAsync(ct);
            var outcome = await s.GetRequiredService<RegisterAttendee>().RunAsync(category, new RegistrationDetails(
                "林", "美华", "Lim", "Mei Hua", false, "MAS", null, $"meihua-{Guid.NewGuid():N}@summit.test", null, "SG", "en", null, null, false, true, "2026-11"), null, cancellationToken: ct);
            // The QR code's payload, exactly as the badge job prints it.
            registration = outcome.RegistrationId!.Value;
            token = s.GetRequiredService<BadgeTokens>().Issue(registration, 1);
        }

        // Chromium's fake camera films a video file: one showing the badge's QR code.
        var video = Path.Combine(Path.GetTempPath(), $"summit-badge-{Guid.NewGuid():N}.y4m");
        WriteVideo(video, token);
        try
        {
            await using var browser = await app.LaunchAsync("--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream", $"--use-file-for-fake-video-capture={video}");
            var staff = await app.Factory.CreateUserAsync($"desk-{Guid.NewGuid():N}@summit.test", Roles.CheckIn);
            await using var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.BaseAddress.ToString(), ViewportSize = new ViewportSize { Width = 390, Height = 844 }, Locale = "en-GB" });
            var page = await context.NewPageAsync();
            var refused = new List<string>();
            page.Console += (_, message) =>
            {
                if (message.Text.Contains("Content Security Policy", StringComparison.Ordinal))
                {
                    refused.Add(message.Text);
                }
            };
            await page.GotoAsync("/account/login");
            await page.GetByLabel("Email address").FillAsync(staff.Email!);
            await page.GetByLabel("Password").FillAsync(SummitFactory.Password);
            await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
            await page.GotoAsync("/checkin");
            await page.GetByLabel("Desk").FillAsync("Camera desk");

            await page.GetByRole(AriaRole.Button, new() { Name = "Scan with the camera" }).ClickAsync();

            var card = page.Locator(".checkin-result");
            await Assertions.Expect(card).ToContainTextAsync("Welcome", new() { Timeout = 30_000 });
            await Assertions.Expect(card).ToContainTextAsync("林美华");
            await Assertions.Expect(card).ToContainTextAsync("Mei Hua Lim");
            Assert.Empty(refused);
            // The camera starts again by itself for the next guest, while this one still holds the badge up: the same
            // badge is not sent again (the desk would see "already checked in" at once).
            await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Stop the camera" })).ToBeVisibleAsync(new() { Timeout = 10_000 });
            await Assertions.Expect(page.Locator("#camera-status")).ToContainTextAsync("Hold the badge's QR code in front of the camera.", new() { Timeout = 10_000 });
            await page.WaitForTimeoutAsync(3000);
            await Assertions.Expect(card).ToContainTextAsync("Welcome");
            Assert.Equal(1, await app.Factory.WithDbAsync(db => db.CheckInScans.CountAsync(x => x.RegistrationId == registration, ct)));
            await page.GetByRole(AriaRole.Button, new() { Name = "Stop the camera" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Scan with the camera" })).ToBeVisibleAsync();
        }
        finally
        {
            File.Delete(video);
        }
    }

    /// <summary>A short YUV4MPEG2 video (the format Chromium's fake camera reads) of a QR code, black on white.</summary>
    private static void WriteVideo(string path, string payload)
    {
        using var generator = new QRCoder.QRCodeGenerator();
        using var qr = generator.CreateQrCode(payload, QRCoder.QRCodeGenerator.ECCLevel.M);
        var modules = qr.ModuleMatrix;
        const int width = 640, height = 480;
        var scale = (height - 40) / modules.Count;
        var (left, top) = ((width - (modules.Count * scale)) / 2, (height - (modules.Count * scale)) / 2);
        var luma = new byte[width * height];
        Array.Fill(luma, (byte)235);
        for (var row = 0; row < modules.Count; row++)
        {
            for (var column = 0; column < modules.Count; column++)
            {
                if (!modules[row][column])
                {
                    continue;
                }

                for (var y = 0; y < scale; y++)
                {
                    Array.Fill(luma, (byte)16, ((top + (row * scale) + y) * width) + left + (column * scale), scale);
                }
            }
        }

        var chroma = new byte[width * height / 4];
        Array.Fill(chroma, (byte)128);
        using var file = File.Create(path);
        file.Write(System.Text.Encoding.ASCII.GetBytes($"YUV4MPEG2 W{width} H{height} F10:1 Ip A1:1 C420jpeg\n"));
        for (var frame = 0; frame < 5; frame++)
        {
            file.Write(System.Text.Encoding.ASCII.GetBytes("FRAME\n"));
            file.Write(luma);
            file.Write(chroma);
            file.Write(chroma);
        }
    }
}
