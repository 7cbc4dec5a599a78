using Summit.Core.Registrations;
using Summit.Jobs.Mail;

namespace Summit.Jobs.Registrations;

/// <summary>
/// The registration emails, one per status a person can reach, in their preferred language, each with the link to
/// their registration. The Email issue will let organizers override these texts; the kinds stay the same.
/// </summary>
public static class RegistrationMails
{
    public sealed record Facts(string To, string Name, string Culture, string EditionName, string CategoryName, int? WaitlistPosition, string? Message, Uri Link);

    /// <summary>The placeholders an edition's own wording of these emails can use.</summary>
    public static IReadOnlyDictionary<string, string> Values(Facts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        return new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["name"] = facts.Name,
            ["edition"] = facts.EditionName,
            ["category"] = facts.CategoryName,
            ["link"] = facts.Link.AbsoluteUri,
            ["position"] = facts.WaitlistPosition?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "",
            ["message"] = facts.Message ?? "",
        };
    }

    public static string Kind(RegistrationStatus? from, RegistrationStatus to) => (from, to) switch
    {
        (_, RegistrationStatus.PendingApproval) => "registration.received",
        (RegistrationStatus.Waitlisted, RegistrationStatus.Confirmed) => "registration.promoted",
        (_, RegistrationStatus.Confirmed) => "registration.confirmed",
        (_, RegistrationStatus.Waitlisted) => "registration.waitlisted",
        (_, RegistrationStatus.Declined) => "registration.declined",
        _ => "registration.cancelled",
    };

    public static MailDraft For(RegistrationStatus? from, RegistrationStatus to, Facts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var kind = Kind(from, to);
        var chinese = Cultures.IsChinese(facts.Culture);
        var note = string.IsNullOrWhiteSpace(facts.Message) ? "" : (chinese ? $"\n\n主办方留言：{facts.Message}" : $"\n\nA message from the organizers: {facts.Message}");
        var (subject, body) = (kind, chinese) switch
        {
            ("registration.received", false) => ($"Registration received · {facts.EditionName}", $"We have received your registration as {facts.CategoryName}. The organizers review registrations in this category; you will hear from us as soon as they have decided."),
            ("registration.received", true) => ($"已收到您的注册 · {facts.EditionName}", $"我们已收到您以“{facts.CategoryName}”身份提交的注册。该类别需经主办方审核，审核结果将尽快通知您。"),
            ("registration.confirmed", false) => ($"Registration confirmed · {facts.EditionName}", $"Your registration as {facts.CategoryName} is confirmed. We look forward to welcoming you."),
            ("registration.confirmed", true) => ($"注册已确认 · {facts.EditionName}", $"您以“{facts.CategoryName}”身份的注册已确认，期待您的光临。"),
            ("registration.promoted", false) => ($"A seat for you · {facts.EditionName}", $"A seat has become free: your registration as {facts.CategoryName} moved from the waiting list and is now confirmed."),
            ("registration.promoted", true) => ($"为您预留了座位 · {facts.EditionName}", $"有座位空出：您以“{facts.CategoryName}”身份的注册已从候补名单转为确认。"),
            ("registration.waitlisted", false) => ($"On the waiting list · {facts.EditionName}", $"All seats as {facts.CategoryName} are taken. You are number {facts.WaitlistPosition} on the waiting list; we will tell you at once if a seat becomes free."),
            ("registration.waitlisted", true) => ($"已进入候补名单 · {facts.EditionName}", $"“{facts.CategoryName}”类别的座位已满。您在候补名单中排第 {facts.WaitlistPosition} 位；一旦有座位空出，我们会立即通知您。"),
            ("registration.declined", false) => ($"Registration not accepted · {facts.EditionName}", $"We are sorry: the organizers could not accept your registration as {facts.CategoryName}."),
            ("registration.declined", true) => ($"注册未获通过 · {facts.EditionName}", $"很抱歉，主办方未能通过您以“{facts.CategoryName}”身份提交的注册。"),
            (_, false) => ($"Registration cancelled · {facts.EditionName}", $"Your registration as {facts.CategoryName} is cancelled."),
            _ => ($"注册已取消 · {facts.EditionName}", $"您以“{facts.CategoryName}”身份的注册已取消。"),
        };
        return chinese
            ? MailLayout.Draft(kind, facts.To, facts.Name, facts.Culture, subject, $"{facts.Name}，您好：", body + note, "查看我的注册", facts.Link, "如非本人操作，请忽略此邮件。")
            : MailLayout.Draft(kind, facts.To, facts.Name, facts.Culture, subject, $"Dear {facts.Name},", body + note, "See my registration", facts.Link, "If you did not register, ignore this email.");
    }

    public const string LinkAgainKind = "registration.link";

    /// <summary>Someone registered again with this address: the existing registration's link, to the address only.</summary>
    public static MailDraft LinkAgain(Facts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        return Cultures.IsChinese(facts.Culture)
            ? MailLayout.Draft(LinkAgainKind, facts.To, facts.Name, facts.Culture, $"您的注册链接 · {facts.EditionName}", $"{facts.Name}，您好：",
                $"有人使用此邮箱再次提交了注册。此邮箱已注册为“{facts.CategoryName}”，无需重复注册。通过下面的链接可以查看、修改或取消您的注册。", "查看我的注册", facts.Link, "如非本人操作，请忽略此邮件；您的注册不受影响。")
            : MailLayout.Draft(LinkAgainKind, facts.To, facts.Name, facts.Culture, $"Your registration link · {facts.EditionName}", $"Dear {facts.Name},",
                $"Someone registered again with this address. It is already registered as {facts.CategoryName}, so nothing new was created. Use the link below to see, change or cancel your registration.", "See my registration", facts.Link, "If this was not you, ignore this email; your registration is unchanged.");
    }

    public const string SeatPromotedKind = "signup.promoted";

    /// <summary>A seat at a session with a seat limit became free and is now this person's (they were first in line).</summary>
    public static MailDraft SeatPromoted(Facts facts, string sessionTitle, string when)
    {
        ArgumentNullException.ThrowIfNull(facts);
        return Cultures.IsChinese(facts.Culture)
            ? MailLayout.Draft(SeatPromotedKind, facts.To, facts.Name, facts.Culture, $"为您预留了座位：{sessionTitle} · {facts.EditionName}", $"{facts.Name}，您好：",
                $"“{sessionTitle}”（{when}）有座位空出，您在候补名单中排在首位，现已为您预留座位。如无法出席，请通过下面的链接让出座位，以便留给其他来宾。", "查看我的场次", facts.Link, "如非本人操作，请忽略此邮件。")
            : MailLayout.Draft(SeatPromotedKind, facts.To, facts.Name, facts.Culture, $"A seat for you: {sessionTitle} · {facts.EditionName}", $"Dear {facts.Name},",
                $"A seat at “{sessionTitle}” ({when}) has become free, and as first in line it is now yours. If you cannot come, give it up through the link below so that it goes to the next guest.", "See my sessions", facts.Link, "If you did not sign up, ignore this email.");
    }

    public const string ReminderKind = "registration.reminder";

    /// <summary>The summit is near: its days and place, and the link to the registration (seats at sessions, details).</summary>
    public static MailDraft Reminder(Facts facts, int daysBefore, DateOnly first, DateOnly last, string venue, string city)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var chinese = Cultures.IsChinese(facts.Culture);
        var culture = System.Globalization.CultureInfo.GetCultureInfo(chinese ? "zh-Hans" : "en-GB");
        var days = first == last
            ? first.ToString(chinese ? "M月d日" : "d MMMM yyyy", culture)
            : first.ToString(chinese ? "M月d日" : "d MMMM", culture) + "–" + last.ToString(chinese ? "M月d日" : "d MMMM yyyy", culture);
        return chinese
            ? MailLayout.Draft(ReminderKind, facts.To, facts.Name, facts.Culture,
                daysBefore == 1 ? $"明天见 · {facts.EditionName}" : $"{daysBefore} 天后开幕 · {facts.EditionName}", $"{facts.Name}，您好：",
                [$"{facts.EditionName}将于{days}在{city}{venue}举行，您已确认以“{facts.CategoryName}”身份出席。", "通过下面的链接可以查看您的注册、预留座位有限的场次或修改您的信息。如无法出席，请取消注册，以便将座位留给其他来宾。"],
                [], "查看我的注册", facts.Link, "期待与您相见。")
            : MailLayout.Draft(ReminderKind, facts.To, facts.Name, facts.Culture,
                daysBefore == 1 ? $"See you tomorrow · {facts.EditionName}" : $"{daysBefore} days to go · {facts.EditionName}", $"Dear {facts.Name},",
                [$"{facts.EditionName} takes place on {days} at {venue}, {city}, and your place as {facts.CategoryName} is confirmed.", "Use the link below to see your registration, reserve seats at sessions with limited places or update your details. If you cannot come, please cancel so that your seat goes to another guest."],
                [], "See my registration", facts.Link, "We look forward to welcoming you.");
    }
}
