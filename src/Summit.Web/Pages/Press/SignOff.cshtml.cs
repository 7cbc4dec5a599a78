using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Summit.Core.Press;
using Summit.Web.Localization;

namespace Summit.Web.Pages.Press;

/// <summary>
/// The interviewed speaker's single-use link: the quotes to check, then approve or ask for changes. No account needed;
/// the link is the key, and it works once.
/// </summary>
public sealed class SignOffModel(AnswerSignOff answer, IStringLocalizer<SharedResource> L) : PageModel
{
    public SignOffView View { get; private set; } = new(false, 0, null, null, null, null, []);

    /// <summary>Set after an answer: approved or changes asked.</summary>
    public bool? Answered { get; private set; }

    public async Task OnGetAsync(string token, CancellationToken cancellationToken)
    {
        // The link is a credential: no referrer leaves this page with it.
        Response.Headers["Referrer-Policy"] = "no-referrer";
        View = await answer.ViewAsync(token, cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(string token, string? decision, string? comment, CancellationToken cancellationToken)
    {
        Response.Headers["Referrer-Policy"] = "no-referrer";
        View = await answer.ViewAsync(token, cancellationToken);
        if (!View.Usable)
        {
            return Page();
        }

        var approve = decision == "approve";
        var outcome = await answer.RunAsync(token, approve, comment, cancellationToken);
        if (!outcome.Succeeded)
        {
            ModelState.AddRefusals(outcome.Refusals, L, prefix: "");
            return Page();
        }

        Answered = approve;
        return Page();
    }
}
