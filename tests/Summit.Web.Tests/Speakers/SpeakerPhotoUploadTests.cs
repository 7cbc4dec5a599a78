using System.Net;
using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Summit.Core.Accounts;
using Summit.Core.Speakers;
using Summit.Testing;

namespace Summit.Web.Tests.Speakers;

public sealed class SpeakerPhotoUploadTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    private SummitFactory App => app.Factory;

    private async Task<(HttpClient Client, int SpeakerId)> OrganizerAsync()
    {
        var organizer = await App.CreateUserAsync($"organizer-{Guid.NewGuid():N}@summit.test", Roles.Organizer);
        var client = App.Browser();
        await client.SignInAsync(organizer.Email!);
        var id = await App.BuildAsync(d => d.SpeakerIdAsync("zeng-gang"));
        return (client, id);
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, int speakerId, byte[] file, string fileName, string credit = "iChongqing / Vivian Yan")
    {
        var url = $"/admin/speakers/photo/{speakerId}";
        using var page = await client.GetAsync(new Uri(url, UriKind.Relative));
        var token = Forms.Token(await page.Content.ReadAsStringAsync());
        using var content = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent(credit), "Input.Credit" },
            { new StringContent("iChongqing"), "Input.Source" },
            { new StringContent("Used with permission"), "Input.Licence" },
        };
        var bytes = new ByteArrayContent(file);
        bytes.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
        content.Add(bytes, "Input.Photo", fileName);
        return await client.PostAsync(new Uri(url, UriKind.Relative), content);
    }

    private Task<int> PhotoCountAsync(int speakerId) =>
        App.WithDbAsync(db => db.SpeakerPhotos.CountAsync(p => p.SpeakerId == speakerId));

    [Theory]
    [InlineData("text", "This file is not a JPEG, PNG or WebP image.")]
    [InlineData("bomb", "The image is too large in pixels")]
    [InlineData("tiny", "The image is too small")]
    public async Task A_bad_upload_is_refused_with_a_message_and_nothing_is_stored(string kind, string message)
    {
        var (client, id) = await OrganizerAsync();
        using var _ = client;
        var before = await PhotoCountAsync(id);
        var file = kind switch
        {
            "text" => "<html>definitely not a photo</html>"u8.ToArray(),
            "bomb" => TestImages.PngBomb(40_000, 40_000),
            _ => TestImages.Jpeg(50, 50),
        };
        using var response = await UploadAsync(client, id, file, "portrait.jpg");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Equal(before, await PhotoCountAsync(id));
    }

    [Fact]
    public async Task An_oversized_file_is_refused_and_nothing_is_stored()
    {
        var (client, id) = await OrganizerAsync();
        using var _ = client;
        var before = await PhotoCountAsync(id);
        var file = new byte[11 * 1024 * 1024];
        TestImages.Jpeg(400, 400).CopyTo(file, 0);
        using var response = await UploadAsync(client, id, file, "huge.jpg");
        Assert.InRange((int)response.StatusCode, 200, 499);
        Assert.Matches("larger than 10 MB|too large", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal(before, await PhotoCountAsync(id));
    }

    [Fact]
    public async Task An_accepted_photo_is_re_encoded_shown_with_its_credit_and_served_to_everyone()
    {
        var (client, id) = await OrganizerAsync();
        using var _ = client;
        var upload = TestImages.Jpeg(1600, 2000);
        using (var response = await UploadAsync(client, id, upload, "zeng.png", credit: "iChongqing / Vivian Yan"))
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        }

        var key = await App.WithDbAsync(db => db.SpeakerPhotos.Where(p => p.SpeakerId == id && p.Status == PhotoStatus.Approved).Select(p => p.Key).SingleAsync());
        var stored = await File.ReadAllBytesAsync(Path.Combine(App.StoragePath, "photos", $"{key}-large.jpg"), TestContext.Current.CancellationToken);
        Assert.NotEqual(upload, stored);

        using var visitor = App.Browser();
        var profile = await visitor.GetStringAsync(new Uri("/speakers/zeng-gang", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Contains($"/media/speakers/{key}/large", profile, StringComparison.Ordinal);
        Assert.Contains("iChongqing / Vivian Yan", profile, StringComparison.Ordinal);
        using var image = await visitor.GetAsync(new Uri($"/media/speakers/{key}/large", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, image.StatusCode);
        Assert.Equal("image/jpeg", image.Content.Headers.ContentType?.MediaType);
        Assert.Equal(stored, await image.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_photo_waiting_for_review_is_not_public_but_organizers_can_see_and_approve_it()
    {
        var (client, id) = await OrganizerAsync();
        using var _ = client;
        var pending = await App.ScopedAsync(services => services.GetRequiredService<SpeakerPhotos>()
            .UploadAsync(id, TestImages.Jpeg(600, 600), new PhotoCredit("Own photo", null, "CC BY 4.0"), "speaker-user", byOrganizer: false));
        var key = await App.WithDbAsync(db => db.SpeakerPhotos.Where(p => p.Id == pending.PhotoId).Select(p => p.Key).SingleAsync());

        using var visitor = App.Browser();
        using (var hidden = await visitor.GetAsync(new Uri($"/media/speakers/{key}/square", UriKind.Relative), TestContext.Current.CancellationToken))
        {
            Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
        }

        using (var preview = await client.GetAsync(new Uri($"/media/speakers/{key}/square", UriKind.Relative), TestContext.Current.CancellationToken))
        {
            Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        }

        using var approved = await client.PostAsync($"/admin/speakers/photo/{id}", new Dictionary<string, string>(), $"/admin/speakers/photo/{id}?handler=Review&photoId={pending.PhotoId}&approve=true");
        Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);
        using var shown = await visitor.GetAsync(new Uri($"/media/speakers/{key}/square", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, shown.StatusCode);
    }
}
