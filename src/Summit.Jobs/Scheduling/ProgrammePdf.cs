using System.Globalization;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using Summit.Core.Scheduling;
using Summit.Jobs.Pdf;

namespace Summit.Jobs.Scheduling;

/// <summary>
/// The printed programme: A4, both languages on every line that has words, day by day in time order (each session
/// with its room, as a delegate reads it: "what is on now"), the day in every page's running head, from a published
/// <see cref="Programme"/> and nothing else (no database, no clock), so a test can open the bytes.
/// </summary>
public static class ProgrammePdf
{
    private const double Margin = 42;
    private const double TimeColumn = 78;

    // A4 in points (210 × 297 mm at 72 points to the inch).
    private const double A4Width = 595.28;
    private const double A4Height = 841.89;
    private static readonly XColor Brand = XColor.FromArgb(0x0b, 0x4f, 0x8a);
    private static readonly XColor Muted = XColor.FromArgb(0x4a, 0x55, 0x66);
    private static readonly XColor Danger = XColor.FromArgb(0xa4, 0x16, 0x1a);
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");
    private static readonly CultureInfo Chinese = CultureInfo.GetCultureInfo("zh-Hans");

    public static void Render(Programme programme, Stream output)
    {
        ArgumentNullException.ThrowIfNull(programme);
        ArgumentNullException.ThrowIfNull(output);
        PdfFonts.Install();
        using var document = new PdfDocument();
        var edition = programme.Edition;
        document.Info.Title = $"{edition.NameEn} · {edition.NameZh} – Programme {programme.Version?.Name}";
        document.Info.Author = "CCI-FS Summit";
        document.Info.Subject = "Programme · 议程";
        var writer = new PageWriter(document, $"{edition.NameEn} · {edition.NameZh}", $"{edition.NameEn} · {programme.Version?.Name}");

        writer.Block(24 + 22 + 60, (text, x, y, width) =>
        {
            var used = text.Write(edition.NameEn, x, y, width, 16, bold: true, new XSolidBrush(Brand));
            used += text.Write(edition.NameZh, x, y + used, width, 15, bold: true, new XSolidBrush(Brand));
            var dates = $"{edition.StartDate.ToString("d MMMM yyyy", English)} – {edition.EndDate.ToString("d MMMM yyyy", English)} · {edition.StartDate.ToString("yyyy年M月d日", Chinese)}至{edition.EndDate.ToString("M月d日", Chinese)}";
            used += text.Write(dates, x, y + used + 4, width, 10, brush: XBrushes.Black) + 4;
            used += text.Write($"{edition.Place(chinese: false)} · {edition.Place(chinese: true)}", x, y + used, width, 10, brush: XBrushes.Black);
            var zone = ScheduleTime.ZoneLabel(programme.Zone, programme.Sessions.Count > 0 ? programme.Sessions[0].StartsAt : DateTimeOffset.UnixEpoch);
            var version = programme.Version is { } v
                ? $"Programme {v.Name}, published {ScheduleTime.Local(v.PublishedAt, programme.Zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} · 议程版本 {v.Name}"
                : "Programme not yet published · 议程尚未发布";
            used += text.Write(version, x, y + used + 4, width, 9, brush: new XSolidBrush(Muted)) + 4;
            used += text.Write($"All times {zone} · 所有时间均为当地时间（{zone}）", x, y + used, width, 9, brush: new XSolidBrush(Muted));
            return used + 10;
        });

        foreach (var day in programme.Days)
        {
            var sessions = programme.On(day).ToList();
            if (sessions.Count == 0)
            {
                continue;
            }

            var dayTitle = DayTitle(day);
            writer.Day = dayTitle;
            writer.Block(40, (text, x, y, width) =>
            {
                var used = text.Write(dayTitle, x, y + 8, width, 14, bold: true, XBrushes.Black) + 8;
                text.Graphics.DrawLine(new XPen(Brand, 1.2), x, y + used + 2, x + width, y + used + 2);
                return used + 8;
            }, keepWithNext: 80);

            // In time order across the rooms (the rooms' own order within a time), each session naming its room.
            var order = programme.Rooms.Select((r, i) => (r.Id, i)).ToDictionary(r => r.Id, r => r.i);
            foreach (var session in sessions.OrderBy(s => s.StartsAt).ThenBy(s => order.GetValueOrDefault(s.Room.Id)).ThenBy(s => s.Id))
            {
                writer.Block(0, (text, x, y, width) => Session(text, programme, session, x, y, width));
            }
        }

        writer.Finish();
        PdfOutput.Save(document, output);
    }

    /// <summary>"Friday 5 November 2021 · 11月5日 星期五": a day's heading, and the running head of its pages.</summary>
    public static string DayTitle(DateOnly day) => $"{day.ToString("dddd d MMMM yyyy", English)} · {day.ToString("M月d日 dddd", Chinese)}";

