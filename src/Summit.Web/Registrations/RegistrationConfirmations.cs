using Microsoft.Extensions.Localization;
using Summit.Core.Data;
using Summit.Core.Registrations;
using Summit.Core.Text;
using Summit.Web.Hosting;

namespace Summit.Web.Registrations;

/// <summary>The confirmation pages for cancelling, declining and erasing registrations: who is affected and how.</summary>
public static class RegistrationConfirmations
{
    public enum Kind
    {
        Cancel,
        Decline,
        CancelMine,
        EraseMine,
    }

    public static async Task<ConfirmView> ViewAsync(SummitDbContext db, IReadOnlyCollection<int> ids, Kind kind, string backUrl, IStringLocalizer L, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(L);
        var chinese = Cultures.IsChinese(System.Globalization.CultureInfo.CurrentUICulture);
        var what = await WhatWouldHappen.CancellingAsync(db, ids, chinese, cancellationToken);
        var names = string.Join(chinese ? "、" : ", ", what.Names);
        var effects = new List<string>();
        switch (kind)
        {
            case Kind.CancelMine:
                effects.Add(L["Your registration will be cancelled and you will get an email saying so."]);
                break;
            case Kind.EraseMine:
                effects.Add(L["Your registration will be cancelled."]);
                effects.Add(L["Your name, contact details and needs will be removed for good; only an anonymous count remains. This cannot be undone."]);
                break;
            default:
                effects.Add(what.Names.Count == 0
                    ? L["Nobody will be changed: these registrations are already cancelled or declined."]
                    : kind == Kind.Decline ? L["{0} will be declined and told by email.", names] : L["{0} will be cancelled and told by email.", names]);
                break;
        }

        if (what.SeatsFreed > 0)
        {
            effects.Add(what.Promoted.Count > 0
                ? L["This frees {0} seat(s): {1}, first on the waiting list, will be confirmed and emailed.", what.SeatsFreed, string.Join(chinese ? "、" : ", ", what.Promoted)]
                : L["This frees {0} seat(s); nobody is waiting, so they stay open.", what.SeatsFreed]);
        }

        if (what.SessionSeats > 0)
        {
            effects.Add(L["Seats reserved at sessions are given up: {0}.", what.SessionSeats]);
        }

        var (title, button) = kind switch
        {
            Kind.Decline => (L["Decline registrations"], L["Yes, decline"]),
            Kind.CancelMine => (L["Cancel my registration"], L["Yes, cancel my registration"]),
            Kind.EraseMine => (L["Erase my personal data"], L["Yes, erase my data"]),
            _ => (L["Cancel the registration"], L["Yes, cancel"]),
        };
        return new ConfirmView(title, effects, button, backUrl);
    }
}
