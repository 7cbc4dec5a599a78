using Hangfire.Dashboard;
using Summit.Core.Accounts;

namespace Summit.Web.Hosting;

/// <summary>
/// Replaces Hangfire's default filter, which lets in every request from the local machine (and so anyone behind a
/// reverse proxy on the same host). Only signed-in Organizers see the dashboard.
/// </summary>
internal sealed class OrganizerDashboardFilter : IDashboardAuthorizationFilter
{
    public bool Authorize(DashboardContext context) =>
        context.GetHttpContext().User is { Identity.IsAuthenticated: true } user && user.IsInRole(Roles.Organizer);
}
