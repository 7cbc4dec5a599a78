using System.Globalization;

namespace Summit.Core.Speakers;

/// <summary>
/// Country and region names in both languages, from one reviewed list: the summit's region as its organizers write
/// it (this table), the rest from the platform's CLDR data (ICU). Hong Kong, Macao and Taiwan are named alike in both
/// languages, as regions of China (中国香港 / Hong Kong SAR, China), not as CLDR's English ("Taiwan") and Chinese
/// ("台湾") would each have them. <see cref="RegionInfo.DisplayName"/> follows neither the visitor nor Chinese, so the
/// Chinese names come from the Chinese display names of cultures ("法语（法国）" → 法国).
/// </summary>
public static class Regions
{
    /// <summary>English names reviewed against the Chinese ones; the rest are <see cref="RegionInfo.EnglishName"/>.</summary>
    private static readonly Dictionary<string, string> English = new(StringComparer.OrdinalIgnoreCase)
    {
        ["HK"] = "Hong Kong SAR, China",
        ["MO"] = "Macao SAR, China",
        ["TW"] = "Taiwan, China",
    };

    private static readonly Lazy<IReadOnlyDictionary<string, string>> ChineseFromCldr = new(BuildChinese);

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

        if (chinese)
        {
            if (Chinese.TryGetValue(code, out var name) || ChineseFromCldr.Value.TryGetValue(code, out name))
            {
                return name;
            }
        }
        else if (English.TryGetValue(code, out var english))
        {
            return english;
        }

        return new RegionInfo(code.ToUpperInvariant()).EnglishName;
    }

    /// <summary>Region code → its Chinese name, read from each culture's Chinese display name: "英语（南非）" → 南非, "中文（简体，中国）" → 中国.</summary>
    private static Dictionary<string, string> BuildChinese()
    {
        var names = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var before = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(Text.Cultures.Chinese);
            foreach (var culture in CultureInfo.GetCultures(CultureTypes.SpecificCultures))
            {
                var code = culture.Name[(culture.Name.LastIndexOf('-') + 1)..];
                var display = culture.DisplayName;
                var open = display.LastIndexOf('（');
                if (code.Length != 2 || names.ContainsKey(code) || open < 0 || !display.EndsWith('）'))
                {
                    continue;
                }

                var inside = display[(open + 1)..^1];
                var name = inside[(inside.LastIndexOf('，') + 1)..].Trim();
                if (name.Length > 0 && name.Any(c => c >= '\u4e00' && c <= '\u9fff'))
                {
                    names[code] = name;
                }
            }
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }

        return names;
    }
}
