using Summit.Core.Editions;
using Summit.Core.Scheduling;

namespace Summit.Core.Demo;

/// <summary>
/// A two-day programme for the demo edition: eight rooms, four tracks, six session types and some sixty sessions with
/// the demo speakers, laid out so that nobody is in two places at once (a test checks every placement against
/// <see cref="ScheduleRules"/>). Invented, and marked as demo data wherever it is shown.
/// </summary>
internal static class DemoProgramme
{
    public static readonly (string En, string Zh, int? Capacity, SessionLanguage Floor, string? Channels)[] Rooms =
    [
        ("Main Hall", "主会场", 1200, SessionLanguage.EnglishAndChinese, "EN↔ZH"),
        ("Jialing Hall", "嘉陵厅", 400, SessionLanguage.Chinese, "EN↔ZH"),
        ("Yangtze Hall", "长江厅", 300, SessionLanguage.English, "EN↔ZH"),
        ("Lion City Room", "狮城厅", 160, SessionLanguage.English, null),
        ("Chaotianmen Room", "朝天门厅", 120, SessionLanguage.Chinese, null),
        ("Hongyadong Room", "洪崖洞厅", 90, SessionLanguage.Chinese, "EN↔ZH"),
        ("Raffles Room", "莱佛士厅", 80, SessionLanguage.English, null),
        ("Foyer", "序厅", null, SessionLanguage.EnglishAndChinese, null),
    ];

    public static readonly (string En, string Zh, string Colour)[] Tracks =
    [
        ("Green finance", "绿色金融", "#2e7d32"),
        ("Digital finance", "数字金融", "#1565c0"),
        ("Cross-border capital", "跨境资本", "#8e24aa"),
        ("Land-sea trade corridor", "陆海新通道", "#c62828"),
    ];

    public static readonly (string En, string Zh, bool IsBreak)[] Types =
    [
        ("Keynote", "主旨演讲", false),
        ("Panel", "圆桌对话", false),
        ("Forum", "分论坛", false),
        ("Roundtable", "闭门研讨", false),
        ("Signing ceremony", "签约仪式", false),
        ("Break", "茶歇", true),
        ("Ceremony", "仪式", false),
    ];

    private static readonly (string En, string Zh)[][] Topics =
    [
        [
            ("Green bonds for western China", "中国西部绿色债券"), ("Pricing carbon in ASEAN markets", "东盟市场的碳定价"),
            ("Transition finance for heavy industry", "重工业转型金融"), ("Climate risk in bank portfolios", "银行资产组合的气候风险"),
            ("Sustainable infrastructure funds", "可持续基础设施基金"), ("Disclosure standards after ISSB", "ISSB之后的信息披露标准"),
            ("Green credit for small firms", "小微企业绿色信贷"), ("Carbon neutrality and local government finance", "碳中和与地方财政"),
        ],
        [
            ("Cross-border digital payments", "跨境数字支付"), ("Central bank digital currencies in trade", "贸易中的央行数字货币"),
            ("Open banking between China and Singapore", "中新开放银行"), ("Supply-chain finance on shared ledgers", "基于共享账本的供应链金融"),
            ("RegTech for cross-border compliance", "跨境合规监管科技"), ("Data flows and financial privacy", "数据流动与金融隐私"),
            ("AI in credit assessment", "人工智能与信用评估"), ("Fintech sandboxes compared", "金融科技沙盒比较"),
        ],
        [
            ("Renminbi internationalisation in ASEAN", "人民币在东盟的国际化"), ("Bond Connect and the western region", "债券通与西部地区"),
            ("Private equity corridors", "私募股权通道"), ("Qualified foreign investors in Chongqing", "重庆合格境外投资者"),
            ("Currency hedging for exporters", "出口企业的汇率避险"), ("Listing in Singapore, operating in Chongqing", "新加坡上市、重庆运营"),
            ("Insurance connectivity", "保险互联互通"), ("Wealth management across borders", "跨境财富管理"),
        ],
        [
            ("Financing the New International Land-Sea Trade Corridor", "西部陆海新通道融资"), ("Trade finance for rail-sea intermodal", "铁海联运贸易融资"),
            ("Logistics hubs as investment platforms", "物流枢纽作为投资平台"), ("Ports, rail and the Lancang-Mekong", "港口、铁路与澜湄合作"),
            ("Export credit for corridor projects", "通道项目出口信贷"), ("Digital bills of lading", "数字提单"),
            ("Agricultural trade finance", "农产品贸易融资"), ("Risk sharing for corridor SMEs", "通道中小企业风险分担"),
        ],
    ];

    /// <summary>A session as the demo lays it out: day 0 or 1, local start and minutes, room index, type index, track, speakers.</summary>
    public sealed record Item(string TitleEn, string TitleZh, string? AbstractEn, string? AbstractZh, int TypeIndex, int? TrackIndex, int Day, TimeOnly Start, int Minutes, int RoomIndex, SessionLanguage Language, IReadOnlyList<(int SpeakerIndex, SessionSpeakerRole Role)> Speakers);

