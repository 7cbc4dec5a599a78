using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;
using Summit.Core.Accounts;
using Summit.Web.Hosting;

namespace Summit.Web.Pages.Account.Manage;

/// <summary>The person's passkeys: add one (the browser makes it, Identity checks it), name them, remove one (after a confirmation).</summary>
public sealed class PasskeysModel(UserManager<SummitUser> users, SignInManager<SummitUser> signIn, Microsoft.Extensions.Options.IOptions<StrongSignInOptions> strong, Microsoft.Extensions.Localization.IStringLocalizer<SharedResource> L) : PageModel
{
    public const int NameLength = 100;

    public enum Outcome
    {
        None,
        Added,
        Renamed,
        Removed,
        NotFound,
    }

    public sealed record Row(string Id, string Name, DateTimeOffset CreatedAt, bool Synced);

    public IReadOnlyList<Row> Passkeys { get; private set; } = [];

    public Outcome Result { get; private set; }

    [BindProperty]
    [StringLength(NameLength, ErrorMessage = "Keep this under {1} characters.")]
    [Display(Name = "Name of the passkey")]
    public string? Name { get; set; }

    public async Task<IActionResult> OnGetAsync(Outcome outcome = Outcome.None)
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }

        Result = Enum.IsDefined(outcome) ? outcome : Outcome.None;
        await LoadAsync(user);
        return Page();
    }

    /// <summary>The options the browser's <c>navigator.credentials.create()</c> takes, fetched by the page's script.</summary>
    public async Task<IActionResult> OnPostCreationOptionsAsync()
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }

        if (!await MayAddAsync(user))
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        var options = await signIn.MakePasskeyCreationOptionsAsync(new PasskeyUserEntity { Id = user.Id, Name = user.Email ?? user.Id, DisplayName = user.DisplayName });
        return Content(options, "application/json");
    }

    /// <summary>The passkey the browser made (<c>credential</c>, as JSON), checked against the options and kept.</summary>
    public async Task<IActionResult> OnPostAddAsync(string? credential)
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }

        if (!ModelState.IsValid)
        {
            await LoadAsync(user);
            return Page();
        }

        if (!await MayAddAsync(user))
        {
            ModelState.AddModelError(string.Empty, L[StrongSignIn.ChangeRefused]);
            await LoadAsync(user);
            return Page();
        }

        var attested = string.IsNullOrEmpty(credential) ? null : await signIn.PerformPasskeyAttestationAsync(credential);
        if (attested is not { Succeeded: true })
        {
            ModelState.AddModelError(string.Empty, L["The passkey could not be added. Try again; if it fails again, your browser or device may not support passkeys."]);
            await LoadAsync(user);
            return Page();
        }

        attested.Passkey.Name = string.IsNullOrWhiteSpace(Name) ? null : Name.Trim();
        var added = await users.AddOrUpdatePasskeyAsync(user, attested.Passkey);
        if (!added.Succeeded)
        {
            ModelState.AddModelError(string.Empty, L["The passkey could not be added. Try again; if it fails again, your browser or device may not support passkeys."]);
            await LoadAsync(user);
            return Page();
        }

        return RedirectToPage(new { outcome = Outcome.Added });
    }

    public async Task<IActionResult> OnPostRenameAsync(string? id)
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }

        if (!ModelState.IsValid)
        {
            await LoadAsync(user);
            return Page();
        }

        if (Decode(id) is not { } credentialId || await users.GetPasskeyAsync(user, credentialId) is not { } passkey)
        {
            return RedirectToPage(new { outcome = Outcome.NotFound });
        }

        passkey.Name = string.IsNullOrWhiteSpace(Name) ? null : Name.Trim();
        await users.AddOrUpdatePasskeyAsync(user, passkey);
        return RedirectToPage(new { outcome = Outcome.Renamed });
    }

    public async Task<IActionResult> OnPostRemoveAsync(string? id)
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }

        if (Decode(id) is not { } credentialId || await users.GetPasskeyAsync(user, credentialId) is not { } passkey)
        {
            return RedirectToPage(new { outcome = Outcome.NotFound });
        }

        if (!this.IsConfirmed())
        {
            return this.Confirm(new ConfirmView(
                L["Remove the passkey"],
                [L["The passkey “{0}” will no longer sign you in. The device keeps it until you delete it there too.", passkey.Name ?? L["Passkey"].Value]],
                L["Yes, remove it"],
                "/account/manage/passkeys"));
        }

        await users.RemovePasskeyAsync(user, credentialId);
        return RedirectToPage(new { outcome = Outcome.Removed });
    }

    private async Task<bool> MayAddAsync(SummitUser user) =>
        StrongSignIn.MayChangeFactors(User, strong.Value.RequireStrongSignInForRoles, await StrongSignIn.HasStrongFactorAsync(users, user));

    private async Task LoadAsync(SummitUser user) =>
        Passkeys = (await users.GetPasskeysAsync(user))
            .OrderBy(p => p.CreatedAt)
            .Select(p => new Row(WebEncoders.Base64UrlEncode(p.CredentialId), p.Name ?? "", p.CreatedAt, p.IsBackedUp))
            .ToList();

    private static byte[]? Decode(string? id)
    {
        if (string.IsNullOrEmpty(id))
        {
            return null;
        }

        try
        {
            return WebEncoders.Base64UrlDecode(id);
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
