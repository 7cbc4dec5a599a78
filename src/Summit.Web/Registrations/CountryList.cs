using System.Globalization;
using Summit.Core.Speakers;

namespace Summit.Web.Registrations;

/// <summary>Countries and regions for the registration forms, named and sorted in the reader's language.</summary>
public static class CountryList
{
    // Built once per language: walking every culture's region on each request cost the registration rush CPU.
    private static readonly Lazy<IReadOnlyList<(string Code, string Name)>> English = new(() => Build(chinese: false));

    private static readonly Lazy<IReadOnlyList<(string Code, string Name)>> Chinese = new(() => Build(chinese: true));

    public static IReadOnlyList<(string Code, string Name)> For(bool chinese) => chinese ? Chinese.Value : English.Value;

    private static List<(string Code, string Name)> Build(bool chinese) =>
        CultureInfo.GetCultures(CultureTypes.SpecificCultures)
            .Select(c => { try { return new RegionInfo(c.Name); } catch (ArgumentException) { return null; } })
            .Where(r => r is not null && SaveSpeaker.IsRegion(r.TwoLetterISORegionName))
            .DistinctBy(r => r!.TwoLetterISORegionName)
            .Select(r => (r!.TwoLetterISORegionName, Regions.Name(r.TwoLetterISORegionName, chinese) ?? r.EnglishName))
            .OrderBy(r => r.Item2, StringComparer.Create(CultureInfo.GetCultureInfo(chinese ? Cultures.Chinese : Cultures.English), ignoreCase: true))
            .ToList();
}
