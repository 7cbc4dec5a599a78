using Summit.Core.Editions;

namespace Summit.Core.Tests.Editions;

/// <summary>The place line of an edition, in both languages, with the city said once.</summary>
public class EditionPlaceTests
{
    private static Edition With(string venueEn, string venueZh, string cityEn, string cityZh) => Edition.Create(new EditionDetails(
        "2026", "CCI-FS 2026", "2026中新金融峰会", null, null, new DateOnly(2026, 11, 5), new DateOnly(2026, 11, 6),
        venueEn, venueZh, cityEn, cityZh, "Asia/Shanghai", EditionStatus.Draft), DateTimeOffset.UnixEpoch);

    [Theory]
    [InlineData("重庆悦来国际会议中心", "重庆", "重庆悦来国际会议中心")]
    [InlineData("悦来国际会议中心", "重庆", "重庆悦来国际会议中心")]
    [InlineData("悦来国际会议中心", "", "悦来国际会议中心")]
    [InlineData("", "重庆", "重庆")]
    public void In_Chinese_the_city_comes_first_and_once(string venue, string city, string expected) =>
        Assert.Equal(expected, With("Venue", venue, "City", city).Place(chinese: true));

    [Theory]
    [InlineData("Yuelai International Convention Center", "Chongqing", "Yuelai International Convention Center, Chongqing")]
    [InlineData("Chongqing Yuelai International Convention Center", "Chongqing", "Chongqing Yuelai International Convention Center")]
    [InlineData("Marina Bay Sands", "", "Marina Bay Sands")]
    public void In_English_the_venue_comes_first_and_the_city_once(string venue, string city, string expected) =>
        Assert.Equal(expected, With(venue, "场地", city, "城市").Place(chinese: false));
}
