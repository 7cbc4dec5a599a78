using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using QRCoder;
using Summit.Core.Accounts;

namespace Summit.Web.Pages.Account.Manage;

/// <summary>TOTP two-factor: set up an authenticator app (key and QR code), confirm it with a code, get recovery codes, turn it off.</summary>
/// <remarks>
/// Opening the page changes nothing. Making the authenticator key is a POST that stores it without touching the
/// security stamp (Identity's <c>ResetAuthenticatorKeyAsync</c> renews the stamp, which signed out every session of
/// the account a minute after someone merely looked at this page); only turning 2FA on or off renews the stamp.
/// </remarks>
public sealed class TwoFactorModel(UserManager<SummitUser> users, SignInManager<SummitUser> signIn, IUserStore<SummitUser> store, Microsoft.Extensions.Options.IOptions<StrongSignInOptions> strong, Microsoft.Extensions.Localization.IStringLocalizer<SharedResource> L) : PageModel
{
    [BindProperty]
    [Required(ErrorMessage = "Enter the 6-digit code from your authenticator app.")]
    [StringLength(7, MinimumLength = 6, ErrorMessage = "Enter the 6-digit code from your authenticator app.")]
    [Display(Name = "Authenticator code")]
    public string Code { get; set; } = "";

    public bool Enabled { get; private set; }

    public string SharedKey { get; private set; } = "";

    public string QrCodeDataUri { get; private set; } = "";

    public IReadOnlyList<string> RecoveryCodes { get; private set; } = [];

    public int RecoveryCodesLeft { get; private set; }

    public bool HasKey { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        await Load(user);
        return Page();
    }

    public async Task<IActionResult> OnPostSetupAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        if (!await users.GetTwoFactorEnabledAsync(user) && string.IsNullOrEmpty(await users.GetAuthenticatorKeyAsync(user)))
        {
            await ((IUserAuthenticatorKeyStore<SummitUser>)store).SetAuthenticatorKeyAsync(user, users.GenerateNewAuthenticatorKey(), HttpContext.RequestAborted);
            await users.UpdateAsync(user);
        }

        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostEnableAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        if (ModelState.IsValid)
        {
            var code = Code.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
            var valid = await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code);
            if (valid)
            {
                await users.SetTwoFactorEnabledAsync(user, true);
                RecoveryCodes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10))?.ToList() ?? [];
                await signIn.RefreshSignInAsync(user);
                ModelState.Clear();
            }
            else
            {
                ModelState.AddModelError(nameof(Code), L["That code is not correct. Codes change every 30 seconds."]);
            }
        }

        await Load(user);
        return Page();
    }

    public async Task<IActionResult> OnPostDisableAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        if (!StrongSignIn.MayChangeFactors(User, strong.Value.RequireStrongSignInForRoles, await StrongSignIn.HasStrongFactorAsync(users, user)))
        {
            ModelState.AddModelError(string.Empty, L[StrongSignIn.ChangeRefused]);
            await Load(user);
            return Page();
        }

        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        await signIn.RefreshSignInAsync(user);
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRecoveryCodesAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        if (await users.GetTwoFactorEnabledAsync(user))
        {
            RecoveryCodes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10))?.ToList() ?? [];
        }

        ModelState.Clear();
        await Load(user);
        return Page();
    }

    private async Task Load(SummitUser user)
    {
        Enabled = await users.GetTwoFactorEnabledAsync(user);
        RecoveryCodesLeft = await users.CountRecoveryCodesAsync(user);
        if (Enabled)
        {
            return;
        }

        var key = await users.GetAuthenticatorKeyAsync(user);
        HasKey = !string.IsNullOrEmpty(key);
        if (key is null || !HasKey)
        {
            return;
        }

        SharedKey = string.Join(' ', key.Chunk(4).Select(c => new string(c))).ToLowerInvariant();
        var uri = $"otpauth://totp/{Uri.EscapeDataString("CCI-FS Summit")}:{Uri.EscapeDataString(user.Email ?? "")}?secret={key}&issuer={Uri.EscapeDataString("CCI-FS Summit")}&digits=6";
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(uri, QRCodeGenerator.ECCLevel.M);
        var png = new PngByteQRCode(data).GetGraphic(6);
        QrCodeDataUri = "data:image/png;base64," + Convert.ToBase64String(png);
    }
}
