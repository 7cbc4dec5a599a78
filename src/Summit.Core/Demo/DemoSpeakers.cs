using Summit.Core.Speakers;

namespace Summit.Core.Demo;

/// <summary>
/// The demo edition's speakers: Zeng Gang, from the real iChongqing report, and thirty invented people at invented
/// organisations, so that the directory looks like a summit's. Every one is flagged as demo and says so on its page.
/// </summary>
public static class DemoSpeakers
{
    private static readonly (string? FamilyZh, string? GivenZh, string FamilyLatin, string GivenLatin, bool FamilyFirst, string Country, string TitleEn, string TitleZh, string OrgEn, string OrgZh)[] Invented =
    [
        ("李", "明华", "Li", "Minghua", true, "CN", "Chief Economist", "首席经济学家", "Yangtze Upstream Bank", "长江上游银行"),
        ("陈", "慧玲", "Chen", "Huiling", true, "SG", "Managing Director", "董事总经理", "Lion City Capital Partners", "狮城资本"),
        ("王", "建国", "Wang", "Jianguo", true, "CN", "Vice President", "副行长", "Western Development Bank", "西部发展银行"),
        ("林", "志强", "Lim", "Chee Keong", true, "SG", "Head of Sustainable Finance", "可持续金融主管", "Straits Green Finance Institute", "海峡绿色金融研究院"),
        (null, null, "Menon", "Ravi", false, "SG", "Senior Fellow", "高级研究员", "ASEAN Monetary Studies Centre", "东盟货币研究中心"),
        ("张", "伟", "Zhang", "Wei", true, "CN", "Director", "主任", "Chongqing Cross-border Payments Lab", "重庆跨境支付实验室"),
        ("黄", "美珍", "Wong", "Mei Zhen", true, "MY", "Chief Executive Officer", "首席执行官", "Malacca Digital Bank", "马六甲数字银行"),
        (null, null, "Santoso", "Dewi", false, "ID", "Deputy Governor", "副行长", "Archipelago Reserve Institute", "群岛储备研究所"),
        ("刘", "洋", "Liu", "Yang", true, "CN", "Professor of Finance", "金融学教授", "Jialing River University", "嘉陵江大学"),
        (null, null, "Nguyen", "Thi Lan", true, "VN", "Head of Research", "研究主管", "Mekong Securities", "湄公证券"),
        ("吴", "晓东", "Wu", "Xiaodong", true, "CN", "Partner", "合伙人", "Three Gorges Law Office", "三峡律师事务所"),
        ("郑", "丽华", "Teh", "Lee Hua", true, "MY", "Director, Islamic Finance", "伊斯兰金融总监", "Penang Finance Forum", "槟城金融论坛"),
        (null, null, "Srisuk", "Anan", false, "TH", "Senior Vice President", "高级副总裁", "Chao Phraya Investment Bank", "湄南河投资银行"),
        ("周", "静", "Zhou", "Jing", true, "CN", "Secretary-General", "秘书长", "Western Finance Association", "西部金融协会"),
        ("何", "振宇", "Ho", "Chun Yu", true, "SG", "Chief Risk Officer", "首席风险官", "Marina Bay Insurance", "滨海湾保险"),
        (null, null, "Reyes", "Maria Elena", false, "PH", "Commissioner", "委员", "Manila Capital Markets Board", "马尼拉资本市场委员会"),
        ("孙", "立", "Sun", "Li", true, "CN", "General Manager", "总经理", "Land-Sea Corridor Logistics Finance", "陆海新通道物流金融公司"),
        ("杨", "思敏", "Yeo", "Sze Min", true, "SG", "Partner, Fintech", "金融科技合伙人", "Raffles Advisory", "莱佛士咨询"),
        (null, null, "Rahman", "Aziz", false, "MY", "Chief Investment Officer", "首席投资官", "Kuala Lumpur Pension Trust", "吉隆坡养老信托"),
        ("朱", "海", "Zhu", "Hai", true, "CN", "Dean", "院长", "School of Green Finance, Mountain City University", "山城大学绿色金融学院"),
        ("谢", "婉婷", "Seah", "Wan Ting", true, "SG", "Head of Trade Finance", "贸易融资主管", "Orchard Commercial Bank", "乌节商业银行"),
        (null, null, "Pham", "Van Minh", true, "VN", "Director General", "总干事", "Hanoi Banking Academy Forum", "河内银行学院论坛"),
        ("高", "峰", "Gao", "Feng", true, "CN", "Chairman", "董事长", "Chongqing Carbon Exchange Services", "重庆碳交易服务公司"),
        ("许", "佳", "Koh", "Jia", true, "SG", "Economist", "经济学家", "Temasek Avenue Research", "淡马锡大道研究所"),
        (null, null, "Wijaya", "Budi", false, "ID", "President Director", "总裁", "Nusantara Infrastructure Fund", "努山塔拉基础设施基金"),
        ("罗", "红", "Luo", "Hong", true, "CN", "Deputy Director", "副主任", "Western Financial Centre Office", "西部金融中心办公室"),
        ("曾", "淑仪", "Chan", "Shuk Yee", true, "HK", "Managing Partner", "管理合伙人", "Harbour Bridge Capital", "港桥资本"),
        (null, null, "Keo", "Sophea", true, "KH", "Governor's Adviser", "行长顾问", "Mekong Monetary Council", "湄公货币理事会"),
        ("梁", "嘉欣", "Leong", "Ka Yan", true, "MY", "Head of ESG", "ESG主管", "Borneo Sustainable Capital", "婆罗洲可持续资本"),
        ("唐", "宁", "Tang", "Ning", true, "CN", "Research Fellow", "研究员", "Institute of Digital RMB Studies", "数字人民币研究所"),
    ];

