using System.Globalization;

namespace Summit.Web.Localization;

public static class Cultures
{
    public const string English = "en";
    public const string Chinese = "zh-Hans";

    public static readonly string[] Supported = [English, Chinese];

    public const string CookieName = ".Summit.Culture";

    public static bool IsChinese(CultureInfo culture) =>
        culture.Name.StartsWith("zh", StringComparison.OrdinalIgnoreCase);

    public static bool IsChinese() => IsChinese(CultureInfo.CurrentUICulture);

    public static string Normalize(string? culture) =>
        culture is not null && culture.StartsWith("zh", StringComparison.OrdinalIgnoreCase) ? Chinese : English;

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
