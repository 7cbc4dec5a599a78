using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Summit.Web.Hosting;

/// <summary>What a confirmation page says: what is about to happen, to whom, and the button that does it.</summary>
public sealed record ConfirmView(string Title, IReadOnlyList<string> Effects, string Button, string BackUrl)
{
    /// <summary>The form fields of the first post, sent again with the confirmation.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Fields { get; init; } = [];

    public string Action { get; init; } = "";
}

/// <summary>
/// Anything that destroys or cannot be undone is posted twice: the first post shows what will happen and changes
/// nothing; the confirmation page posts the same fields again with <c>confirmed=yes</c>. No script is needed.
/// </summary>
public static class Confirmation
{
    public const string Field = "confirmed";

    public static bool IsConfirmed(this PageModel page)
    {
        ArgumentNullException.ThrowIfNull(page);
        return page.Request.HasFormContentType && page.Request.Form[Field] == "yes";
    }

    public static IActionResult Confirm(this PageModel page, ConfirmView view)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(view);
        var request = page.Request;
        var fields = request.HasFormContentType
            ? request.Form.Where(f => f.Key is not ("__RequestVerificationToken" or Field)).SelectMany(f => f.Value.Select(v => new KeyValuePair<string, string>(f.Key, v ?? ""))).ToList()
            : [];
        page.ViewData["Title"] = view.Title;
        return page.Partial("_Confirm", view with { Fields = fields, Action = request.Path + request.QueryString });
    }
}