    public static SpeakerDetails ZengGang => new(
        Slug: "zeng-gang",
        FamilyNameZh: "曾",
        GivenNameZh: "刚",
        FamilyNameLatin: "Zeng",
        GivenNameLatin: "Gang",
        LatinFamilyNameFirst: true,
        HonorificEn: null,
        HonorificZh: null,
        CountryCode: "CN",
        BiographyEn: "Zeng Gang is Deputy Director of the National Institution for Finance and Development and Director of the Shanghai Institution for Finance and Development. At CCI-FS 2021 he spoke on **financial support for carbon emission reduction**: energy-saving and emission-reduction technology in industry, and the transformation of finance.",
        BiographyZh: "曾刚，国家金融与发展实验室副主任、上海金融与发展实验室主任。在2021中新金融峰会上，他就**金融支持碳减排**发表观点：关注产业节能减排技术与金融转型。",
        ContactEmail: null,
        Positions: DemoContent.ZengGang.Positions.Select(p => new PositionDetails(p.TitleEn, p.TitleZh, p.OrganisationEn, p.OrganisationZh)).ToList(),
        Links: []);

    public static IEnumerable<SpeakerDetails> InventedSpeakers() =>
        Invented.Select(s => new SpeakerDetails(
            Slug: SaveSpeaker.SlugFrom($"{s.FamilyLatin} {s.GivenLatin}"),
            FamilyNameZh: s.FamilyZh,
            GivenNameZh: s.GivenZh,
            FamilyNameLatin: s.FamilyLatin,
            GivenNameLatin: s.GivenLatin,
            LatinFamilyNameFirst: s.FamilyFirst,
            HonorificEn: null,
            HonorificZh: null,
            CountryCode: s.Country,
            BiographyEn: $"Demo profile: an invented speaker for the demo edition. {s.TitleEn} at {s.OrgEn}, an invented organisation.",
            BiographyZh: $"演示资料：为演示届次虚构的嘉宾。{s.OrgZh}{s.TitleZh}（虚构机构）。",
            ContactEmail: null,
            Positions: [new PositionDetails(s.TitleEn, s.TitleZh, s.OrgEn, s.OrgZh)],
            Links: []));
}
