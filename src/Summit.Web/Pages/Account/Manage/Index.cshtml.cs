using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Summit.Core.Accounts;

namespace Summit.Web.Pages.Account.Manage;

public sealed class IndexModel(UserManager<SummitUser> users, SignInManager<SummitUser> signIn) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public string Email { get; private set; } = "";

    public IList<string> Roles { get; private set; } = [];

    public bool TwoFactorEnabled { get; private set; }

    public bool Saved { get; private set; }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Enter your name.")]
        [StringLength(100, ErrorMessage = "Keep this under {1} characters.")]
        [Display(Name = "Your name")]
        public string DisplayName { get; set; } = "";

        [StringLength(100, ErrorMessage = "Keep this under {1} characters.")]
        [Display(Name = "Your name in Chinese characters (optional)")]
        public string? DisplayNameZh { get; set; }

        [Display(Name = "Language for emails")]
        public string PreferredCulture { get; set; } = Cultures.English;
    }

    public async Task<IActionResult> OnGetAsync(bool saved = false)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        await Load(user);
        Input.DisplayName = user.DisplayName;
        Input.DisplayNameZh = user.DisplayNameZh;
        Input.PreferredCulture = user.PreferredCulture;
        Saved = saved;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        if (!ModelState.IsValid)
        {
            await Load(user);
            return Page();
        }

        user.DisplayName = Input.DisplayName.Trim();
        user.DisplayNameZh = string.IsNullOrWhiteSpace(Input.DisplayNameZh) ? null : Input.DisplayNameZh.Trim();
        user.PreferredCulture = Cultures.Normalize(Input.PreferredCulture);
        await users.UpdateAsync(user);
        await signIn.RefreshSignInAsync(user);
        return RedirectToPage(new { saved = true });
    }

    private async Task Load(SummitUser user)
    {
        Email = user.Email ?? "";
        Roles = await users.GetRolesAsync(user);
        TwoFactorEnabled = await users.GetTwoFactorEnabledAsync(user);
    }
}
