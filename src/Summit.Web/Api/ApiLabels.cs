using Summit.Core.Api;

namespace Summit.Web.Api;

/// <summary>The English keys (localized through the shared resource) for the API's areas and access levels.</summary>
public static class ApiLabels
{
    public static string Area(string area) => area switch
    {
        ApiScopes.Registrations => "Registrations",
        ApiScopes.CheckIn => "Check-in",
        ApiScopes.Programme => "Programme",
        ApiScopes.Speakers => "Speakers",
        ApiScopes.Press => "Press",
        ApiScopes.Mail => "Mail log",
        _ => area,
    };

    public static string Access(ApiAccess access) => access switch
    {
        ApiAccess.Read => "Read",
        ApiAccess.ReadWrite => "Read and change",
        _ => "No access",
    };
}
