namespace Summit.Core.Api;

/// <summary>What a token may touch: one level per area. Writing includes reading.</summary>
public enum ApiAccess
{
    None,
    Read,
    ReadWrite,
}

/// <summary>The areas of the organizer API and how a token's scopes are written ("registrations:read checkin:write").</summary>
public static class ApiScopes
{
    public const string Registrations = "registrations";
    public const string CheckIn = "checkin";
    public const string Programme = "programme";
    public const string Speakers = "speakers";
    public const string Press = "press";
    public const string Mail = "mail";

    /// <summary>Every area, in the order the token page lists them.</summary>
    public static readonly IReadOnlyList<string> Areas = [Registrations, CheckIn, Programme, Speakers, Press, Mail];

    /// <summary>The stored form: one "area:read" or "area:write" per area with access, in <see cref="Areas"/> order.</summary>
    public static string Format(IReadOnlyDictionary<string, ApiAccess> access)
    {
        ArgumentNullException.ThrowIfNull(access);
        return string.Join(' ', Areas.Where(a => access.GetValueOrDefault(a) != ApiAccess.None)
            .Select(a => $"{a}:{(access[a] == ApiAccess.ReadWrite ? "write" : "read")}"));
    }

    /// <summary>The access per area of a stored scope string; unknown areas and levels are ignored (never widened).</summary>
    public static IReadOnlyDictionary<string, ApiAccess> Parse(string? scopes)
    {
        var access = Areas.ToDictionary(a => a, _ => ApiAccess.None, StringComparer.Ordinal);
        foreach (var scope in (scopes ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = scope.Split(':');
            if (parts.Length == 2 && access.ContainsKey(parts[0]))
            {
                var level = parts[1] switch { "write" => ApiAccess.ReadWrite, "read" => ApiAccess.Read, _ => ApiAccess.None };
                if (level > access[parts[0]])
                {
                    access[parts[0]] = level;
                }
            }
        }

        return access;
    }

    /// <summary>Whether scopes grant <paramref name="needed"/> on <paramref name="area"/>.</summary>
    public static bool Allows(string? scopes, string area, ApiAccess needed) =>
        needed == ApiAccess.None || Parse(scopes).GetValueOrDefault(area) >= needed;
}
