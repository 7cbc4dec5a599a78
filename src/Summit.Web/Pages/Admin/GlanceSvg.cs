using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using Summit.Core.Dashboard;

namespace Summit.Web.Pages.Admin;

/// <summary>
/// A stacked bar chart drawn as SVG on the server: no script, no inline style (the site's CSP allows neither), an
/// accessible name and summary, and a legend; the exact figures are in the table beside it.
/// </summary>
public static class GlanceSvg
{
    private static readonly string[] Colours = ["#0b4f8a", "#c98a00", "#3a8f5b", "#a4161a", "#6b4c9a", "#4a5566"];

    private const int Height = 140;
    private const int Bar = 14;
    private const int Gap = 4;

    public static string Colour(int series) => Colours[series % Colours.Length];

    public static IHtmlContent Bars(string id, GlanceChart chart, string title, string summary)
    {
        ArgumentNullException.ThrowIfNull(chart);
        var encoder = HtmlEncoder.Default;
        var width = Math.Max(1, chart.Points.Count) * (Bar + Gap);
        var max = Math.Max(1, chart.Max);
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg class=\"glance-chart\" viewBox=\"0 0 {width} {Height + 16}\" role=\"img\" aria-labelledby=\"{id}-title {id}-desc\" preserveAspectRatio=\"none\">");
        svg.Append(CultureInfo.InvariantCulture, $"<title id=\"{id}-title\">{encoder.Encode(title)}</title><desc id=\"{id}-desc\">{encoder.Encode(summary)}</desc>");
        svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"0\" y1=\"{Height}\" x2=\"{width}\" y2=\"{Height}\" stroke=\"#8795a8\" stroke-width=\"1\"/>");
        for (var i = 0; i < chart.Points.Count; i++)
        {
            var point = chart.Points[i];
            var x = i * (Bar + Gap);
            double top = Height;
            for (var s = 0; s < point.Values.Count; s++)
            {
                if (point.Values[s] == 0)
                {
                    continue;
                }

                var h = point.Values[s] * (double)(Height - 4) / max;
                top -= h;
                svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{x}\" y=\"{top:0.##}\" width=\"{Bar}\" height=\"{h:0.##}\" fill=\"{Colour(s)}\"><title>{encoder.Encode(point.Label)}: {point.Values[s]}</title></rect>");
            }

            if (i % 7 == 0 || i == chart.Points.Count - 1)
            {
                svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{x}\" y=\"{Height + 13}\" font-size=\"10\" fill=\"#4a5566\">{encoder.Encode(point.Label)}</text>");
            }
        }

        svg.Append("</svg>");
        return new HtmlString(svg.ToString());
    }
}
