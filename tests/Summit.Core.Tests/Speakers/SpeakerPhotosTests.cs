using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Summit.Core.Data;
using Summit.Core.Photos;
using Summit.Core.Speakers;
using Summit.Testing;

namespace Summit.Core.Tests.Speakers;

public sealed class SpeakerPhotosTests : IAsyncLifetime
{
    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("summit-photos-");
    private SqliteSummitDbContext db = null!;
    private SpeakerPhotos photos = null!;
    private int speakerId;

    public async ValueTask InitializeAsync()
    {
        TestDatabases.CopySqliteTemplate(folder.FullName);
        var options = new DbContextOptionsBuilder<SqliteSummitDbContext>();
        SummitDatabase.UseSqlite(options, $"Data Source={Path.Combine(folder.FullName, "summit.db")}", new DatabaseOptions());
        db = new SqliteSummitDbContext(options.Options);
        var saved = await new SaveSpeaker(db, TimeProvider.System).RunAsync(null, Summit.Core.Demo.DemoSpeakers.ZengGang, null);
        speakerId = saved.SpeakerId!.Value;
        var store = new PhotoStore(new Summit.Core.Files.FolderFileStore(Options.Create(new StorageOptions { Path = Path.Combine(folder.FullName, "storage") })));
        photos = new SpeakerPhotos(db, store, TimeProvider.System, new Summit.Core.Photos.PhotoDecoding(Microsoft.Extensions.Options.Options.Create(new Summit.Core.Photos.PhotoOptions())));
    }

    public async ValueTask DisposeAsync()
    {
        await db.DisposeAsync();
        SqliteConnection.ClearAllPools();
        folder.Delete(recursive: true);
    }

    private static PhotoCredit Credit => new("iChongqing / Vivian Yan", "iChongqing", "Used with permission");

    private async Task<PhotoStatus> StatusOf(int photoId)
    {
        db.ChangeTracker.Clear();
        return await db.SpeakerPhotos.Where(p => p.Id == photoId).Select(p => p.Status).SingleAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task An_organizers_upload_is_public_at_once_and_replaces_the_previous_one()
    {
        var first = await photos.UploadAsync(speakerId, TestImages.Jpeg(800, 800), Credit, "organizer", byOrganizer: true, TestContext.Current.CancellationToken);
        var second = await photos.UploadAsync(speakerId, TestImages.Jpeg(900, 900), Credit, "organizer", byOrganizer: true, TestContext.Current.CancellationToken);
        Assert.Equal(PhotoStatus.Replaced, await StatusOf(first.PhotoId!.Value));
        Assert.Equal(PhotoStatus.Approved, await StatusOf(second.PhotoId!.Value));
    }

    [Fact]
    public async Task A_speakers_own_upload_waits_for_approval_before_it_replaces_the_public_one()
    {
        var current = await photos.UploadAsync(speakerId, TestImages.Jpeg(800, 800), Credit, "organizer", byOrganizer: true, TestContext.Current.CancellationToken);
        var proposed = await photos.UploadAsync(speakerId, TestImages.Jpeg(800, 800), Credit, "speaker", byOrganizer: false, TestContext.Current.CancellationToken);
        Assert.Equal(PhotoStatus.Pending, await StatusOf(proposed.PhotoId!.Value));
        Assert.Equal(PhotoStatus.Approved, await StatusOf(current.PhotoId!.Value));

        Assert.Empty(await photos.ReviewAsync(proposed.PhotoId!.Value, approve: true, "organizer", TestContext.Current.CancellationToken));
        Assert.Equal(PhotoStatus.Approved, await StatusOf(proposed.PhotoId!.Value));
        Assert.Equal(PhotoStatus.Replaced, await StatusOf(current.PhotoId!.Value));
        Assert.Equal(SpeakerPhotos.Reasons.PhotoNotFound, Assert.Single(await photos.ReviewAsync(proposed.PhotoId!.Value, approve: false, "organizer", TestContext.Current.CancellationToken)).Message);
    }

    [Fact]
    public async Task A_rejected_proposal_leaves_the_public_photo_alone()
    {
        var current = await photos.UploadAsync(speakerId, TestImages.Jpeg(800, 800), Credit, "organizer", byOrganizer: true, TestContext.Current.CancellationToken);
        var proposed = await photos.UploadAsync(speakerId, TestImages.Jpeg(800, 800), Credit, "speaker", byOrganizer: false, TestContext.Current.CancellationToken);
        Assert.Empty(await photos.ReviewAsync(proposed.PhotoId!.Value, approve: false, "organizer", TestContext.Current.CancellationToken));
        Assert.Equal(PhotoStatus.Rejected, await StatusOf(proposed.PhotoId!.Value));
        Assert.Equal(PhotoStatus.Approved, await StatusOf(current.PhotoId!.Value));
    }

    [Fact]
    public async Task A_photo_without_credit_or_licence_is_refused_and_nothing_is_stored()
    {
        var result = await photos.UploadAsync(speakerId, TestImages.Jpeg(800, 800), new PhotoCredit(" ", null, ""), "organizer", byOrganizer: true, TestContext.Current.CancellationToken);
        Assert.Equal([SpeakerPhotos.Reasons.CreditRequired, SpeakerPhotos.Reasons.LicenceRequired], result.Refusals.Select(r => r.Message));
        Assert.Equal(0, await db.SpeakerPhotos.CountAsync(TestContext.Current.CancellationToken));
        Assert.False(Directory.Exists(Path.Combine(folder.FullName, "storage", "photos")) && Directory.EnumerateFiles(Path.Combine(folder.FullName, "storage", "photos")).Any());
    }
}
