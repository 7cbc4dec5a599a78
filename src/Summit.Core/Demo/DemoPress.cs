using System.Text;
using Microsoft.EntityFrameworkCore;
using SkiaSharp;
using Summit.Core.Accounts;
using Summit.Core.Data;
using Summit.Core.Press;

namespace Summit.Core.Demo;

/// <summary>
/// The demo edition's newsroom: the real iChongqing report on Zeng Gang (<see cref="SeedInterview"/>), published as an
/// interview by the demo Press account, tied to Zeng Gang and to his first session, with its structure kept: dateline,
/// lead, sub-headings, quotes, the cover photo and an inline photo with their captions and credits, and the
/// contributor line. The report's photographs are not in the seed, so the two photos are drawn placeholders; their
/// captions and credits are the report's.
/// </summary>
public static class DemoPress
{
    public const string Slug = "zeng-gang-energy-saving-emission-reduction-2021";

    public static async Task SeedAsync(SummitDbContext db, SaveArticle save, ArticlePhotos photos, int editionId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(save);
        ArgumentNullException.ThrowIfNull(photos);
        var pressEmail = DemoContent.Accounts.First(a => a.Role == Roles.Press).Email;
        var press = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Email == pressEmail, cancellationToken);
        var speaker = await db.Speakers.AsNoTracking().FirstOrDefaultAsync(s => s.Slug == DemoSpeakers.ZengGang.Slug, cancellationToken);
        if (press is null || speaker is null)
        {
            return;
        }

        var version = await db.ScheduleVersions.Where(v => v.EditionId == editionId).OrderByDescending(v => v.Number).Select(v => v.Id).FirstAsync(cancellationToken);
        var session = await db.PublishedSessions.AsNoTracking()
            .Where(s => s.VersionId == version && !s.IsCancelled && s.Speakers.Any(x => x.SpeakerId == speaker.Id))
            .OrderBy(s => s.StartsAt).Select(s => new { s.SessionId, s.EndsAt }).FirstOrDefaultAsync(cancellationToken);

        var report = DemoContent.Interview;
        var body = new StringBuilder();
        var quotes = new List<string>();
        var photoNumber = 1;
        foreach (var block in report.Body)
        {
            if (block.Photo is not null)
            {
                // The first photo, right after the lead, is the cover; the others stand where they are in the report.
                if (photoNumber++ > 1)
                {
                    body.Append("[photo ").Append(photoNumber - 1).Append("]\n\n");
                }

                continue;
            }

            body.Append(block.IsHeading ? "### " : "").Append(block.Text).Append("\n\n");
            if (block.Text.Contains('“', StringComparison.Ordinal))
            {
                quotes.Add(block.Text);
            }
        }

        var contributors = report.Contributors is { } line && ParseContributor(line) is { } contributor ? [contributor] : Array.Empty<ContributorDetails>();
        var actor = new ArticleActor(press.Id, press.Email!, press.DisplayName, IsEditor: false);
        var content = new ArticleContent(
            ArticleKind.Interview, Slug, report.Headline, null, report.Lead, null, body.ToString().Trim(), null, report.Dateline, null,
            null, report.Lead.Length > Article.SeoDescriptionMaxLength ? report.Lead[..(Article.SeoDescriptionMaxLength - 1)] + "…" : report.Lead,
            string.Join("\n\n", quotes), ["green finance", "carbon neutrality", "Chongqing"], contributors, [speaker.Id], session is null ? [] : [session.SessionId]);
        var saved = await save.RunAsync(actor, editionId, null, content, cancellationToken: cancellationToken);
        if (!saved.Succeeded)
        {
            throw new InvalidOperationException($"The demo article was refused: {string.Join("; ", saved.Refusals.Select(r => r.Message))}");
        }

        var id = saved.ArticleId!.Value;
        var number = 0;
        foreach (var photo in report.Photos)
        {
            var added = await photos.UploadAsync(actor, id, Placeholder(number++), new ArticlePhotoDetails(photo.Caption, null, photo.Credit, IsCover: number == 1), cancellationToken);
            if (added.Number is null)
            {
                throw new InvalidOperationException($"The demo article's photo was refused: {string.Join("; ", added.Refusals.Select(r => r.Message))}");
            }
        }

        // Published the evening the summit ended (or after Zeng Gang's session), as the report was.
        var publishedAt = session?.EndsAt.AddHours(3) ?? DateTimeOffset.UtcNow;
        var article = await db.Articles.FirstAsync(a => a.Id == id, cancellationToken);
        article.RecordPublishedReport(speaker.Id, publishedAt);
        db.ArticleEvents.Add(new ArticleEvent(id, ArticleEventKind.Published, null, "demo: the iChongqing report of 2021", publishedAt));
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>"Zhang Yue, as an intern, also contributed to this report." → Zhang Yue, "as an intern".</summary>
    public static ContributorDetails? ParseContributor(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var text = line.Trim().TrimEnd('.');
        const string Tail = "also contributed to this report";
        if (text.EndsWith(Tail, StringComparison.OrdinalIgnoreCase))
        {
            text = text[..^Tail.Length].Trim().TrimEnd(',').Trim();
        }

        var comma = text.IndexOf(',', StringComparison.Ordinal);
        return text.Length == 0 ? null : comma < 0 ? new(text, null) : new(text[..comma].Trim(), text[(comma + 1)..].Trim());
    }

    /// <summary>A landscape placeholder in place of a press photograph the seed does not carry.</summary>
    private static byte[] Placeholder(int index)
    {
        using var bitmap = new SKBitmap(1200, 800, SKColorType.Rgba8888, SKAlphaType.Premul);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(index == 0 ? new SKColor(0x5D, 0x6D, 0x7E) : new SKColor(0x4E, 0x5F, 0x4A));
            using var shape = new SKPaint { Color = new SKColor(0xFF, 0xFF, 0xFF, 0x40), IsAntialias = true };
            canvas.DrawCircle(900, 230, 110, shape);
            canvas.DrawOval(new SKRect(-200, 520, 700, 1100), shape);
            canvas.DrawOval(new SKRect(450, 600, 1400, 1150), shape);
        }

        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }
}