    /// <summary>
    /// The layout. Speakers are indexes into the demo speaker list (0 is Zeng Gang); each time slot takes them in a
    /// rotating window, so one slot never uses a speaker twice.
    /// </summary>
    public static IReadOnlyList<Item> Items(int speakerCount)
    {
        var items = new List<Item>();
        var next = 1;
        List<(int, SessionSpeakerRole)> Take(int count, SessionSpeakerRole first, SessionSpeakerRole rest)
        {
            var taken = new List<(int, SessionSpeakerRole)>();
            for (var i = 0; i < count; i++)
            {
                taken.Add((1 + ((next - 1) % (speakerCount - 1)), i == 0 ? first : rest));
                next++;
            }

            return taken;
        }

        void Break(int day, TimeOnly start, int minutes, string en, string zh) =>
            items.Add(new(en, zh, null, null, 5, null, day, start, minutes, 7, SessionLanguage.EnglishAndChinese, []));

        // Day 1: opening plenary and keynotes, lunch, two rounds of parallel sessions, a signing ceremony, evening roundtables.
        items.Add(new("Opening ceremony", "开幕式", "Welcome addresses by the organizers of the summit.", "峰会主办方致欢迎辞。", 6, null, 0, new(9, 0), 30, 0, SessionLanguage.EnglishAndChinese, []));
        items.Add(new(
            "Keynote: Finance for carbon neutrality", "主旨演讲：服务碳中和的金融",
            "How banks and markets can fund the transition to carbon neutrality, and what western China needs from them.",
            "银行与市场如何为碳中和转型提供资金，以及中国西部对金融的需求。",
            0, 0, 0, new(9, 30), 30, 0, SessionLanguage.Chinese, [(0, SessionSpeakerRole.KeynoteSpeaker)]));
        string[] keynotesEn = ["Keynote: Connectivity after the pandemic", "Keynote: Singapore as a gateway", "Keynote: Digital trade and finance", "Keynote: Capital for the corridor"];
        string[] keynotesZh = ["主旨演讲：疫情后的互联互通", "主旨演讲：新加坡作为门户", "主旨演讲：数字贸易与金融", "主旨演讲：通道资本"];
        for (var k = 0; k < keynotesEn.Length; k++)
        {
            items.Add(new(keynotesEn[k], keynotesZh[k], null, null, 0, k % 4, 0, new TimeOnly(10, 0).AddMinutes(30 * k), 30, 0, SessionLanguage.EnglishAndChinese, Take(1, SessionSpeakerRole.KeynoteSpeaker, SessionSpeakerRole.KeynoteSpeaker)));
        }

        Break(0, new(12, 0), 90, "Lunch", "午餐");
        var topic = 0;
        void Parallel(int day, TimeOnly start, int minutes)
        {
            for (var room = 0; room < 7; room++)
            {
                var track = (topic + room) % 4;
                var (en, zh) = Topics[track][(topic / 4 + room) % 8];
                var type = 1 + (room % 3);
                var speakers = type switch
                {
                    1 => Take(4, SessionSpeakerRole.Moderator, SessionSpeakerRole.Panelist),
                    2 => Take(2, SessionSpeakerRole.Speaker, SessionSpeakerRole.Speaker),
                    _ => Take(3, SessionSpeakerRole.Moderator, SessionSpeakerRole.Panelist),
                };
                var language = DemoProgramme.Rooms[room].Floor;
                items.Add(new(
                    $"{Types[type].En}: {en}",
                    $"{Types[type].Zh}：{zh}",
                    $"Practitioners and researchers from China and Singapore on {en.ToLowerInvariant()}: what works, what is missing, and what the summit's partners can do next.",
                    $"来自中国和新加坡的业界人士与研究者探讨{zh}：哪些做法有效，还缺什么，峰会各方下一步可以做什么。",
                    type, track, day, start, minutes, room, language, speakers));
            }

            // A round takes at most 22 speakers in a row from the rotation, fewer than there are, so none twice.
            topic += 7;
        }

        next = 1;
        Parallel(0, new(13, 30), 90);
        Break(0, new(15, 0), 30, "Coffee break", "茶歇");
        Parallel(0, new(15, 30), 90);
        items.Add(new("Signing ceremony of connectivity projects", "互联互通项目签约仪式", "Financial institutions sign this year's cooperation agreements.", "金融机构签署本年度合作协议。", 4, 3, 0, new(17, 15), 45, 0, SessionLanguage.EnglishAndChinese, []));
        Break(0, new(18, 0), 90, "Welcome dinner", "欢迎晚宴");
        for (var room = 3; room < 7; room++)
        {
            var track = room % 4;
            items.Add(new(
                $"Evening roundtable: {Topics[track][7].En}", $"晚间研讨：{Topics[track][7].Zh}", null, null,
                3, track, 0, new(19, 45), 75, room, DemoProgramme.Rooms[room].Floor, Take(3, SessionSpeakerRole.Moderator, SessionSpeakerRole.Panelist)));
        }

        // Day 2: four rounds of parallel sessions between breaks, then the closing plenary.
        next = 1;
        Break(1, new(8, 30), 30, "Registration and coffee", "签到与咖啡");
        Parallel(1, new(9, 0), 90);
        Break(1, new(10, 30), 15, "Coffee break", "茶歇");
        Parallel(1, new(10, 45), 90);
        Break(1, new(12, 15), 90, "Lunch", "午餐");
        Parallel(1, new(13, 45), 90);
        Break(1, new(15, 15), 15, "Coffee break", "茶歇");
        Parallel(1, new(15, 30), 90);
        items.Add(new("Closing plenary and summit statement", "闭幕全体会议及峰会声明", "The summit's conclusions, read in both languages.", "以中英文宣读峰会成果。", 1, null, 1, new(17, 15), 45, 0, SessionLanguage.EnglishAndChinese, Take(2, SessionSpeakerRole.Moderator, SessionSpeakerRole.Speaker)));
        return items;
    }

    public static DateTimeOffset At(EditionDetails edition, int day, TimeOnly time) =>
        ScheduleTime.ToUtc(edition.StartDate.AddDays(day), time, TimeZoneInfo.FindSystemTimeZoneById(edition.TimeZoneId));
}
