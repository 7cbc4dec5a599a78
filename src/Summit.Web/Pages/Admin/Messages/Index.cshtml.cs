using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Summit.Core.Contact;
using Summit.Core.Data;

namespace Summit.Web.Pages.Admin.Messages;

/// <summary>Messages left through the contact form, newest first; unread ones can be filtered and marked read.</summary>
public sealed class IndexModel(SummitDbContext db, TimeProvider clock) : PageModel
{
    public const int PageSize = 50;

    public IReadOnlyList<ContactMessage> Messages { get; private set; } = [];

    public bool UnreadOnly { get; private set; }

    public int PageNumber { get; private set; } = 1;

    public bool HasMore { get; private set; }

    public async Task OnGetAsync(bool unread, int page, CancellationToken cancellationToken)
    {
        UnreadOnly = unread;
        PageNumber = Math.Max(1, page);
        var query = db.ContactMessages.AsNoTracking();
        if (unread)
        {
            query = query.Where(m => m.ReadAt == null);
        }

        var rows = await query.OrderByDescending(m => m.ReceivedAt).ThenByDescending(m => m.Id)
            .Skip((PageNumber - 1) * PageSize).Take(PageSize + 1).ToListAsync(cancellationToken);
        HasMore = rows.Count > PageSize;
        Messages = rows.Take(PageSize).ToList();
    }

    public async Task<IActionResult> OnPostMarkAsync(long id, bool read, CancellationToken cancellationToken)
    {
        var message = await db.ContactMessages.FirstOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (message is null)
        {
            return NotFound();
        }

        if (read)
        {
            message.MarkRead(User.Identity?.Name ?? "", clock.GetUtcNow());
        }
        else
        {
            message.MarkUnread();
        }

        await db.SaveChangesAsync(cancellationToken);
        return RedirectToPage();
    }
}
