using System.Globalization;
using System.Net;
using System.ServiceModel.Syndication;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Summit.Core.Accounts;
using Summit.Core.Data;
using Summit.Core.Demo;
using Summit.Core.Press;
using Summit.Core.Speakers;
using Summit.Jobs.Press;
using Summit.Testing;

namespace Summit.Web.Tests.Press;

/// <summary>The newsroom and the news over HTTP: who sees drafts, inert scripts, the publishing job, feeds, JSON-LD, revisions, sign-off.</summary>
public abstract partial class PressTests<TApp>(TApp app) where TApp : SummitApp
{
    protected SummitFactory App => app.Factory;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static string Html(string text) => WebUtility.HtmlDecode(text);

    /// <summary>A Press user writes a draft through the newsroom's form; returns the article's id and slug.</summary>
    private async Task<(int Id, string Slug)> WriteAsync(HttpClient client, string body, string? quotes = null, int? speakerId = null, int? inEdition = null, string contributors = "Zhang Yue, as an intern")
    {
        var slug = $"test-{Guid.NewGuid():N}"[..20];
        var editionId = inEdition ?? await App.WithDbAsync(db => db.Editions.Where(e => e.Slug == "2021").Select(e => e.Id).FirstAsync(Cancel));
        var fields = new Dictionary<string, string>
        {
            ["Input.EditionId"] = editionId.ToString(CultureInfo.InvariantCulture),
            ["Input.Kind"] = nameof(ArticleKind.Interview),
            ["Input.Slug"] = slug,
            ["Input.HeadlineEn"] = $"Green bonds in Chongqing {slug}",
            ["Input.LeadEn"] = "The lead.",
            // The quotes are a paragraph of the text, as an article has them.
            ["Input.BodyEn"] = quotes is null ? body : $"{body}\n\n{quotes}",
            ["Input.Tags"] = "green finance, bonds",
            ["Input.Contributors"] = contributors,
        };
        if (speakerId is int speaker)
        {
            fields["Input.SpeakerIds"] = speaker.ToString(CultureInfo.InvariantCulture);
        }

        using var saved = await client.PostAsync("/newsroom/edit", fields);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var id = int.Parse(NumberPattern().Match(saved.Headers.Location!.OriginalString).Value, CultureInfo.InvariantCulture);
        return (id, slug);
    }

