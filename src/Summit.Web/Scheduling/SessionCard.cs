using System.Globalization;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using Microsoft.Extensions.Localization;
using Summit.Core.Scheduling;
using Summit.Core.Text;
using Summit.Web.Pages.Schedule;

namespace Summit.Web.Scheduling;

/// <summary>
/// One session as a card in the grid, the list or the agenda, written straight into the page. A day of a large
/// edition has 150 cards; as a partial view each one cost a view lookup, a page activation, a tag helper and a buffer
/// copied into the page's, a third of a render (issue 22, item 3: docs/performance.md). <paramref name="antiforgery"/>
/// is the page's token, for the agenda's forms that post.
/// </summary>
public sealed class SessionCard(SessionCardModel model, IStringLocalizer l, IHtmlContent? antiforgery = null) : IHtmlContent
{
    public void WriteTo(TextWriter writer, HtmlEncoder encoder)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(encoder);
        var chinese = Cultures.IsChinese(CultureInfo.CurrentUICulture);
        var s = model.Session;
        var start = ScheduleTime.Local(s.StartsAt, model.Zone);
        var end = ScheduleTime.Local(s.EndsAt, model.Zone);
        writer.Write("<article class=\"session-card");
        writer.Write(s.IsCancelled ? " cancelled" : "");
        writer.Write(s.Type.IsBreak ? " break" : "");
        if (s.Track is { } tr)
        {
            writer.Write(" track-");
            writer.Write(tr.Id.ToString(CultureInfo.InvariantCulture));
        }

        writer.Write("\">\n<p class=\"session-time\">");
        Time(writer, start);
        writer.Write('–');
        Time(writer, end);
        // In the grid the column says the room; on a phone, where the grid reads as a list, the card says it (site.css).
        writer.Write(model.ShowRoom ? "<span> · " : "<span class=\"room-when-narrow\"> · ");
        encoder.Encode(writer, s.Room.Name(chinese));
        writer.Write("</span>");

        writer.Write("</p>\n");
        if (s.IsCancelled)
        {
            writer.Write("<p class=\"badge cancelled-badge\">");
            encoder.Encode(writer, l["Cancelled"]);
            writer.Write("</p>\n");
        }

        writer.Write("<h3 class=\"session-title\">");
        if (s.Type.IsBreak)
        {
            encoder.Encode(writer, s.Title(chinese));
        }
        else
        {
            writer.Write("<a href=\"/");
            encoder.Encode(writer, model.EditionSlug);
            writer.Write("/sessions/");
            writer.Write(s.Id.ToString(CultureInfo.InvariantCulture));
            writer.Write("\">");
            encoder.Encode(writer, s.Title(chinese));
            writer.Write("</a>");
        }

        writer.Write("</h3>\n");
        if (!s.Type.IsBreak)
        {
            writer.Write("<p class=\"session-meta\">");
            encoder.Encode(writer, s.Type.Name(chinese));
            if (s.Track is { } track)
            {
                writer.Write("<span> · ");
                encoder.Encode(writer, track.Name(chinese));
                writer.Write("</span>");
            }

            writer.Write(" · ");
            encoder.Encode(writer, l[ProgrammeLabels.Language(s.Published.Language)]);
            if (s.Published.InterpretationOffered)
            {
                writer.Write("<span> · ");
                encoder.Encode(writer, l["Interpretation"]);
                writer.Write("</span>");
            }

            writer.Write("</p>\n");
            if (s.Speakers.Count > 0)
            {
                writer.Write("<p class=\"session-speakers\">");
                for (var i = 0; i < s.Speakers.Count; i++)
                {
                    writer.Write(i == 0 ? "" : chinese ? "、" : ", ");
                    encoder.Encode(writer, s.Speakers[i].DisplayName(chinese));
                }

                writer.Write("</p>\n");
            }

            Star(writer, encoder, s, chinese);
        }

        writer.Write("</article>");
    }

    private void Star(TextWriter writer, HtmlEncoder encoder, ProgrammeSession s, bool chinese)
    {
        if (model.Starred is null)
        {
            return; // not signed in: no star, and no labels to format for it
        }

        var id = s.Id.ToString(CultureInfo.InvariantCulture);
        var add = l["Add to my agenda: {0}", s.Title(chinese)];
        var remove = l["Remove from my agenda: {0}", s.Title(chinese)];
        if (model.ByScript)
        {
            // The shared copy: the star asks on its own page without script; personal.js sets and toggles it.
            writer.Write("<form method=\"get\" action=\"/my/agenda/star/");
            writer.Write(id);
            writer.Write("\" class=\"star-form\" data-star=\"");
            writer.Write(id);
            writer.Write("\">");
            ReturnUrl(writer, encoder);
            writer.Write("<button type=\"submit\" class=\"star\" aria-label=\"");
            encoder.Encode(writer, add);
            writer.Write("\" data-add=\"");
            encoder.Encode(writer, add);
            writer.Write("\" data-remove=\"");
            encoder.Encode(writer, remove);
            writer.Write("\">☆</button></form>\n");
        }
        else if (model.Starred is bool starred)
        {
            writer.Write("<form method=\"post\" action=\"/my/agenda?handler=");
            writer.Write(starred ? "unstar" : "star");
            writer.Write("\" class=\"star-form\"><input type=\"hidden\" name=\"sessionId\" value=\"");
            writer.Write(id);
            writer.Write("\">");
            ReturnUrl(writer, encoder);
            writer.Write("<button type=\"submit\" class=\"star");
            writer.Write(starred ? " on\" aria-pressed=\"true\" aria-label=\"" : "\" aria-pressed=\"false\" aria-label=\"");
            encoder.Encode(writer, starred ? remove : add);
            writer.Write(starred ? "\">★</button>" : "\">☆</button>");
            antiforgery?.WriteTo(writer, encoder);
            writer.Write("</form>\n");
        }
    }

    private void ReturnUrl(TextWriter writer, HtmlEncoder encoder)
    {
        writer.Write("<input type=\"hidden\" name=\"returnUrl\" value=\"");
        encoder.Encode(writer, model.ReturnUrl);
        writer.Write("\">");
    }

    private static void Time(TextWriter writer, DateTimeOffset at)
    {
        writer.Write("<time datetime=\"");
        writer.Write(at.ToString("yyyy-MM-ddTHH:mmzzz", CultureInfo.InvariantCulture));
        writer.Write("\">");
        writer.Write(at.ToString("HH:mm", CultureInfo.InvariantCulture));
        writer.Write("</time>");
    }
}
