using Summit.Core.Accounts;
using Summit.Core.Editions;

namespace Summit.Core.Demo;

public sealed record DemoPosition(string TitleEn, string OrganisationEn, string TitleZh, string OrganisationZh);

public sealed record DemoSpeaker(string NameZh, string FamilyNameLatin, string GivenNameLatin, IReadOnlyList<DemoPosition> Positions)
{
    public string NameLatin => $"{FamilyNameLatin} {GivenNameLatin}";
}

public sealed record DemoAccount(string Email, string DisplayName, string Role);

/// <summary>
/// All demo data in one place. The Speakers, Programme and Press issues extend this file
/// (and <see cref="DemoSeed"/>) rather than scattering seed data through the code.
/// </summary>
public static class DemoContent
{
    public static readonly EditionDetails Edition2021 = new(
        Slug: "2021",
        NameEn: "China-Singapore (Chongqing) Connectivity Initiative Financial Summit 2021",
        NameZh: "2021中新（重庆）战略性互联互通示范项目金融峰会",
        TaglineEn: "Finance connecting western China and ASEAN: green transition, digital finance and cross-border capital.",
        TaglineZh: "金融联通中国西部与东盟：绿色转型、数字金融与跨境资本。",
        StartDate: new DateOnly(2021, 11, 5),
        EndDate: new DateOnly(2021, 11, 6),
        VenueEn: "Chongqing Yuelai International Convention Center",
        VenueZh: "重庆悦来国际会议中心",
        CityEn: "Chongqing",
        CityZh: "重庆",
        TimeZoneId: "Asia/Shanghai",
        Status: EditionStatus.Open);

    public static readonly DemoSpeaker ZengGang = new(
        NameZh: "曾刚",
        FamilyNameLatin: "Zeng",
        GivenNameLatin: "Gang",
        Positions:
        [
            new("Deputy Director", "National Institution for Finance and Development", "副主任", "国家金融与发展实验室"),
            new("Director", "Shanghai Institution for Finance and Development", "主任", "上海金融与发展实验室"),
        ]);

    /// <summary>The demo profile that the demo Speaker account looks after.</summary>
    public const string SelfServiceSpeakerSlug = "li-minghua";

    public static readonly IReadOnlyList<DemoAccount> Accounts =
    [
        new("organizer@summit.example", "Demo Organizer", Roles.Organizer),
        new("speaker@summit.example", "Demo Speaker", Roles.Speaker),
        new("press@summit.example", "Demo Press", Roles.Press),
        new("attendee@summit.example", "Demo Attendee", Roles.Attendee),
    ];

    private static readonly Lazy<SeedInterview> LazyInterview = new(SeedInterview.Load);

    public static SeedInterview Interview => LazyInterview.Value;
}
