using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Summit.Core.Accounts;
using Summit.Core.Speakers;
using Summit.Testing;

namespace Summit.Web.Tests.Speakers;

public abstract class MergeSpeakersTests<TApp>(TApp app) where TApp : SummitApp
{
    private SummitFactory App => app.Factory;

    [Fact]
    public async Task Merging_a_duplicate_unites_editions_fills_gaps_moves_photos_and_the_account_and_deletes_it()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var editionId = await App.BuildAsync(d => d.EditionIdAsync("2021"));
        var keepId = (await App.ScopedAsync(s => s.GetRequiredService<SaveSpeaker>().RunAsync(null, new SpeakerDetails(
            $"keep-{tag}", null, null, "Huang", "David", true, null, null, "SG", "Kept biography", null, null,
            [new PositionDetails("Partner", null, "Example Capital", null)], []), null))).SpeakerId!.Value;
        var duplicateId = (await App.ScopedAsync(s => s.GetRequiredService<SaveSpeaker>().RunAsync(null, new SpeakerDetails(
            $"dup-{tag}", "黄", "大卫", "Huang", "D.", true, null, null, null, "Other biography", "中文简介", null,
            [new PositionDetails("Adviser", null, "Other", null)], []), [editionId]))).SpeakerId!.Value;
        await App.ScopedAsync(s => s.GetRequiredService<SpeakerPhotos>().UploadAsync(duplicateId, TestImages.Jpeg(500, 500), new PhotoCredit("Credit", null, "Licence"), "org", byOrganizer: true));
        var owner = await App.CreateUserAsync($"owner-{tag}@summit.test", Roles.Speaker);
        await App.WithDbAsync(db => db.Speakers.Where(s => s.Id == duplicateId).ExecuteUpdateAsync(u => u.SetProperty(s => s.UserId, owner.Id)));

        var organizer = await App.CreateUserAsync($"organizer-{tag}@summit.test", Roles.Organizer);
        using var admin = App.Browser();
        await admin.SignInAsync(organizer.Email!);
        using (var merged = await admin.PostAsync($"/admin/speakers/merge/{keepId}", new Dictionary<string, string> { ["DuplicateSlug"] = $"dup-{tag}" }))
        {
            Assert.Equal($"/admin/speakers/merge/{keepId}?merged=True", merged.Headers.Location?.OriginalString);
        }

        var kept = await App.WithDbAsync(db => db.Speakers.Include(s => s.Editions).SingleAsync(s => s.Id == keepId));
        Assert.False(await App.WithDbAsync(db => db.Speakers.AnyAsync(s => s.Id == duplicateId)));
        Assert.Equal(("黄大卫", "Huang David", "Kept biography", "中文简介"), (kept.NameZh, kept.NameLatin, kept.BiographyEn, kept.BiographyZh));
        Assert.Equal("Partner", Assert.Single(kept.Positions).TitleEn);
        Assert.Equal([editionId], kept.Editions.Select(e => e.EditionId));
        Assert.Equal(owner.Id, kept.UserId);
        Assert.Equal(PhotoStatus.Approved, await App.WithDbAsync(db => db.SpeakerPhotos.Where(p => p.SpeakerId == keepId).Select(p => p.Status).SingleAsync()));

        using var again = await admin.PostAsync($"/admin/speakers/merge/{keepId}", new Dictionary<string, string> { ["DuplicateSlug"] = $"keep-{tag}" });
        Assert.Contains("Choose two different speakers.", await again.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }
}

public sealed class MergeSpeakersTestsOnSqlite(SqliteApp app) : MergeSpeakersTests<SqliteApp>(app), IClassFixture<SqliteApp>;

public sealed class MergeSpeakersTestsOnPostgres(PostgresApp app) : MergeSpeakersTests<PostgresApp>(app), IClassFixture<PostgresApp>;
