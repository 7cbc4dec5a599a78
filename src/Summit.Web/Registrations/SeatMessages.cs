using Microsoft.Extensions.Localization;
using Summit.Core.Registrations;
using Summit.Web.Localization;

namespace Summit.Web.Registrations;

/// <summary>What a seat reservation answers, the same from the registration's sessions page and from a session's own page.</summary>
public static class SeatMessages
{
    public static string SignedUp(SignupOutcome outcome, string title, IStringLocalizer L)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        ArgumentNullException.ThrowIfNull(L);
        return outcome.Result switch
        {
            SignupResult.Confirmed => L["Your seat at “{0}” is reserved.", title],
            SignupResult.Waitlisted => L["“{0}” is full. You are number {1} on its waiting list; if a seat becomes free, it is yours in that order and we email you.", title, outcome.WaitlistPosition ?? 0],
            SignupResult.AlreadySignedUp => L["You have already signed up for “{0}”.", title],
            _ => RefusalMessages.Text(outcome.Refusal!, L),
        };
    }

    public static string GaveUp(Core.Editions.Refusal? refusal, string title, IStringLocalizer L)
    {
        ArgumentNullException.ThrowIfNull(L);
        return refusal is null ? L["You gave up your seat or place in line at “{0}”.", title] : RefusalMessages.Text(refusal, L);
    }
}
