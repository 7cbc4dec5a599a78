using Hangfire;
using Microsoft.AspNetCore.Identity;
using Summit.Core.Accounts;

namespace Summit.Jobs.Accounts;

/// <summary>What a "forgot password" or "resend confirmation" form asked for.</summary>
public enum AccountLinkRequest
{
    /// <summary>A reset link for a confirmed account; an unconfirmed one gets its confirmation link, which proves the same.</summary>
    PasswordReset,

    /// <summary>The confirmation link again, for an account not yet confirmed.</summary>
    Confirmation,
}

/// <summary>
/// Looks up the address a form was given and sends the link it asked for, or nothing when no account (or no
/// unconfirmed one) uses it. The form only enqueues this job, whatever the address, so its answer and its time are
/// the same for every address (issue 21). Run twice (a worker died after sending), it still queues one email: the
/// request's id is the mail's version. Do not rename: Hangfire stores this type's name with each job.
/// </summary>
public sealed class SendAccountLinkJob(UserManager<SummitUser> users, AccountMailer mailer)
{
    /// <summary>Enqueues the job for an address as typed; what it finds is decided when it runs.</summary>
    public static string Enqueue(IBackgroundJobClient jobs, AccountLinkRequest request, string email, string? returnPath = null)
    {
        ArgumentNullException.ThrowIfNull(jobs);
        var requestId = Guid.NewGuid().ToString("N");
        var back = Core.Site.SiteLinks.ReturnPath(returnPath);
        return jobs.Enqueue<SendAccountLinkJob>(JobQueues.Mail, job => job.RunAsync(request, email.Trim(), requestId, back));
    }

    /// <summary>The form of jobs enqueued before links carried a return path; kept so those still run.</summary>
    [AutomaticRetry(Attempts = 5)]
    public Task RunAsync(AccountLinkRequest request, string email, string requestId) => RunAsync(request, email, requestId, null);

    [AutomaticRetry(Attempts = 5)]
    public async Task RunAsync(AccountLinkRequest request, string email, string requestId, string? returnPath)
    {
        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            return;
        }

        switch (request)
        {
            case AccountLinkRequest.PasswordReset when user.EmailConfirmed:
                await mailer.SendPasswordResetAsync(user, requestId);
                break;
            case AccountLinkRequest.PasswordReset:
            case AccountLinkRequest.Confirmation when !user.EmailConfirmed:
                await mailer.SendConfirmationAsync(user, requestId, returnPath);
                break;
            default:
                // Already confirmed: nothing to resend.
                break;
        }
    }
}
