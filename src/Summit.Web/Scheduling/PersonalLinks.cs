using System.Security.Claims;
using Summit.Core.Accounts;

namespace Summit.Web.Scheduling;

/// <summary>The menu entries a person's roles open, in menu order: the layout renders them, /my/state.json sends them to the shared pages.</summary>
public static class PersonalLinks
{
    /// <summary>Each entry's address and its label's resource key (translated by the caller).</summary>
    public static IReadOnlyList<(string Href, string Label)> For(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var links = new List<(string, string)>();
        if (user.IsInRole(Roles.Organizer))
        {
            links.Add(("/admin", "Administration"));
        }

        if (user.IsInRole(Roles.Press) || user.IsInRole(Roles.Editor) || user.IsInRole(Roles.Organizer))
        {
            links.Add(("/newsroom", "Newsroom"));
        }

        if (user.IsInRole(Roles.Speaker))
        {
            links.Add(("/my/speaker-profile", "My speaker profile"));
        }

        return links;
    }
}
