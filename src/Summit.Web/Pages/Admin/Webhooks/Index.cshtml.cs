using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Summit.Core.Data;
using Summit.Core.Webhooks;

namespace Summit.Web.Pages.Admin.Webhooks;

/// <summary>An edition's webhook endpoints: the list with each one's state, and a form for a new one.</summary>
public sealed class IndexModel(SummitDbContext db, WebhookEndpoints endpoints, Microsoft.Extensions.Localization.IStringLocalizer<SharedResource> L) : PageModel
{
    public sealed class EndpointInput
    {
        public int EditionId { get; set; }

        public string? Url { get; set; }

        public string? Description { get; set; }

        public List<string> EventTypes { get; set; } = [];
    }

    public sealed record Row(WebhookEndpoint Endpoint, string Edition, int Waiting, int Failed);

    [BindProperty]
    public EndpointInput Input { get; set; } = new();

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public IReadOnlyList<(int Id, string Name)> Editions { get; private set; } = [];

    [TempData]
    public string? Message { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken cancellationToken)
    {
        var saved = await endpoints.CreateAsync(Input.EditionId, new WebhookEndpointRequest(Input.Url, Input.Description, Input.EventTypes), User.FindFirstValue(ClaimTypes.NameIdentifier), cancellationToken);
        if (!saved.Saved)
        {
            foreach (var refusal in saved.Refusals)
            {
                ModelState.AddModelError(refusal.Field == "Edition" ? $"{nameof(Input)}.{nameof(EndpointInput.EditionId)}" : $"{nameof(Input)}.{refusal.Field}", L[refusal.Message]);
            }

            await LoadAsync(cancellationToken);
            return Page();
        }

        Message = L["Endpoint added. Copy its signing secret below into the receiver, then send a test event."];
        return RedirectToPage("Endpoint", new { id = saved.EndpointId });
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var chinese = Summit.Core.Text.Cultures.IsChinese(System.Globalization.CultureInfo.CurrentUICulture);
        var editions = await db.Editions.AsNoTracking().OrderByDescending(e => e.StartDate).Select(e => new { e.Id, e.NameEn, e.NameZh }).ToListAsync(cancellationToken);
        Editions = editions.Select(e => (e.Id, chinese ? e.NameZh : e.NameEn)).ToList();
        if (Input.EditionId == 0 && Editions.Count > 0)
        {
            Input.EditionId = Editions[0].Id;
        }

        var names = Editions.ToDictionary(e => e.Id, e => e.Name);
        var all = await db.WebhookEndpoints.AsNoTracking().OrderBy(e => e.EditionId).ThenBy(e => e.Id).ToListAsync(cancellationToken);
        var counts = await db.WebhookDeliveries.AsNoTracking().Where(d => d.Status != WebhookDeliveryStatus.Delivered)
            .GroupBy(d => new { d.EndpointId, d.Status }).Select(g => new { g.Key.EndpointId, g.Key.Status, Count = g.Count() }).ToListAsync(cancellationToken);
        Rows = all.Select(e => new Row(e, names.GetValueOrDefault(e.EditionId, $"#{e.EditionId}"),
            counts.Where(c => c.EndpointId == e.Id && c.Status == WebhookDeliveryStatus.Pending).Sum(c => c.Count),
            counts.Where(c => c.EndpointId == e.Id && c.Status == WebhookDeliveryStatus.Failed).Sum(c => c.Count))).ToList();
    }
}