    private async Task PublishNowAsync(int id)
    {
        var editor = await App.CreateUserAsync($"editor-{Guid.NewGuid():N}@summit.test", Roles.Editor);
        using var client = App.Browser();
        await client.SignInAsync(editor.Email!);
        using var scheduled = await client.PostAsync($"/newsroom/{id}", new Dictionary<string, string>
        {
            ["when"] = "time",
            ["at"] = DateTimeOffset.UtcNow.AddHours(-1).ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture),
            ["anchor"] = nameof(SessionAnchor.End),
            ["offset"] = "0",
            ["overrideSignOff"] = "true",
        }, $"/newsroom/{id}?handler=Schedule");
        Assert.Equal(HttpStatusCode.Redirect, scheduled.StatusCode);
        await App.ScopedAsync(async s =>
        {
            await s.GetRequiredService<PublishArticlesJob>().RunAsync(Cancel);
            return true;
        });
        Assert.Equal(ArticleStatus.Published, await App.WithDbAsync(db => db.Articles.Where(a => a.Id == id).Select(a => a.Status).FirstAsync(Cancel)));
    }

    [Theory]
    [InlineData(null, false)]
    [InlineData(Roles.Attendee, false)]
    [InlineData(Roles.Speaker, false)]
    [InlineData(Roles.CheckIn, false)]
    [InlineData(Roles.Press, true)]
    [InlineData(Roles.Editor, true)]
    [InlineData(Roles.Organizer, true)]
    public async Task Only_press_editors_and_organizers_open_the_newsroom(string? role, bool allowed)
    {
        using var client = App.Browser();
        if (role is not null)
        {
            var user = await App.CreateUserAsync($"newsroom-{Guid.NewGuid():N}@summit.test", role);
            await client.SignInAsync(user.Email!);
        }

        foreach (var page in new[] { "/newsroom", "/newsroom/edit" })
        {
            using var response = await client.GetAsync(new Uri(page, UriKind.Relative), Cancel);
            if (allowed)
            {
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            }
            else
            {
                Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
                Assert.Contains(role is null ? "/account/login" : "/account/access-denied", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public async Task A_draft_is_seen_only_by_its_author_and_editors_and_once_published_its_scripts_are_inert()
    {
        var writer = await App.CreateUserAsync($"writer-{Guid.NewGuid():N}@summit.test", Roles.Press);
        var other = await App.CreateUserAsync($"other-{Guid.NewGuid():N}@summit.test", Roles.Press);
        using var author = App.Browser();
        await author.SignInAsync(writer.Email!);
        var (id, slug) = await WriteAsync(author, "Intro.\n\n<script>alert('x')</script>\n\n<img src=x onerror=alert(1)>\n\n[click me](javascript:alert(1))\n\n### Carbon\n\n> “Quote,” said Zeng.");

        using var anonymous = App.Browser();
        using var otherPress = App.Browser();
        await otherPress.SignInAsync(other.Email!);
        foreach (var (client, status) in new[] { (anonymous, HttpStatusCode.NotFound), (otherPress, HttpStatusCode.NotFound), (author, HttpStatusCode.OK) })
        {
            using var response = await client.GetAsync(new Uri($"/news/{slug}", UriKind.Relative), Cancel);
            Assert.Equal(status, response.StatusCode);
        }

        using (var notHis = await otherPress.GetAsync(new Uri($"/newsroom/{id}", UriKind.Relative), Cancel))
        {
            Assert.Equal(HttpStatusCode.NotFound, notHis.StatusCode);
        }

        Assert.DoesNotContain(slug, await anonymous.GetStringAsync(new Uri("/news", UriKind.Relative), Cancel), StringComparison.Ordinal);
        Assert.DoesNotContain($"/newsroom/{id}\"", await otherPress.GetStringAsync(new Uri("/newsroom", UriKind.Relative), Cancel), StringComparison.Ordinal);
        var preview = Html(await author.GetStringAsync(new Uri($"/news/{slug}", UriKind.Relative), Cancel));
        Assert.Contains("only its authors and the editors see this page", preview, StringComparison.Ordinal);

        await PublishNowAsync(id);
        var page = await anonymous.GetStringAsync(new Uri($"/news/{slug}", UriKind.Relative), Cancel);
        var body = page[page.IndexOf("<div class=\"news-body\">", StringComparison.Ordinal)..page.IndexOf("</article>", StringComparison.Ordinal)];
        Assert.DoesNotContain("<script", body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("onerror", body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("javascript:", body, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("<h3>Carbon</h3>", body, StringComparison.Ordinal);
        Assert.Contains("<blockquote>", body, StringComparison.Ordinal);
        Assert.Contains("(Zhang Yue, as an intern, also contributed to this report.)", Html(page), StringComparison.Ordinal);
        Assert.Contains(slug, await anonymous.GetStringAsync(new Uri("/news", UriKind.Relative), Cancel), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bylines_and_contributor_credits_read_in_both_scripts_on_the_chinese_page_and_the_english_one()
    {
        var writer = await App.CreateUserAsync($"writer-{Guid.NewGuid():N}@summit.test", Roles.Press);
        using var author = App.Browser();
        await author.SignInAsync(writer.Email!);
        using (var named = await author.PostAsync("/account/manage", new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "Vivian Yan",
            ["Input.DisplayNameZh"] = "严薇",
            ["Input.PreferredCulture"] = "en",
        }))
        {
            Assert.Equal(HttpStatusCode.Redirect, named.StatusCode);
        }

        var (id, slug) = await WriteAsync(author, "Text.", contributors: "Zhang Yue, as an intern | 张悦，实习生");
        await PublishNowAsync(id);

        using var anonymous = App.Browser();
        var english = Html(await anonymous.GetStringAsync(new Uri($"/news/{slug}", UriKind.Relative), Cancel));
        Assert.Contains("By Vivian Yan (严薇)", english, StringComparison.Ordinal);
        Assert.Contains("(Zhang Yue (张悦), as an intern, also contributed to this report.)", english, StringComparison.Ordinal);

        using var request = new HttpRequestMessage(HttpMethod.Get, $"/news/{slug}");
        request.Headers.AcceptLanguage.ParseAdd("zh-CN,zh;q=0.9");
        using var response = await anonymous.SendAsync(request, Cancel);
        var chinese = Html(await response.Content.ReadAsStringAsync(Cancel));
        Assert.Contains("作者：严薇（Vivian Yan）", chinese, StringComparison.Ordinal);
        Assert.Contains("（张悦（Zhang Yue），实习生，对本文亦有贡献。）", chinese, StringComparison.Ordinal);

        // The form gives the line back as it was typed.
        Assert.Contains("Zhang Yue, as an intern | 张悦，实习生", Html(await author.GetStringAsync(new Uri($"/newsroom/edit/{id}", UriKind.Relative), Cancel)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_publishing_job_run_twice_at_the_same_moment_publishes_a_due_article_once()
    {
        var writer = await App.CreateUserAsync($"writer-{Guid.NewGuid():N}@summit.test", Roles.Press);
        using var author = App.Browser();
        await author.SignInAsync(writer.Email!);
        var (id, _) = await WriteAsync(author, "Due now.");
        var editor = new ArticleActor((await App.CreateUserAsync($"editor-{Guid.NewGuid():N}@summit.test", Roles.Editor)).Id, "editor@summit.test", "Editor", IsEditor: true);
        Assert.True((await App.ScopedAsync(s => s.GetRequiredService<ScheduleArticle>().RunAsync(editor, id, new PublishTime(DateTimeOffset.UtcNow.AddMinutes(-1)), overrideSignOff: true, cancellationToken: Cancel))).Succeeded);

        // Threads of their own, released together (SQLite's async calls run synchronously: plain tasks would take turns).
        using var start = new ManualResetEventSlim();
        var running = Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            start.Wait(Cancel);
            return await App.ScopedAsync(s => s.GetRequiredService<PublishDueArticles>().RunAsync(Cancel));
        }, Cancel)).ToList();
        start.Set();
        var runs = await Task.WhenAll(running);

        Assert.Equal([id], runs.SelectMany(r => r).Where(x => x == id));
        Assert.Equal(1, await App.WithDbAsync(db => db.ArticleEvents.CountAsync(e => e.ArticleId == id && e.Kind == ArticleEventKind.Published, Cancel)));
    }

    [Fact]
    public async Task The_newsroom_and_the_revisions_give_times_on_the_editions_clock_with_its_zone()
    {
        var editor = await App.CreateUserAsync($"editor-{Guid.NewGuid():N}@summit.test", Roles.Editor);
        using var client = App.Browser();
        await client.SignInAsync(editor.Email!);
        var article = await App.WithDbAsync(db => db.Articles.Where(a => a.Slug == DemoPress.Slug).Select(a => new { a.Id, a.UpdatedAt }).SingleAsync(Cancel));
        var shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

        var list = WebUtility.HtmlDecode(await client.GetStringAsync(new Uri("/newsroom", UriKind.Relative), Cancel));
        Assert.Contains(Core.Scheduling.ScheduleTime.WithZone(article.UpdatedAt, shanghai), list, StringComparison.Ordinal);
        Assert.DoesNotContain(" UTC</time>", list, StringComparison.Ordinal);
        var history = WebUtility.HtmlDecode(await client.GetStringAsync(new Uri($"/newsroom/{article.Id}/revisions", UriKind.Relative), Cancel));
        Assert.Contains("(UTC+08:00 Asia/Shanghai)</time>", history, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_feed_is_Atom_a_parser_reads_and_the_page_carries_NewsArticle_JSON_LD()
    {
        using var client = App.Browser();
        using var response = await client.GetAsync(new Uri("/news/feed.atom", UriKind.Relative), Cancel);
        Assert.Equal("application/atom+xml", response.Content.Headers.ContentType?.MediaType);
        using var reader = XmlReader.Create(await response.Content.ReadAsStreamAsync(Cancel));
        var feed = SyndicationFeed.Load(reader);

        Assert.False(string.IsNullOrWhiteSpace(feed.Title.Text));
        var item = Assert.Single(feed.Items, i => i.Links.Any(l => l.Uri.AbsolutePath == $"/news/{DemoPress.Slug}"));
        Assert.StartsWith("Zeng Gang:", item.Title.Text, StringComparison.Ordinal);
        Assert.True(item.LastUpdatedTime > DateTimeOffset.MinValue);
        Assert.Contains(item.Authors, a => a.Name == "Demo Press");
        // The full article, not only its lead: the body's last paragraph and its photos at absolute addresses.
        var full = Assert.IsType<TextSyndicationContent>(item.Content).Text;
        Assert.Contains("carbon capture and storage", full, StringComparison.Ordinal);
        Assert.Matches("<img src=\"https?://[^\"]+/media/press/", full);

        // Each language has its own address, for feed readers (which carry no language cookie).
        using var chineseFeed = await client.GetAsync(new Uri("/news/feed.atom?lang=zh", UriKind.Relative), Cancel);
        using var chineseReader = XmlReader.Create(await chineseFeed.Content.ReadAsStreamAsync(Cancel));
        var inChinese = SyndicationFeed.Load(chineseReader);
        Assert.Equal("中新金融峰会 · 新闻", inChinese.Title.Text);
        Assert.Contains(inChinese.Links, l => l.RelationshipType == "self" && l.Uri.Query == "?lang=zh");
        Assert.Contains("/news/feed.atom?lang=en", await client.GetStringAsync(new Uri("/news", UriKind.Relative), Cancel), StringComparison.Ordinal);

        using var tagged = await client.GetAsync(new Uri("/news/tags/green%20finance/feed.atom", UriKind.Relative), Cancel);
        Assert.Contains(DemoPress.Slug, await tagged.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        using var bySpeaker = await client.GetAsync(new Uri("/news/speakers/zeng-gang/feed.atom", UriKind.Relative), Cancel);
        Assert.Contains(DemoPress.Slug, await bySpeaker.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        using var noSpeaker = await client.GetAsync(new Uri("/news/speakers/nobody-at-all/feed.atom", UriKind.Relative), Cancel);
        Assert.Equal(HttpStatusCode.NotFound, noSpeaker.StatusCode);

        var page = await client.GetStringAsync(new Uri($"/news/{DemoPress.Slug}", UriKind.Relative), Cancel);
        var json = JsonLdPattern().Match(page);
        Assert.True(json.Success, "The page has no JSON-LD.");
        using var document = JsonDocument.Parse(json.Groups[1].Value);
        Assert.Equal("NewsArticle", document.RootElement.GetProperty("@type").GetString());
        Assert.StartsWith("Zeng Gang: Chongqing Should Focus", document.RootElement.GetProperty("headline").GetString(), StringComparison.Ordinal);
        Assert.Contains("property=\"og:type\" content=\"article\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_demo_report_keeps_its_caption_credit_and_contributor_line_and_shows_on_its_speaker_and_session()
    {
        using var client = App.Browser();
        var page = Html(await client.GetStringAsync(new Uri($"/news/{DemoPress.Slug}", UriKind.Relative), Cancel));

        Assert.Contains("Chongqing –", page, StringComparison.Ordinal);
        Assert.Contains("(iChongqing / Vivian Yan)", page, StringComparison.Ordinal);
        Assert.Contains("(iChongqing file photo)", page, StringComparison.Ordinal);
        Assert.Contains("<h3>Carbon emission reduction</h3>", page, StringComparison.Ordinal);
        Assert.Contains("(Zhang Yue, as an intern, also contributed to this report.)", page, StringComparison.Ordinal);
        Assert.Contains("href=\"/speakers/zeng-gang\"", page, StringComparison.Ordinal);
        var session = await App.WithDbAsync(db => db.Articles.Where(a => a.Slug == DemoPress.Slug).SelectMany(a => a.Sessions).Select(s => s.SessionId).FirstAsync(Cancel));
        Assert.Contains($"href=\"/2021/sessions/{session}\"", page, StringComparison.Ordinal);

        Assert.Contains("In the press", await client.GetStringAsync(new Uri("/speakers/zeng-gang", UriKind.Relative), Cancel), StringComparison.Ordinal);
        var sessionPage = await client.GetStringAsync(new Uri($"/2021/sessions/{session}", UriKind.Relative), Cancel);
        Assert.Contains("Coverage", sessionPage, StringComparison.Ordinal);
        Assert.Contains($"/news/{DemoPress.Slug}", sessionPage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_published_articles_page_follows_its_speakers_name_and_a_newly_related_article()
    {
        // The page is kept in memory per stamp (PublishedArticlePages): what it shows from elsewhere must still change.
        var slugOf = $"press-{Guid.NewGuid():N}"[..20];
        var editionId = await App.WithDbAsync(db => db.Editions.Where(e => e.Slug == "2021").Select(e => e.Id).FirstAsync(Cancel));
        SpeakerDetails Details(string given) => new(slugOf, "林", "青", "Lin", given, true, null, null, "CN", null, null, null, [], []);
        var speakerId = await App.ScopedAsync(async s =>
        {
            var saved = await s.GetRequiredService<SaveSpeaker>().RunAsync(null, Details("Qing"), [editionId], null, Cancel);
            Assert.True(saved.Saved);
            return saved.SpeakerId!.Value;
        });
        var writer = await App.CreateUserAsync($"writer-{Guid.NewGuid():N}@summit.test", Roles.Press);
        using var author = App.Browser();
        await author.SignInAsync(writer.Email!);
        var (id, slug) = await WriteAsync(author, "First.", speakerId: speakerId);
        await PublishNowAsync(id);
        using var anonymous = App.Browser();
        var before = Html(await anonymous.GetStringAsync(new Uri($"/news/{slug}", UriKind.Relative), Cancel));
        Assert.Contains("Lin Qing", before, StringComparison.Ordinal);

        await App.ScopedAsync(async s =>
        {
            var version = await s.GetRequiredService<SummitDbContext>().Speakers.Where(x => x.Id == speakerId).Select(x => x.UpdatedAt).FirstAsync(Cancel);
            var saved = await s.GetRequiredService<SaveSpeaker>().RunAsync(speakerId, Details("Qingyun"), [editionId], version, Cancel);
            Assert.True(saved.Saved);
            return true;
        });
        await App.ConsequencesSettledAsync(); // the evictions of the cached pages
        var renamed = Html(await anonymous.GetStringAsync(new Uri($"/news/{slug}", UriKind.Relative), Cancel));
        Assert.Contains("Lin Qingyun", renamed, StringComparison.Ordinal);

        var (relatedId, relatedSlug) = await WriteAsync(author, "Second.", speakerId: speakerId);
        Assert.DoesNotContain($"/news/{relatedSlug}", renamed, StringComparison.Ordinal);
        await PublishNowAsync(relatedId);
        await App.ConsequencesSettledAsync();
        Assert.Contains($"/news/{relatedSlug}", Html(await anonymous.GetStringAsync(new Uri($"/news/{slug}", UriKind.Relative), Cancel)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_restored_revision_brings_back_the_old_text()
    {
        var writer = await App.CreateUserAsync($"writer-{Guid.NewGuid():N}@summit.test", Roles.Press);
        using var author = App.Browser();
        await author.SignInAsync(writer.Email!);
        var (id, slug) = await WriteAsync(author, "The first wording.");
        var edit = await author.GetStringAsync(new Uri($"/newsroom/edit/{id}", UriKind.Relative), Cancel);
        var fields = new Dictionary<string, string>
        {
            ["Input.Revision"] = "1",
            ["Input.Kind"] = nameof(ArticleKind.Interview),
            ["Input.Slug"] = slug,
            ["Input.HeadlineEn"] = $"Green bonds in Chongqing {slug}",
            ["Input.LeadEn"] = "The lead.",
            ["Input.BodyEn"] = "The second wording.",
        };
        using (var saved = await author.PostAsync($"/newsroom/edit/{id}", fields))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        Assert.Contains("The second wording.", await author.GetStringAsync(new Uri($"/news/{slug}", UriKind.Relative), Cancel), StringComparison.Ordinal);
        var compare = Html(await author.GetStringAsync(new Uri($"/newsroom/{id}/revisions?a=1&b=2", UriKind.Relative), Cancel));
        Assert.Contains("The first wording.", compare, StringComparison.Ordinal);
        Assert.Contains("<ins>", compare, StringComparison.Ordinal);

        using (var restored = await author.PostAsync($"/newsroom/{id}/revisions", new Dictionary<string, string> { ["number"] = "1" }, $"/newsroom/{id}/revisions?handler=Restore"))
        {
            Assert.Equal(HttpStatusCode.Redirect, restored.StatusCode);
        }

        var page = await author.GetStringAsync(new Uri($"/news/{slug}", UriKind.Relative), Cancel);
        Assert.Contains("The first wording.", page, StringComparison.Ordinal);
        Assert.DoesNotContain("The second wording.", page, StringComparison.Ordinal);
        Assert.Equal(3, await App.WithDbAsync(db => db.Articles.Where(a => a.Id == id).Select(a => a.Revision).FirstAsync(Cancel)));
        Assert.Contains("Green bonds", edit, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_speaker_signs_off_through_the_emailed_link_once()
    {
        var speakerEmail = $"speaker-{Guid.NewGuid():N}@summit.test";
        var speakerId = await App.ScopedAsync(async s =>
        {
            var edition = await s.GetRequiredService<SummitDbContext>().Editions.Where(e => e.Slug == "2021").Select(e => e.Id).FirstAsync(Cancel);
            return (await s.GetRequiredService<SaveSpeaker>().RunAsync(null, new SpeakerDetails(
                $"quoted-{Guid.NewGuid():N}"[..20], "王", "芳", "Wang", "Fang", true, null, null, "CN", null, null, speakerEmail, [], []), [edition], Cancel)).SpeakerId!.Value;
        });
        var writer = await App.CreateUserAsync($"writer-{Guid.NewGuid():N}@summit.test", Roles.Press);
        using var author = App.Browser();
        await author.SignInAsync(writer.Email!);
        var (id, _) = await WriteAsync(author, "Text.", "“Green bonds are growing,” said Wang.", speakerId);

        using (var asked = await author.PostAsync($"/newsroom/{id}", new Dictionary<string, string> { ["speakerId"] = speakerId.ToString(CultureInfo.InvariantCulture) }, $"/newsroom/{id}?handler=SignOff"))
        {
            Assert.Equal(HttpStatusCode.Redirect, asked.StatusCode);
        }

        var mail = await App.WaitForMailAsync(speakerEmail, PressMails.SignOffRequestKind);
        Assert.Contains("Green bonds are growing", mail.TextBody, StringComparison.Ordinal);
        var link = SummitFactory.FirstLink(mail);
        using var speaker = App.Browser();
        var raw = await speaker.GetStringAsync(new Uri(link.PathAndQuery, UriKind.Relative), Cancel);
        var page = Html(raw);
        // The quote marked in its paragraph of the text, as it will be published.
        Assert.Contains("<mark>“Green bonds are growing,”</mark> said Wang.", page, StringComparison.Ordinal);
        var token = Forms.Token(raw);

        using (var approved = await speaker.PostAsync(link.PathAndQuery, new Dictionary<string, string> { ["decision"] = "approve" }))
        {
            Assert.Contains("the quotes are approved", Html(await approved.Content.ReadAsStringAsync(Cancel)), StringComparison.Ordinal);
        }

        var article = await App.WithDbAsync(db => db.Articles.AsNoTracking().FirstAsync(a => a.Id == id, Cancel));
        Assert.Equal((ArticleStatus.EditorReview, SignOffStatus.Approved), (article.Status, article.SignOff));
        // The same form posted again (a second tab, a double click): the link is spent.
        using var second = new FormUrlEncodedContent(new Dictionary<string, string> { ["decision"] = "changes", ["comment"] = "Actually, change it.", ["__RequestVerificationToken"] = token });
        using (var again = await speaker.PostAsync(new Uri(link.PathAndQuery, UriKind.Relative), second, Cancel))
        {
            Assert.Contains("This link cannot be used", Html(await again.Content.ReadAsStringAsync(Cancel)), StringComparison.Ordinal);
        }

        Assert.Equal(SignOffStatus.Approved, await App.WithDbAsync(db => db.Articles.Where(a => a.Id == id).Select(a => a.SignOff).FirstAsync(Cancel)));
        Assert.Contains("This link cannot be used", Html(await speaker.GetStringAsync(new Uri(link.PathAndQuery, UriKind.Relative), Cancel)), StringComparison.Ordinal);
        await App.WaitForMailAsync(writer.Email!, PressMails.SignOffAnswerKind);
    }

    [Fact]
    public async Task An_unpublished_articles_photos_are_its_authors_only_until_publication()
    {
        var writer = await App.CreateUserAsync($"writer-{Guid.NewGuid():N}@summit.test", Roles.Press);
        using var author = App.Browser();
        await author.SignInAsync(writer.Email!);
        var (id, _) = await WriteAsync(author, "[photo 1]\n\nText.");
        var actor = new ArticleActor(writer.Id, writer.Email!, "Writer", IsEditor: false);
        var (number, refusals) = await App.ScopedAsync(s => s.GetRequiredService<ArticlePhotos>().UploadAsync(actor, id, TestImages.Jpeg(900, 600), new ArticlePhotoDetails("The hall", "会场", "Summit / Li Lei", IsCover: true), Cancel));
        Assert.Empty(refusals);
        var key = await App.WithDbAsync(db => db.ArticlePhotos.Where(p => p.ArticleId == id && p.Number == number).Select(p => p.Key).FirstAsync(Cancel));
        var url = new Uri($"/media/press/{key}/large", UriKind.Relative);
        using var anonymous = App.Browser();

        using (var hidden = await anonymous.GetAsync(url, Cancel))
        {
            Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
        }

        using (var own = await author.GetAsync(url, Cancel))
        {
            Assert.Equal(HttpStatusCode.OK, own.StatusCode);
            Assert.Equal((true, true), (own.Headers.CacheControl?.Private, own.Headers.CacheControl?.NoStore));
        }

        await PublishNowAsync(id);
        using var shown = await anonymous.GetAsync(url, Cancel);
        Assert.Equal(("image/jpeg", true), (shown.Content.Headers.ContentType?.MediaType, shown.Headers.CacheControl?.Public));
        var page = Html(await anonymous.GetStringAsync(new Uri($"/news/{await App.WithDbAsync(db => db.Articles.Where(a => a.Id == id).Select(a => a.Slug).FirstAsync(Cancel))}", UriKind.Relative), Cancel));
        Assert.Contains("The hall <span class=\"credit\">(Summit / Li Lei)</span>", page, StringComparison.Ordinal);
        Assert.Contains($"property=\"og:image\" content=\"https://localhost/media/press/{key}/large\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_published_article_is_corrected_with_a_long_dated_note_and_the_byline_is_a_name_not_an_address()
    {
        var writer = await App.CreateUserAsync($"writer-{Guid.NewGuid():N}@summit.test", Roles.Press);
        using var author = App.Browser();
        await author.SignInAsync(writer.Email!);
        var (id, slug) = await WriteAsync(author, "The share was 30%.");
        await PublishNowAsync(id);
        var note = "The share of the power industry was misprinted as 30%; it is 40%. " + new string('x', 400);
        var fields = new Dictionary<string, string>
        {
            ["Input.Revision"] = "1",
            ["Input.Kind"] = nameof(ArticleKind.Interview),
            ["Input.Slug"] = slug,
            ["Input.HeadlineEn"] = $"Green bonds in Chongqing {slug}",
            ["Input.LeadEn"] = "The lead.",
            ["Input.BodyEn"] = "The share was 40%.",
        };
        // A published article is corrected by an editor (its author no longer edits it), with a note.
        using (var notAuthor = await author.GetAsync(new Uri($"/newsroom/edit/{id}", UriKind.Relative), Cancel))
        {
            Assert.Equal(HttpStatusCode.OK, notAuthor.StatusCode);
        }

        var corrector = await App.CreateUserAsync($"corrector-{Guid.NewGuid():N}@summit.test", Roles.Editor);
        using var editorClient = App.Browser();
        await editorClient.SignInAsync(corrector.Email!);
        using (var refused = await editorClient.PostAsync($"/newsroom/edit/{id}", fields))
        {
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            Assert.Contains("say in a correction note what you changed", Html(await refused.Content.ReadAsStringAsync(Cancel)), StringComparison.Ordinal);
        }

        fields["Input.CorrectionNote"] = note;
        using (var byAuthor = await author.PostAsync($"/newsroom/edit/{id}", fields))
        {
            Assert.Contains("A published article is changed by an editor only", Html(await byAuthor.Content.ReadAsStringAsync(Cancel)), StringComparison.Ordinal);
        }

        using (var saved = await editorClient.PostAsync($"/newsroom/edit/{id}", fields))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        using var anonymous = App.Browser();
        var page = Html(await anonymous.GetStringAsync(new Uri($"/news/{slug}", UriKind.Relative), Cancel));
        Assert.Contains("The share was 40%.", page, StringComparison.Ordinal);
        Assert.Contains(note, page, StringComparison.Ordinal);
        Assert.Contains($"By {writer.DisplayName}", page, StringComparison.Ordinal);
        Assert.DoesNotContain(writer.Email!, page, StringComparison.Ordinal);
        Assert.DoesNotContain(writer.Email!, await anonymous.GetStringAsync(new Uri("/news/feed.atom", UriKind.Relative), Cancel), StringComparison.Ordinal);
        Assert.Equal(note, await App.WithDbAsync(db => db.ArticleRevisions.Where(r => r.ArticleId == id && r.Number == 2).Select(r => r.Note).FirstAsync(Cancel)));
        var editor = await App.CreateUserAsync($"editor-{Guid.NewGuid():N}@summit.test", Roles.Organizer);
        using (var desk = App.Browser())
        {
            await desk.SignInAsync(editor.Email!);
            using (var asked = await desk.PostAsync($"/newsroom/{id}", new Dictionary<string, string> { ["reason"] = "The speaker withdrew consent." }, $"/newsroom/{id}?handler=Unpublish"))
            {
                Assert.Contains("Readers who open its address are told it was withdrawn.", await asked.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
                Assert.Equal(ArticleStatus.Published, await App.WithDbAsync(db => db.Articles.Where(a => a.Id == id).Select(a => a.Status).FirstAsync(Cancel)));
            }

            using var withdrawn = await desk.PostAsync($"/newsroom/{id}", new Dictionary<string, string> { ["reason"] = "The speaker withdrew consent.", ["confirmed"] = "yes" }, $"/newsroom/{id}?handler=Unpublish");
            Assert.Equal(HttpStatusCode.Redirect, withdrawn.StatusCode);
        }

        using (var gone = await anonymous.GetAsync(new Uri($"/news/{slug}", UriKind.Relative), Cancel))
        {
            Assert.Equal(HttpStatusCode.Gone, gone.StatusCode);
            Assert.Contains("The editors have taken this article off the site.", Html(await gone.Content.ReadAsStringAsync(Cancel)), StringComparison.Ordinal);
        }

        Assert.DoesNotContain(slug, await anonymous.GetStringAsync(new Uri("/news", UriKind.Relative), Cancel), StringComparison.Ordinal);
        using var controlTag = await anonymous.GetAsync(new Uri("/news/tags/%01/feed.atom", UriKind.Relative), Cancel);
        Assert.Equal(HttpStatusCode.BadRequest, controlTag.StatusCode);
        using var longTag = await anonymous.GetAsync(new Uri($"/news/tags/{new string('t', 60)}/feed.atom", UriKind.Relative), Cancel);
        Assert.Equal(HttpStatusCode.NotFound, longTag.StatusCode);
    }

    [Fact]
    public async Task An_article_timed_after_a_session_that_is_cancelled_is_held_and_its_author_emailed()
    {
        // In a coming edition, so that "a week after the session" is still ahead and the minutely publishing job cannot
        // publish the article before the cancellation holds it.
        var (editionId, sessionId) = await App.ScopedAsync(async s =>
        {
            var edition = (await new TestData(s).EditionAsync(start: new DateOnly(2031, 11, 5))).Id;
            var programme = s.GetRequiredService<Summit.Core.Scheduling.SaveProgrammeItem>();
            var venue = (await programme.SaveVenueAsync(edition, null, $"Annex {Guid.NewGuid():N}"[..16], "附楼", Cancel)).Id!.Value;
            var room = (await programme.SaveRoomAsync(edition, null, venue, new Summit.Core.Scheduling.RoomDetails($"Side room {Guid.NewGuid():N}"[..20], "侧厅", 40, Summit.Core.Scheduling.SessionLanguage.English, null, 99), Cancel)).Id!.Value;
            var type = await new TestData(s).SessionTypeAsync(edition);
            var session = (await s.GetRequiredService<Summit.Core.Scheduling.SaveSession>().RunAsync(edition, null, new Summit.Core.Scheduling.SessionDetails(
                "Side event on green bonds", "绿色债券边会", null, null, type, null, Summit.Core.Scheduling.SessionLanguage.English, false, null, []), Cancel)).SessionId!.Value;
            var start = new DateTimeOffset(2031, 11, 6, 1, 0, 0, TimeSpan.Zero);
            Assert.True((await s.GetRequiredService<Summit.Core.Scheduling.ScheduleSession>().PlaceAsync(edition, session, room, start, start.AddHours(1), Cancel)).Succeeded);
            Assert.True((await s.GetRequiredService<Summit.Core.Scheduling.PublishSchedule>().RunAsync(edition, "side event", null, cancellationToken: Cancel)).Succeeded);
            return (edition, session);
        });
        var writer = await App.CreateUserAsync($"writer-{Guid.NewGuid():N}@summit.test", Roles.Press);
        using var author = App.Browser();
        await author.SignInAsync(writer.Email!);
        var (id, _) = await WriteAsync(author, "After the side event.", inEdition: editionId);
        var editor = new ArticleActor((await App.CreateUserAsync($"editor-{Guid.NewGuid():N}@summit.test", Roles.Editor)).Id, "editor@summit.test", "Editor", IsEditor: true);
        // A week after the session: the publishing job leaves it alone while the programme changes.
        Assert.True((await App.ScopedAsync(s => s.GetRequiredService<ScheduleArticle>().RunAsync(editor, id, new PublishTime(null, sessionId, SessionAnchor.End, 7 * 24 * 60), overrideSignOff: true, cancellationToken: Cancel))).Succeeded);

        await App.ScopedAsync(async s =>
        {
            Assert.True((await s.GetRequiredService<Summit.Core.Scheduling.ScheduleSession>().CancelAsync(editionId, sessionId, Cancel)).Succeeded);
            Assert.True((await s.GetRequiredService<Summit.Core.Scheduling.PublishSchedule>().RunAsync(editionId, "side event cancelled", null, cancellationToken: Cancel)).Succeeded);
            return true;
        });
        await App.ConsequencesSettledAsync(); // the hold follows the version in a job

        Assert.Equal(ArticleStatus.Held, await App.WithDbAsync(db => db.Articles.Where(a => a.Id == id).Select(a => a.Status).FirstAsync(Cancel)));
        var mail = await App.WaitForMailAsync(writer.Email!, PressMails.HeldKind);
        Assert.Contains("Side event on green bonds", mail.TextBody, StringComparison.Ordinal);
        Assert.EndsWith($"/newsroom/{id}", SummitFactory.FirstLink(mail).AbsolutePath, StringComparison.Ordinal);
        Assert.Contains("will not be published by itself", Html(await author.GetStringAsync(new Uri($"/newsroom/{id}", UriKind.Relative), Cancel)), StringComparison.Ordinal);
    }

    [GeneratedRegex("[0-9]+")]
    private static partial Regex NumberPattern();

    [GeneratedRegex("<script type=\"application/ld\\+json\">(.*?)</script>", RegexOptions.Singleline)]
    private static partial Regex JsonLdPattern();
}

public sealed class PressTestsOnSqlite(SqliteDemoApp app) : PressTests<SqliteDemoApp>(app), IClassFixture<SqliteDemoApp>;

public sealed class PressTestsOnPostgres(PostgresDemoApp app) : PressTests<PostgresDemoApp>(app), IClassFixture<PostgresDemoApp>;
