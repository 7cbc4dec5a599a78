using System.Globalization;

namespace Summit.Core.Text;

/// <summary>
/// Summit's two languages and the one rule for telling them apart: a culture (a request's, a person's stored
/// preference, a CSV column) is Chinese when its name starts with <c>zh</c>, and English otherwise. Web pages,
/// emails, jobs and feeds all ask here.
/// </summary>
public static class Cultures
{
    public const string English = "en";
    public const string Chinese = "zh-Hans";

    public static readonly string[] Supported = [English, Chinese];

    public const string CookieName = ".Summit.Culture";

    public static bool IsChinese(string? culture) =>
        culture is not null && culture.StartsWith("zh", StringComparison.OrdinalIgnoreCase);

    public static bool IsChinese(CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(culture);
        return IsChinese(culture.Name);
    }

    public static bool IsChinese() => IsChinese(CultureInfo.CurrentUICulture);

    /// <summary>The stored form of a preference: <c>zh-Hans</c> or <c>en</c>.</summary>
    public static string Normalize(string? culture) => IsChinese(culture) ? Chinese : English;

    /// <summary>"5–6 November 2021" or "2021年11月5日至6日".</summary>
    public static string DateRange(DateOnly start, DateOnly end, bool chinese)
    {
        var invariant = CultureInfo.GetCultureInfo("en-GB");
        if (chinese)
        {
            var first = $"{start.Year}年{start.Month}月{start.Day}日";
            if (start == end)
            {
                return first;
            }

            return start.Year != end.Year ? $"{first}至{end.Year}年{end.Month}月{end.Day}日"
                : start.Month != end.Month ? $"{first}至{end.Month}月{end.Day}日"
                : $"{first}至{end.Day}日";
        }

        if (start == end)
        {
            return start.ToString("d MMMM yyyy", invariant);
        }

        return start.Year != end.Year ? $"{start.ToString("d MMMM yyyy", invariant)} – {end.ToString("d MMMM yyyy", invariant)}"
            : start.Month != end.Month ? $"{start.ToString("d MMMM", invariant)} – {end.ToString("d MMMM yyyy", invariant)}"
            : $"{start.Day}–{end.ToString("d MMMM yyyy", invariant)}";
    }
}
