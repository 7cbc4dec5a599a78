using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Summit.Core.Contact;
using Summit.Core.Data;
using Summit.Web.Hosting;

namespace Summit.Web.Pages;

/// <summary>"Leave a message": stored for the organizers, who read it in /admin/messages.</summary>
[EnableRateLimiting(SummitWebServices.FormsRateLimit)]
public sealed class ContactModel(SummitDbContext db, TimeProvider clock) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public bool Sent { get; private set; }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Enter your name.")]
        [StringLength(ContactMessage.NameMaxLength, ErrorMessage = "Keep this under {1} characters.")]
        [Display(Name = "Your name")]
        public string Name { get; set; } = "";

        [Required(ErrorMessage = "Enter your email address, so that we can answer.")]
        [EmailAddress(ErrorMessage = "Enter a valid email address, like name@example.com.")]
        [StringLength(ContactMessage.EmailMaxLength, ErrorMessage = "Keep this under {1} characters.")]
        [Display(Name = "Email address")]
        public string Email { get; set; } = "";

        [Required(ErrorMessage = "Enter a subject.")]
        [StringLength(ContactMessage.SubjectMaxLength, ErrorMessage = "Keep this under {1} characters.")]
        [Display(Name = "Subject")]
        public string Subject { get; set; } = "";

        [Required(ErrorMessage = "Enter your message.")]
        [StringLength(ContactMessage.BodyMaxLength, ErrorMessage = "Keep this under {1} characters.")]
        [Display(Name = "Message")]
        public string Message { get; set; } = "";

        /// <summary>Hidden from people; bots fill it in. Named so that no browser autofills it.</summary>
        public string? LeaveEmpty { get; set; }
    }

    public void OnGet(bool sent = false) => Sent = sent;

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        if (string.IsNullOrEmpty(Input.LeaveEmpty))
        {
            db.ContactMessages.Add(new ContactMessage(Input.Name, Input.Email, Input.Subject, Input.Message, CultureInfo.CurrentUICulture.Name, clock.GetUtcNow()));
            await db.SaveChangesAsync(cancellationToken);
        }

        return RedirectToPage(new { sent = true });
    }
}
