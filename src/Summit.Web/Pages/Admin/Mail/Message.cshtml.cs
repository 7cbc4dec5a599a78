using Microsoft.AspNetCore.Mvc;
using Summit.Web.Hosting;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Summit.Core.Data;
using Summit.Core.Mail;
using Summit.Jobs.Mail;

namespace Summit.Web.Pages.Admin.Mail;

/// <summary>One logged email: its headers, state and both bodies; a failed one can be sent again, a queued one stopped.</summary>
public sealed class MessageModel(SummitDbContext db, MailOutbox outbox, TimeProvider clock, Microsoft.Extensions.Options.IOptions<SmtpOptions> smtp, IStringLocalizer<SharedResource> L) : PageModel
{
    public string MessageIdDomain => smtp.Value.MessageIdDomain;

    /// <summary>The HTML body is shown as its own document, sandboxed: no script, no form, no request anywhere.</summary>
    public const string HtmlPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; sandbox";

    public OutgoingMail Mail { get; private set; } = null!;

    /// <summary>Sign-in codes and password links are not for organizers' eyes: the text stays hidden.</summary>
    public bool Hidden => Jobs.Accounts.AccountMails.CarriesSecret(Mail.Kind);

    public IReadOnlyList<(string FileName, string ContentType, int Bytes)> Files { get; private set; } = [];

    [TempData]
    public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnGetHtmlAsync(long id, CancellationToken cancellationToken)
    {
        var found = await db.OutgoingMails.AsNoTracking().Where(m => m.Id == id).Select(m => new { m.HtmlBody, m.Kind }).FirstOrDefaultAsync(cancellationToken);
        if (found is null || Jobs.Accounts.AccountMails.CarriesSecret(found.Kind))
        {
            return NotFound();
        }

        var html = found.HtmlBody;

        Response.Headers.ContentSecurityPolicy = HtmlPolicy;
        return Content(html, "text/html; charset=utf-8");
    }

    public async Task<IActionResult> OnPostResendAsync(long id, CancellationToken cancellationToken)
    {
        var mail = await db.OutgoingMails.FirstOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (mail is null)
        {
            return NotFound();
        }

        if (!mail.Requeue(clock.GetUtcNow()))
        {
            Message = L["Only a failed or cancelled email can be sent again."];
            return RedirectToPage(new { id });
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            Message = L["Someone changed this email at the same moment; look again."];
            return RedirectToPage(new { id });
        }

        outbox.Enqueue(mail.Id);
        Message = L["Queued again; it goes out as the same message."];
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostCancelAsync(long id, CancellationToken cancellationToken)
    {
        var mail = await db.OutgoingMails.FirstOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (mail is null)
        {
            return NotFound();
        }

        if (!this.IsConfirmed())
        {
            return this.Confirm(new ConfirmView(L["Stop this email"], [L["“{0}” to {1} will not be sent.", mail.Subject, mail.ToAddress]], L["Yes, stop it"], $"/admin/mail/{id}"));
        }

        var cancelled = mail.Cancel(clock.GetUtcNow());
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            cancelled = false;
        }

        Message = cancelled ? L["Stopped: this email will not be sent."] : L["Too late to stop: this email is being sent or was sent."];
        return RedirectToPage(new { id });
    }

    private async Task<bool> LoadAsync(long id, CancellationToken cancellationToken)
    {
        var mail = await db.OutgoingMails.AsNoTracking().FirstOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (mail is null)
        {
            return false;
        }

        Mail = mail;
        Files = (await db.Set<OutgoingMailAttachment>().AsNoTracking().Where(a => EF.Property<long>(a, "MailId") == id)
                .Select(a => new { a.FileName, a.ContentType, Bytes = a.Content.Length }).ToListAsync(cancellationToken))
            .Select(a => (a.FileName, a.ContentType, a.Bytes)).ToList();
        return true;
    }
}
