using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Summit.Core.Api;
using Summit.Core.Data;
using Summit.Web.Hosting;

namespace Summit.Web.Pages.Admin.ApiTokens;

/// <summary>
/// The organizer API's tokens: made here with a name, access per area, editions and an expiry; the secret is shown
/// once, on the answer to the form, and kept nowhere; revoked at once (after a confirmation).
/// </summary>
public sealed class IndexModel(SummitDbContext db, Core.Api.ApiTokens tokens, TimeProvider clock, Microsoft.Extensions.Localization.IStringLocalizer<SharedResource> L) : PageModel
{
    public sealed class TokenInput
    {
        public string? Name { get; set; }

        public Dictionary<string, ApiAccess> Access { get; set; } = [];

        public bool AllEditions { get; set; } = true;

        public List<int> Editions { get; set; } = [];

        /// <summary>The last day the token works (UTC); empty for no expiry.</summary>
        public DateOnly? ExpiresOn { get; set; }
    }

    public sealed record TokenRow(ApiToken Token, IReadOnlyList<string> EditionNames, bool Active);

    [BindProperty]
    public TokenInput Input { get; set; } = new();

    public IReadOnlyList<TokenRow> Rows { get; private set; } = [];

    public IReadOnlyList<(int Id, string Name)> AllEditions { get; private set; } = [];

    /// <summary>The secret just made: on this answer only.</summary>
    public string? IssuedSecret { get; private set; }

    public string? IssuedName { get; private set; }

    [TempData]
    public string? Message { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken cancellationToken)
    {
        var expires = Input.ExpiresOn is { } day ? new DateTimeOffset(day.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : (DateTimeOffset?)null;
        var access = ApiScopes.Areas.ToDictionary(a => a, a => Input.Access.GetValueOrDefault(a), StringComparer.Ordinal);
        var issued = await tokens.IssueAsync(new ApiTokenRequest(Input.Name, access, Input.AllEditions ? null : Input.Editions, expires), User.FindFirstValue(ClaimTypes.NameIdentifier), cancellationToken);
        if (!issued.Issued)
        {
            foreach (var refusal in issued.Refusals)
            {
                var field = refusal.Field == nameof(ApiTokenRequest.ExpiresAt) ? nameof(TokenInput.ExpiresOn) : refusal.Field;
                ModelState.AddModelError($"{nameof(Input)}.{field}", L[refusal.Message]);
            }

            await LoadAsync(cancellationToken);
            return Page();
        }

        IssuedSecret = issued.Secret;
        IssuedName = Input.Name?.Trim();
        Input = new TokenInput();
        ModelState.Clear();
        await LoadAsync(cancellationToken);
        // Not a redirect: the secret is in this answer and nowhere else, and must not be cached on the way.
        Response.Headers.CacheControl = "no-store";
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(int id, CancellationToken cancellationToken)
    {
        var token = await db.ApiTokens.AsNoTracking().FirstOrDefaultAsync(t => t.Id == id, cancellationToken);
        if (token is null)
        {
            return NotFound();
        }

        if (!this.IsConfirmed())
        {
            return this.Confirm(new ConfirmView(
                L["Revoke this token"],
                [L["The token “{0}” ({1}…) stops working at once: every system using it is refused from its next request.", token.Name, token.Prefix], L["This cannot be undone; make a new token if it is needed again."]],
                L["Yes, revoke it"],
                "/admin/api-tokens"));
        }

        Message = await tokens.RevokeAsync(id, cancellationToken) ? L["Revoked: the token no longer works."] : L["This token was already revoked."];
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var editions = await db.Editions.AsNoTracking().OrderByDescending(e => e.StartDate).Select(e => new { e.Id, e.Slug, e.NameEn, e.NameZh }).ToListAsync(cancellationToken);
        var chinese = Summit.Core.Text.Cultures.IsChinese(System.Globalization.CultureInfo.CurrentUICulture);
        var names = editions.ToDictionary(e => e.Id, e => chinese ? e.NameZh : e.NameEn);
        AllEditions = editions.Select(e => (e.Id, names[e.Id])).ToList();
        var now = clock.GetUtcNow();
        var all = await db.ApiTokens.AsNoTracking().OrderByDescending(t => t.Id).Take(500).ToListAsync(cancellationToken);
        Rows = all.Select(t => new TokenRow(t, t.Editions?.Select(id => names.GetValueOrDefault(id, $"#{id}")).ToList() ?? [], t.IsActive(now))).ToList();
    }
}
