using Summit.Web.Registrations;

namespace Summit.Web.Tests.Registrations;

/// <summary>The registration forms' country list: the same regions in both languages, every name in its language.</summary>
public sealed class CountryListTests
{
    [Fact]
    public void Both_languages_list_the_same_regions_the_chinese_one_wholly_in_chinese()
    {
        var english = CountryList.For(chinese: false);
        var chinese = CountryList.For(chinese: true);

        Assert.True(english.Count > 200, $"{english.Count} regions.");
        Assert.Equal(english.Select(c => c.Code).Order(StringComparer.Ordinal), chinese.Select(c => c.Code).Order(StringComparer.Ordinal));
        var latin = chinese.Where(c => !c.Name.Any(ch => ch is >= '\u4e00' and <= '\u9fff')).Select(c => $"{c.Code} {c.Name}").ToList();
        Assert.True(latin.Count == 0, "Not in Chinese: " + string.Join(", ", latin));
        Assert.Contains(("TW", "Taiwan, China"), english);
        Assert.Contains(("TW", "中国台湾"), chinese);
        Assert.DoesNotContain(english, c => c.Name == "Taiwan");
    }
}
