using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Summit.Core.Data;
using Summit.Core.Webhooks;
using Summit.Web.Hosting;

namespace Summit.Web.Pages.Admin.Webhooks;

/// <summary>
/// One endpoint: its secret, its settings, pause and resume, a test event, and the delivery log (newest first, a
/// page at a time) with each attempt's answer and a redelivery button.
/// </summary>
public sealed class EndpointModel(SummitDbContext db, WebhookEndpoints endpoints, Microsoft.Extensions.Localization.IStringLocalizer<SharedResource> L) : PageModel
{
    public const int PageSize = 50;

    public sealed class EndpointInput
    {
        public string? Url { get; set; }

        public string? Description { get; set; }

        public List<string> EventTypes { get; set; } = [];
    }

    [BindProperty]
    public EndpointInput Input { get; set; } = new();

    public WebhookEndpoint Endpoint { get; private set; } = null!;

    public string EditionName { get; private set; } = "";

    public IReadOnlyList<WebhookDelivery> Deliveries { get; private set; } = [];

    public int FailedCount { get; private set; }

    /// <summary>The id to continue the log before, when there are older deliveries.</summary>
    public long? OlderBefore { get; private set; }

    [TempData]
    public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, long? before, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, before, cancellationToken))
        {
            return NotFound();
        }

        Input = new EndpointInput { Url = Endpoint.Url, Description = Endpoint.Description, EventTypes = [.. Endpoint.Types] };
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(int id, CancellationToken cancellationToken)
    {
        var saved = await endpoints.UpdateAsync(id, new WebhookEndpointRequest(Input.Url, Input.Description, Input.EventTypes), cancellationToken);
        if (saved.Saved)
        {
            Message = L["Saved."];
            return RedirectToPage(new { id });
        }

        foreach (var refusal in saved.Refusals)
        {
            ModelState.AddModelError(refusal.Field.Length == 0 ? "" : $"{nameof(Input)}.{refusal.Field}", L[refusal.Message]);
        }

        return await LoadAsync(id, null, cancellationToken) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostPauseAsync(int id, CancellationToken cancellationToken)
    {
        Message = await endpoints.PauseAsync(id, cancellationToken) ? L["Paused. Events are kept and go out in order once it is resumed."] : L["This endpoint was already paused."];
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostResumeAsync(int id, CancellationToken cancellationToken)
    {
        Message = await endpoints.ResumeAsync(id, cancellationToken) ? L["Resumed. Waiting events are being sent."] : L["This endpoint was not paused."];
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostTestAsync(int id, CancellationToken cancellationToken)
    {
        if (await endpoints.SendTestAsync(id, cancellationToken) is null)
        {
            return NotFound();
        }

        Message = L["A test event is on its way; its delivery appears in the log below."];
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostRedeliverAsync(int id, long delivery, CancellationToken cancellationToken)
    {
        var refused = await endpoints.RedeliverAsync(id, delivery, cancellationToken);
        Message = refused is null ? L["Sent again, with the same event id."] : L[refused.Message];
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostRedeliverFailedAsync(int id, CancellationToken cancellationToken)
    {
        var count = await endpoints.RedeliverFailedAsync(id, cancellationToken);
        Message = count == 0 ? L["No failed delivery to send again."] : L["{0} failed deliveries are being sent again, with their event ids.", count];
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostSecretAsync(int id, CancellationToken cancellationToken)
    {
        if (!this.IsConfirmed())
        {
            return this.Confirm(new ConfirmView(
                L["Make a new signing secret"],
                [L["From the next delivery, events are signed with the new secret: the receiver refuses them until it has the new one."], L["The old secret cannot be brought back."]],
                L["Yes, make a new secret"],
                $"/admin/webhooks/{id}"));
        }

        Message = await endpoints.RollSecretAsync(id, cancellationToken) ? L["New secret made: copy it into the receiver."] : L["This endpoint does not exist (any more)."];
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id, CancellationToken cancellationToken)
    {
        var endpoint = await db.WebhookEndpoints.AsNoTracking().FirstOrDefaultAsync(e => e.Id == id, cancellationToken);
        if (endpoint is null)
        {
            return NotFound();
        }

        if (!this.IsConfirmed())
        {
            return this.Confirm(new ConfirmView(
                L["Remove this endpoint"],
                [L["Summit stops sending events to {0}, and its delivery log is removed with it.", endpoint.Url], L["Events not yet delivered to it are dropped. This cannot be undone; pause it instead to keep them."]],
                L["Yes, remove it"],
                $"/admin/webhooks/{id}"));
        }

        await endpoints.DeleteAsync(id, cancellationToken);
        TempData["Message"] = L["Endpoint removed."].Value;
        return RedirectToPage("Index");
    }

    private async Task<bool> LoadAsync(int id, long? before, CancellationToken cancellationToken)
    {
        var endpoint = await db.WebhookEndpoints.AsNoTracking().FirstOrDefaultAsync(e => e.Id == id, cancellationToken);
        if (endpoint is null)
        {
            return false;
        }

        Endpoint = endpoint;
        var chinese = Summit.Core.Text.Cultures.IsChinese(System.Globalization.CultureInfo.CurrentUICulture);
        EditionName = await db.Editions.AsNoTracking().Where(e => e.Id == endpoint.EditionId).Select(e => chinese ? e.NameZh : e.NameEn).FirstAsync(cancellationToken);
        FailedCount = await db.WebhookDeliveries.CountAsync(d => d.EndpointId == id && d.Status == WebhookDeliveryStatus.Failed && d.Body != WebhookErasure.ErasedBody, cancellationToken);
        var query = db.WebhookDeliveries.AsNoTracking().Where(d => d.EndpointId == id);
        if (before is { } b)
        {
            query = query.Where(d => d.Id < b);
        }

        var page = await query.OrderByDescending(d => d.Id).Take(PageSize + 1).ToListAsync(cancellationToken);
        Deliveries = page.Take(PageSize).ToList();
        OlderBefore = page.Count > PageSize ? Deliveries[^1].Id : null;
        return true;
    }
}
