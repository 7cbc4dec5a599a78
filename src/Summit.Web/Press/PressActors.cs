using System.Security.Claims;
using Summit.Core.Accounts;
using Summit.Core.Press;

namespace Summit.Web.Press;

/// <summary>The signed-in person as the article rules see them: an editor if Organizer or Press editor.</summary>
public static class PressActors
{
    public static ArticleActor? Of(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (user.FindFirstValue(ClaimTypes.NameIdentifier) is not { } id)
        {
            return null;
        }

        var email = user.FindFirstValue(ClaimTypes.Email) ?? user.Identity?.Name ?? id;
        return new ArticleActor(id, email, user.Identity?.Name ?? email, user.IsInRole(Roles.Organizer) || user.IsInRole(Roles.Editor));
    }
}
