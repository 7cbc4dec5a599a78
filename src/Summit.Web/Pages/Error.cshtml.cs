using System.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Summit.Web.Pages;

[IgnoreAntiforgeryToken]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class ErrorModel : PageModel
{
    public string? RequestId { get; private set; }

    public int ResponseStatus { get; private set; }

    public void OnGet() => Describe();

    public void OnPost() => Describe();

    private void Describe()
    {
        RequestId = Activity.Current?.Id ?? HttpContext.TraceIdentifier;
        ResponseStatus = Response.StatusCode;
        if (ResponseStatus == StatusCodes.Status503ServiceUnavailable)
        {
            // Every database connection was busy; the request changed nothing and may simply be sent again.
            Response.Headers.RetryAfter = "5";
        }
    }
}
