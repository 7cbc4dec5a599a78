using System.Globalization;

namespace Summit.Core.Registrations;

/// <summary>
/// The colour band of a category's badges: the organizers' choice (<c>#rrggbb</c>), or a default by kind, so that
/// Speaker, Press and Staff look the same every year and other categories differ from each other. The band's text is
/// white or black, whichever reads better on it.
/// </summary>
public static class BadgeColours
{
    public const string Speaker = "#2e7d32";
    public const string Press = "#6a1b9a";
    public const string Staff = "#37474f";

    private static readonly string[] Palette = ["#0b4f8a", "#8e24aa", "#c62828", "#00838f", "#8a5a00", "#ad1457"];

    /// <summary><c>#rrggbb</c> in lower case, or null for blank or anything else (which <see cref="IsValid"/> refuses first).</summary>
    public static string? Normalize(string? value)
    {
        var text = value?.Trim();
        return IsValid(text) && !string.IsNullOrEmpty(text) ? text.ToLowerInvariant() : null;
    }

    /// <summary>Blank (the default), or <c>#</c> with six hexadecimal digits.</summary>
    public static bool IsValid(string? value)
    {
        var text = value?.Trim();
        return string.IsNullOrEmpty(text) || (text.Length == 7 && text[0] == '#' && text.Skip(1).All(char.IsAsciiHexDigit));
    }

    /// <summary>The band's colour for a category: its own, or its kind's, or one of a palette by its order.</summary>
    public static string For(RegistrationCategory category)
    {
        ArgumentNullException.ThrowIfNull(category);
        return category.BadgeColour ?? Default(category.Kind, category.Order);
    }

    public static string Default(CategoryKind kind, int order) => kind switch
    {
        CategoryKind.Speaker => Speaker,
        CategoryKind.Press => Press,
        CategoryKind.Staff => Staff,
        // Unsigned, so any order (even int.MinValue, whose absolute value does not exist) picks a colour.
        _ => Palette[(int)((uint)order % (uint)Palette.Length)],
    };

    /// <summary>Whether black text reads better than white on this colour (by WCAG contrast).</summary>
    public static bool NeedsDarkText(string colour)
    {
        var luminance = Luminance(colour);
        // Contrast with white is 1.05 / (L + 0.05), with black (L + 0.05) / 0.05.
        return (luminance + 0.05) / 0.05 > 1.05 / (luminance + 0.05);
    }

    /// <summary>Relative luminance (WCAG 2) of <c>#rrggbb</c>.</summary>
    public static double Luminance(string colour)
    {
        var rgb = Normalize(colour) is { } hex ? int.Parse(hex.AsSpan(1), NumberStyles.HexNumber, CultureInfo.InvariantCulture) : 0;
        static double Channel(int value)
        {
            var c = value / 255.0;
            return c <= 0.04045 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
        }

        return (0.2126 * Channel((rgb >> 16) & 0xFF)) + (0.7152 * Channel((rgb >> 8) & 0xFF)) + (0.0722 * Channel(rgb & 0xFF));
    }
}
