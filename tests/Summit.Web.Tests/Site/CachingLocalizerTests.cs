using System.Globalization;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Summit.Web.Localization;

namespace Summit.Web.Tests.Site;

/// <summary>The labels kept per culture say what the resources say, in each language, and nothing typed by a person is kept.</summary>
public sealed class CachingLocalizerTests
{
    private static (IStringLocalizer Localizer, IStringLocalizer Plain) Localizers()
    {
        var resources = new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions { ResourcesPath = "Resources" }), NullLoggerFactory.Instance);
        return (new CachingStringLocalizerFactory(resources).Create(typeof(SharedResource)), resources.Create(typeof(SharedResource)));
    }

    private static T In<T>(string culture, Func<T> read)
    {
        var before = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
        try
        {
            return read();
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = before;
        }
    }

    [Fact]
    public void Each_language_gets_its_own_text_every_time_with_its_arguments()
    {
        var (localizer, plain) = Localizers();
        foreach (var _ in Enumerable.Range(0, 2))
        {
            Assert.Equal("已取消", In("zh-Hans", () => localizer["Cancelled"].Value));
            Assert.Equal("Cancelled", In("en", () => localizer["Cancelled"].Value));
            Assert.Equal("加入我的日程：开幕式", In("zh-Hans", () => localizer["Add to my agenda: {0}", "开幕式"].Value));
            Assert.Equal("Add to my agenda: Opening", In("en", () => localizer["Add to my agenda: {0}", "Opening"].Value));
        }

        // The same as the resource manager's answer, found or not.
        foreach (var culture in new[] { "en", "zh-Hans" })
        {
            Assert.Equal(In(culture, () => plain["Schedule"]).Value, In(culture, () => localizer["Schedule"]).Value);
            Assert.Equal(In(culture, () => plain["Schedule"]).ResourceNotFound, In(culture, () => localizer["Schedule"]).ResourceNotFound);
        }
    }

    [Fact]
    public void A_text_the_resources_do_not_hold_is_answered_as_itself_and_not_kept()
    {
        var (localizer, _) = Localizers();
        var kept = (CachingStringLocalizerFactory.CachingStringLocalizer)localizer;
        In("zh-Hans", () => localizer["Cancelled"]);
        In("en", () => localizer["Cancelled"]);
        Assert.Equal(2, kept.Kept);

        for (var i = 0; i < 1000; i++)
        {
            var typed = $"The value 'x{i}' is not valid.";
            var answer = In(i % 2 == 0 ? "en" : "zh-Hans", () => localizer[typed]);
            Assert.Equal(typed, answer.Value);
            Assert.True(answer.ResourceNotFound);
        }

        Assert.Equal(2, kept.Kept);
    }
}
