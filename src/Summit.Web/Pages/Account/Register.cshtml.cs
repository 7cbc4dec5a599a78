using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Summit.Core.Accounts;
using Summit.Core.Site;
using Summit.Jobs.Accounts;
using Summit.Web.Hosting;

namespace Summit.Web.Pages.Account;

[EnableRateLimiting(SummitWebServices.FormsRateLimit)]
public sealed class RegisterModel(UserManager<SummitUser> users, AccountMailer mailer, TimeProvider clock) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Enter your name.")]
        [StringLength(100, ErrorMessage = "Keep this under {1} characters.")]
        [Display(Name = "Your name")]
        public string DisplayName { get; set; } = "";

        [Required(ErrorMessage = "Enter your email address.")]
        [EmailAddress(ErrorMessage = "Enter a valid email address, like name@example.com.")]
        [StringLength(254, ErrorMessage = "Keep this under {1} characters.")]
        [Display(Name = "Email address")]
        public string Email { get; set; } = "";

        [Required(ErrorMessage = "Choose a password.")]
        [MinLength(IdentityRules.MinimumPasswordLength, ErrorMessage = "Passwords must be at least {1} characters long.")]
        [MaxLength(PasswordStrength.MaximumLength, ErrorMessage = "Passwords can be at most {1} characters long.")]
        [DataType(DataType.Password)]
        [Display(Name = "Password")]
        public string Password { get; set; } = "";

        [DataType(DataType.Password)]
        [Compare(nameof(Password), ErrorMessage = "The two passwords do not match.")]
        [Display(Name = "Repeat the password")]
        public string ConfirmPassword { get; set; } = "";

        [Display(Name = "Language for emails")]
        public string PreferredCulture { get; set; } = Cultures.English;
    }

    /// <summary>Where the visitor goes back to once the account is confirmed (an invitation, say); null for the home page.</summary>
    public string? ReturnUrl { get; private set; }

    public void OnGet(string? returnUrl)
    {
        ReturnUrl = SiteLinks.ReturnPath(returnUrl);
        Input.PreferredCulture = Cultures.IsChinese(System.Globalization.CultureInfo.CurrentUICulture) ? Cultures.Chinese : Cultures.English;
    }

    public async Task<IActionResult> OnPostAsync(string? returnUrl)
    {
        ReturnUrl = SiteLinks.ReturnPath(returnUrl);
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var email = Input.Email.Trim();
        var user = new SummitUser
        {
            UserName = email,
            Email = email,
            DisplayName = Input.DisplayName.Trim(),
            PreferredCulture = Cultures.Normalize(Input.PreferredCulture),
            CreatedAt = clock.GetUtcNow(),
        };

        // The password is judged before the address is looked up, so a weak one is refused alike for an address with
        // an account and one without.
        var refused = new List<IdentityError>();
        foreach (var validator in users.PasswordValidators)
        {
            refused.AddRange((await validator.ValidateAsync(users, user, Input.Password)).Errors);
        }

        if (refused.Count > 0)
        {
            foreach (var error in refused)
            {
                ModelState.AddModelError("Input.Password", error.Description);
            }

            return Page();
        }

        var existing = await users.FindByEmailAsync(email);
        if (existing is not null)
        {
            // Same answer as a new registration, so the form does not reveal who has an account; the owner gets told by
            // email. The password is hashed (and dropped) as a new account's would be, so the time says nothing either.
            users.PasswordHasher.HashPassword(existing, Input.Password);
            await mailer.SendAlreadyRegisteredAsync(existing, ReturnUrl);
            return RedirectToPage("RegisterConfirmation", new { email, returnUrl = ReturnUrl });
        }

        var created = await users.CreateAsync(user, Input.Password);
        if (!created.Succeeded)
        {
            foreach (var error in created.Errors)
            {
                var field = error.Code.StartsWith("Password", StringComparison.Ordinal) ? "Input.Password" : "Input.Email";
                ModelState.AddModelError(field, error.Description);
            }

            return Page();
        }

        var role = await users.AddToRoleAsync(user, Roles.Attendee);
        if (!role.Succeeded)
        {
            throw new InvalidOperationException($"Could not give {user.Id} the Attendee role: {string.Join("; ", role.Errors.Select(e => e.Code))}");
        }

        await mailer.SendConfirmationAsync(user, returnPath: ReturnUrl);
        return RedirectToPage("RegisterConfirmation", new { email, returnUrl = ReturnUrl });
    }
}
