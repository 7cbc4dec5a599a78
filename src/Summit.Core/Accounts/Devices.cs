namespace Summit.Core.Accounts;

/// <summary>A browser and system named from a User-Agent header, enough for a person to recognise their own devices in a list.</summary>
public static class Devices
{
    /// <summary>The browser's name, or null when the header names none Summit knows.</summary>
    public static string? Browser(string? userAgent) => userAgent switch
    {
        null or "" => null,
        _ when Has(userAgent, "Edg/") => "Edge",
        _ when Has(userAgent, "OPR/") => "Opera",
        _ when Has(userAgent, "MicroMessenger/") => "WeChat",
        _ when Has(userAgent, "Firefox/") || Has(userAgent, "FxiOS/") => "Firefox",
        _ when Has(userAgent, "Chrome/") || Has(userAgent, "CriOS/") || Has(userAgent, "Chromium/") => "Chrome",
        _ when Has(userAgent, "Safari/") => "Safari",
        _ => null,
    };

    /// <summary>The operating system's name, or null when the header names none Summit knows.</summary>
    public static string? System(string? userAgent) => userAgent switch
    {
        null or "" => null,
        _ when Has(userAgent, "iPhone") || Has(userAgent, "iPad") => "iOS",
        _ when Has(userAgent, "Android") => "Android",
        _ when Has(userAgent, "Windows") => "Windows",
        _ when Has(userAgent, "Mac OS X") || Has(userAgent, "Macintosh") => "macOS",
        _ when Has(userAgent, "CrOS") => "ChromeOS",
        _ when Has(userAgent, "Linux") => "Linux",
        _ => null,
    };

    private static bool Has(string userAgent, string part) => userAgent.Contains(part, StringComparison.Ordinal);
}
