namespace Summit.Core.Speakers;

/// <summary>How names and positions read in each script.</summary>
public static class SpeakerNames
{
    /// <summary>Chinese: family name first, no space (曾 + 刚 = 曾刚).</summary>
    public static string? Chinese(string? family, string? given) =>
        Join(family, given, "");

    /// <summary>Latin script: "Zeng Gang" (family first, as Chinese and many Singaporean names are written) or "Ravi Menon".</summary>
    public static string? Latin(string? family, string? given, bool familyFirst) =>
        familyFirst ? Join(family, given, " ") : Join(given, family, " ");

    /// <summary>
    /// The language to write to a speaker in: the one their account chose, if they have one; otherwise Chinese for a
    /// speaker with a Chinese name who has no Latin-script one or comes from Greater China; otherwise English.
    /// </summary>
    public static string Culture(string? accountCulture, string? nameZh, string? nameLatin, string? countryCode)
    {
        if (!string.IsNullOrWhiteSpace(accountCulture))
        {
            return Text.Cultures.Normalize(accountCulture);
        }

        return nameZh is not null && (nameLatin is null || countryCode is "CN" or "TW" or "HK" or "MO") ? Text.Cultures.Chinese : Text.Cultures.English;
    }

    public static string Display(string? nameZh, string? nameLatin, bool chinese) =>
        (chinese ? nameZh ?? nameLatin : nameLatin ?? nameZh) ?? "";

    /// <summary>The display name from the stored name parts, for queries that project them rather than load a speaker.</summary>
    public static string Display(string? familyZh, string? givenZh, string? familyLatin, string? givenLatin, bool latinFamilyFirst, bool chinese) =>
        Display(Chinese(familyZh, givenZh), Latin(familyLatin, givenLatin, latinFamilyFirst), chinese);

    public static string? Secondary(string? nameZh, string? nameLatin, bool chinese)
    {
        var other = chinese ? nameLatin : nameZh;
        return other is not null && other != Display(nameZh, nameLatin, chinese) ? other : null;
    }

    /// <summary>
    /// English: "Title, Organisation". Chinese: organisation then title, no separator ("国家金融与发展实验室副主任").
    /// Each language falls back to the other where a part is missing.
    /// </summary>
    public static string Position(string? titleEn, string? titleZh, string? organisationEn, string? organisationZh, bool chinese)
    {
        if (chinese && (titleZh is not null || organisationZh is not null))
        {
            var together = titleZh is not null && organisationZh is not null;
            return Join(organisationZh ?? organisationEn, titleZh ?? titleEn, together ? "" : " ") ?? "";
        }

        return Join(titleEn ?? titleZh, organisationEn ?? organisationZh, ", ") ?? "";
    }

    private static string? Join(string? first, string? second, string separator)
    {
        first = string.IsNullOrWhiteSpace(first) ? null : first.Trim();
        second = string.IsNullOrWhiteSpace(second) ? null : second.Trim();
        return (first, second) switch
        {
            (null, null) => null,
            (null, _) => second,
            (_, null) => first,
            _ => first + separator + second,
        };
    }
}
