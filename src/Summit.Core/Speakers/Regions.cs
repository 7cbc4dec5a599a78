using System.Globalization;

namespace Summit.Core.Speakers;

/// <summary>
/// Country and region names in both languages. .NET's <see cref="RegionInfo.DisplayName"/> follows the process's
/// language, not the visitor's, so Chinese names come from this table (the summit's region first), English from
/// <see cref="RegionInfo.EnglishName"/>.
/// </summary>
public static class Regions
{
    private static readonly Dictionary<string, string> Chinese = new(StringComparer.OrdinalIgnoreCase)
    {
        ["CN"] = "中国",
        ["SG"] = "新加坡",
        ["MY"] = "马来西亚",
        ["ID"] = "印度尼西亚",
        ["TH"] = "泰国",
        ["VN"] = "越南",
        ["PH"] = "菲律宾",
        ["KH"] = "柬埔寨",
        ["LA"] = "老挝",
        ["MM"] = "缅甸",
        ["BN"] = "文莱",
        ["TL"] = "东帝汶",
        ["HK"] = "中国香港",
        ["MO"] = "中国澳门",
        ["TW"] = "中国台湾",
        ["JP"] = "日本",
        ["KR"] = "韩国",
        ["IN"] = "印度",
        ["AU"] = "澳大利亚",
        ["NZ"] = "新西兰",
        ["US"] = "美国",
        ["CA"] = "加拿大",
        ["GB"] = "英国",
        ["DE"] = "德国",
        ["FR"] = "法国",
        ["CH"] = "瑞士",
        ["NL"] = "荷兰",
        ["IT"] = "意大利",
        ["ES"] = "西班牙",
        ["AE"] = "阿联酋",
        ["SA"] = "沙特阿拉伯",
        ["RU"] = "俄罗斯",
        ["KZ"] = "哈萨克斯坦",
        ["PK"] = "巴基斯坦",
        ["BD"] = "孟加拉国",
        ["LK"] = "斯里兰卡",
    };

    public static string? Name(string? code, bool chinese)
    {
        if (code is null || !SaveSpeaker.IsRegion(code))
        {
            return null;
        }

        if (chinese && Chinese.TryGetValue(code, out var name))
        {
            return name;
        }

        return new RegionInfo(code.ToUpperInvariant()).EnglishName;
    }
}
