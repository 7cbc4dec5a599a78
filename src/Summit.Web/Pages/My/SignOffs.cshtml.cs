using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Summit.Core.Press;
using Summit.Web.Localization;

namespace Summit.Web.Pages.My;

/// <summary>"Quotes to check": the articles waiting for the signed-in speaker's sign-off, answered here without the emailed link.</summary>
public sealed class SignOffsModel(AnswerSignOff answer, IStringLocalizer<SharedResource> L) : PageModel
{
    public IReadOnlyList<Article> Waiting { get; private set; } = [];

    [TempData]
    public string? Message { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Waiting = await answer.WaitingForAsync(User.FindFirstValue(ClaimTypes.NameIdentifier)!, cancellationToken);

    public async Task<IActionResult> OnPostAsync(int articleId, string? decision, string? comment, CancellationToken cancellationToken)
    {
        var outcome = await answer.RunForAccountAsync(User.FindFirstValue(ClaimTypes.NameIdentifier)!, articleId, decision == "approve", comment, cancellationToken);
        if (!outcome.Succeeded)
        {
            ModelState.AddRefusals(outcome.Refusals, L, prefix: "");
            await OnGetAsync(cancellationToken);
            return Page();
        }

        Message = decision == "approve" ? L["Thank you: the quotes are approved, and the article goes to the editors."] : L["Thank you: your comment is with the author, who will correct the quotes."];
        return RedirectToPage();
    }
}
