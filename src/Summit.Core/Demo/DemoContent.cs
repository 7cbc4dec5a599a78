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

    /// <summary>The registration categories a summit like this one has, in their order.</summary>
    public static readonly IReadOnlyList<Registrations.CategoryDetails> Categories =
    [
        new("Delegate", "参会代表", "Full access to the plenary and the parallel sessions.", "可参加全体大会及各分论坛。", Registrations.CategoryKind.General, 300, false, false, null, null, 1),
        new("VIP", "贵宾", "By invitation of the organizers.", "凭主办方邀请码注册。", Registrations.CategoryKind.General, 60, true, true, null, null, 2),
        new("Speaker", "演讲嘉宾", "Speakers of the programme are registered by the organizers.", "议程嘉宾由主办方统一注册。", Registrations.CategoryKind.Speaker, null, false, true, null, null, 3),
        new("Press", "媒体记者", "Accredited journalists; approval by the press office.", "经新闻中心审核的记者。", Registrations.CategoryKind.Press, 80, true, false, null, null, 4),
        new("Online", "线上观众", "Follow the plenary online.", "在线观看全体大会。", Registrations.CategoryKind.General, null, false, false, null, null, 5),
        new("Staff", "工作人员", "Organizers' staff and volunteers.", "主办方工作人员及志愿者。", Registrations.CategoryKind.Staff, 120, false, true, null, null, 6),
    ];

    public static SeedInterview Interview => LazyInterview.Value;
}
