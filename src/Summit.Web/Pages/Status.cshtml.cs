using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Summit.Web.Pages;

/// <summary>Explains an error status (re-executed by the status code pages middleware) in the visitor's language.</summary>
[IgnoreAntiforgeryToken]
public sealed class StatusModel : PageModel
{
    public int Code { get; private set; }

    public string? OriginalPath { get; private set; }

    public PageResult OnGet() => Describe();

    public PageResult OnPost() => Describe();

    // The code is read from the route values, not model-bound: a re-executed POST may carry a form that cannot be
    // read at all, and model binding would then fail for every parameter.
    private PageResult Describe()
    {
        var code = int.TryParse(RouteData.Values["code"]?.ToString(), System.Globalization.CultureInfo.InvariantCulture, out var parsed) ? parsed : 404;
        var reExecute = HttpContext.Features.Get<IStatusCodeReExecuteFeature>();
        Code = code is >= 400 and < 600 ? code : 404;
        OriginalPath = reExecute?.OriginalPath;
        // Visited directly (not re-executed), the page answers 200 so it is not itself mistaken for an error.
        if (reExecute is not null)
        {
            Response.StatusCode = Code;
        }

        return Page();
    }
}
