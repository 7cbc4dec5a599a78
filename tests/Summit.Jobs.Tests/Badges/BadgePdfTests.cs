using Summit.Jobs.Badges;
using UglyToad.PdfPig;

namespace Summit.Jobs.Tests.Badges;

/// <summary>Badges opened with a PDF reader, as a printer or a mail client would: size, names in both scripts, the token.</summary>
public sealed class BadgePdfTests
{
    private static BadgeData Badge(string? nameZh = "曾刚", string? nameLatin = "Zeng Gang", string token = "S1.test-token") => new(
        "China-Singapore (Chongqing) Connectivity Initiative Financial Summit 2021", "中新（重庆）战略性互联互通示范项目金融峰会 2021",
        "5–6 November 2021", "2021年11月5日至6日", "Speaker", "演讲嘉宾", "#2e7d32",
        nameZh, nameLatin, "Deputy Director", "National Institution for Finance and Development 国家金融与发展实验室", token);

    private static UglyToad.PdfPig.Content.Page[] Pages(BadgeData badge)
    {
        using var stream = new MemoryStream();
        BadgePdf.Render(badge, stream);
        using var pdf = PdfDocument.Open(stream.ToArray());
        return pdf.GetPages().ToArray();
    }

    [Fact]
    public void A_badge_is_one_A6_page_with_both_names_readable()
    {
        var page = Assert.Single(Pages(Badge()));

        Assert.Equal(BadgePdf.MediaWidth, page.Width, 1);
        Assert.Equal(BadgePdf.MediaHeight, page.Height, 1);
        var text = string.Concat(page.Letters.Select(l => l.Value));
        Assert.Contains("曾刚", text, StringComparison.Ordinal);
        Assert.Contains("ZengGang", text.Replace(" ", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("演讲嘉宾", text, StringComparison.Ordinal);
        Assert.Contains("国家金融与发展实验室", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Latin_names_with_diacritics_and_Cyrillic_organisations_are_not_question_marks()
    {
        var badge = Badge(nameZh: null, nameLatin: "Łukasz Żółć-Müller") with { Organisation = "Сбербанк" };

        var text = string.Concat(Assert.Single(Pages(badge)).Letters.Select(l => l.Value)).Replace(" ", "", StringComparison.Ordinal);

        Assert.Contains("ŁukaszŻółć-Müller", text, StringComparison.Ordinal);
        Assert.Contains("Сбербанк", text, StringComparison.Ordinal);
        Assert.DoesNotContain("?", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_very_long_name_is_shrunk_to_stay_on_the_badge()
    {
        var badge = Badge(nameZh: null, nameLatin: "Maximilian-Alexander Konstantinopoulos-Wolfeschlegelsteinhausen");

        var page = Assert.Single(Pages(badge));

        Assert.All(page.Letters, l => Assert.InRange(l.BoundingBox.Right, BadgePdf.Bleed + BadgePdf.Slug, BadgePdf.Bleed + BadgePdf.Slug + BadgePdf.Width));
    }

    [Fact]
    public void A_badge_is_print_ready_an_A6_trim_box_3_mm_of_bleed_and_cut_marks_outside_both()
    {
        using var stream = new MemoryStream();
        BadgePdf.Render(Badge(), stream);
        using var document = PdfSharp.Pdf.IO.PdfReader.Open(new MemoryStream(stream.ToArray()), PdfSharp.Pdf.IO.PdfDocumentOpenMode.Import);
        var page = document.Pages[0];
        const double at = BadgePdf.Bleed + BadgePdf.Slug;

        Assert.Equal(Rounded(at, at, at + BadgePdf.Width, at + BadgePdf.Height), Box(page.TrimBox));
        Assert.Equal(Rounded(at - 8.5, at - 8.5, at + BadgePdf.Width + 8.5, at + BadgePdf.Height + 8.5), Box(page.BleedBox));
        Assert.Equal(Rounded(0, 0, BadgePdf.MediaWidth, BadgePdf.MediaHeight), Box(page.MediaBox));

        // The cut marks (thin lines) stand in the slug, never inside the bleed: drawn from the content stream by PdfPig.
        using var read = PdfDocument.Open(stream.ToArray());
        // Hairlines only: the badge's own rule under its footer is 2 pt wide.
        var lines = read.GetPage(1).Paths.Where(p => p.IsStroked && p.LineWidth < 0.5)
            .SelectMany(p => p).SelectMany(sub => sub.Commands.OfType<UglyToad.PdfPig.Core.PdfSubpath.Line>()).ToList();
        Assert.Equal(8, lines.Count); // two at each corner of the trim
        Assert.All(lines, l => Assert.True(
            Math.Max(l.From.X, l.To.X) <= at - BadgePdf.Bleed || Math.Min(l.From.X, l.To.X) >= at + BadgePdf.Width + BadgePdf.Bleed
            || Math.Max(l.From.Y, l.To.Y) <= at - BadgePdf.Bleed || Math.Min(l.From.Y, l.To.Y) >= at + BadgePdf.Height + BadgePdf.Bleed,
            $"A mark at ({l.From.X:0.#}, {l.From.Y:0.#})–({l.To.X:0.#}, {l.To.Y:0.#}) reaches into the bleed."));
    }

    private static (double, double, double, double) Box(PdfSharp.Pdf.PdfRectangle box) => Rounded(box.X1, box.Y1, box.X2, box.Y2);

    private static (double, double, double, double) Rounded(double x1, double y1, double x2, double y2) =>
        (Math.Round(x1), Math.Round(y1), Math.Round(x2), Math.Round(y2));

    [Fact]
    public void The_same_data_renders_the_same_bytes_size_and_stays_small_enough_for_email()
    {
        using var first = new MemoryStream();
        BadgePdf.Render(Badge(), first);

        Assert.InRange(first.Length, 10_000, 300_000);
    }
}
