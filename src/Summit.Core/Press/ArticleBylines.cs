namespace Summit.Core.Press;

/// <summary>Names in bylines and credits, in both scripts: the page's script first, the other after it.</summary>
public static class ArticleBylines
{
    /// <summary>"Vivian Yan (严薇)" on an English page, "严薇（Vivian Yan）" on a Chinese one; the one name when there is one.</summary>
    public static string Both(string name, string? nameZh, bool chinese)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (string.IsNullOrWhiteSpace(nameZh) || nameZh == name)
        {
            return name;
        }

        return chinese ? $"{nameZh}（{name}）" : $"{name} ({nameZh})";
    }

    /// <summary>
    /// A line of the contributors field: "Zhang Yue, as an intern | 张悦，实习生". Before the bar the Latin-script name
    /// and role (split at the first comma), after it the Chinese ones (split at the first comma of either width).
    /// </summary>
    public static ContributorDetails ParseContributor(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var bar = line.IndexOf('|', StringComparison.Ordinal);
        var (latin, chinese) = bar < 0 ? (line, "") : (line[..bar], line[(bar + 1)..]);
        var (name, role) = Split(latin, ',');
        var (nameZh, roleZh) = Split(chinese.Replace('，', ','), ',');
        return new ContributorDetails(name, role, nameZh.Length == 0 ? null : nameZh, roleZh);
    }

    /// <summary>The line back, as the form shows it.</summary>
    public static string FormatContributor(ContributorDetails contributor)
    {
        ArgumentNullException.ThrowIfNull(contributor);
        var latin = contributor.Role is null ? contributor.Name : $"{contributor.Name}, {contributor.Role}";
        if (contributor.NameZh is null && contributor.RoleZh is null)
        {
            return latin;
        }

        return $"{latin} | {contributor.NameZh}{(contributor.RoleZh is null ? "" : "，" + contributor.RoleZh)}";
    }

    private static (string Name, string? Role) Split(string part, char separator)
    {
        var at = part.IndexOf(separator, StringComparison.Ordinal);
        var name = (at < 0 ? part : part[..at]).Trim();
        var role = at < 0 ? null : part[(at + 1)..].Trim();
        return (name, string.IsNullOrEmpty(role) ? null : role);
    }
}