    /// <summary>Writes one session (or measures it when the text has no graphics to draw on); returns its height.</summary>
    private static double Session(Writer text, Programme programme, ProgrammeSession session, double x, double y, double width)
    {
        var p = session.Published;
        var time = $"{ScheduleTime.Local(p.StartsAt, programme.Zone).ToString("HH:mm", CultureInfo.InvariantCulture)}–{ScheduleTime.Local(p.EndsAt, programme.Zone).ToString("HH:mm", CultureInfo.InvariantCulture)}";
        var grey = new XSolidBrush(Muted);
        var body = width - TimeColumn;
        var bx = x + TimeColumn;
        var used = 0.0;
        text.Write(time, x, y, TimeColumn, 10, bold: true, XBrushes.Black);
        var room = session.Room;
        used += text.Write($"{room.NameEn} · {room.NameZh}" + (room.InterpretationChannels is { } channels ? $"  ({channels})" : ""), bx, y + used, body, 8.5, bold: true, new XSolidBrush(Brand));
        if (session.IsCancelled)
        {
            used += text.Write("CANCELLED · 已取消", bx, y + used, body, 9, bold: true, new XSolidBrush(Danger));
        }

        if (session.Type.IsBreak)
        {
            used += text.Write($"{p.TitleEn} · {p.TitleZh}", bx, y + used, body, 10, brush: grey);
            return used + 6;
        }

        used += text.Write(p.TitleEn, bx, y + used, body, 10, bold: true, XBrushes.Black);
        used += text.Write(p.TitleZh, bx, y + used, body, 10, bold: true, XBrushes.Black);
        var meta = $"{session.Type.NameEn}{(session.Track is { } t ? " · " + t.NameEn : "")} · {ProgrammeNames.Language(p.Language, false)}"
                   + $"  /  {session.Type.NameZh}{(session.Track is { } tz ? " · " + tz.NameZh : "")} · {ProgrammeNames.Language(p.Language, true)}"
                   + (p.InterpretationOffered ? "  /  Interpretation 同传" : "");
        used += text.Write(meta, bx, y + used + 1, body, 8, brush: grey) + 1;
        foreach (var speaker in session.Speakers)
        {
            var names = string.Join(" ", new[] { speaker.NameLatin, speaker.NameZh }.Where(n => !string.IsNullOrEmpty(n)));
            var line = $"{names} — {ProgrammeNames.Role(speaker.Role, false)} · {ProgrammeNames.Role(speaker.Role, true)}"
                       + (speaker.PositionEn is { } position ? $", {position}" : "");
            used += text.Write(line, bx, y + used, body, 8.5, brush: XBrushes.Black);
        }

        return Math.Max(used, PdfText.LineHeight(10)) + 7;
    }

    /// <summary>A text writer that draws, or only measures when it has no page (so a block can be kept on one page).</summary>
    private sealed class Writer(PdfText measure, PdfText? draw, XGraphics graphics)
    {
        public XGraphics Graphics { get; } = graphics;

        public double Write(string value, double x, double y, double width, double size, bool bold = false, XBrush? brush = null) =>
            draw is null
                ? measure.Write(value, x, y, width, size, bold, null)
                : draw.Write(value, x, y, width, size, bold, brush);
    }

    /// <summary>
    /// Adds pages as the content needs them, moves a block that does not fit to the next page, numbers the pages and
    /// heads each with the edition and the day its first block belongs to.
    /// </summary>
    private sealed class PageWriter(PdfDocument document, string header, string version)
    {
        private PdfPage? page;
        private XGraphics? graphics;
        private PdfText? text;
        private double y;
        private int number;
        private bool headed;

        private const double Bottom = A4Height - Margin - 18;

        private const double Width = A4Width - (2 * Margin);

        /// <summary>The day being written: in the running head of every page it reaches, so a loose page still says its day.</summary>
        public string? Day { get; set; }

        public void Block(double minimum, Func<Writer, double, double, double, double> content, double keepWithNext = 0)
        {
            EnsurePage();
            var height = Math.Max(minimum, content(new Writer(text!, null, graphics!), Margin, y, Width));
            if (y + height + keepWithNext > Bottom && y > Margin + 30)
            {
                NewPage();
            }

            if (!headed)
            {
                text!.Write(Day is null ? header : $"{header} · {Day}", Margin, 16, Width, 7, brush: new XSolidBrush(Muted));
                headed = true;
            }

            content(new Writer(text!, text, graphics!), Margin, y, Width);
            y += height;
        }

        public void Finish()
        {
            EnsurePage();
            graphics?.Dispose();
        }

        private void EnsurePage()
        {
            if (page is null)
            {
                NewPage();
            }
        }

        private void NewPage()
        {
            graphics?.Dispose();
            page = document.AddPage();
            page.Size = PdfSharp.PageSize.A4;
            graphics = XGraphics.FromPdfPage(page);
            text = new PdfText(graphics);
            number++;
            headed = false;
            text.Write(PdfText.Invariant($"{version} · {number}"), Margin, page.Height.Point - Margin + 8, Width, 7.5, brush: new XSolidBrush(Muted));
            y = Margin;
        }
    }
}
