using System.Globalization;
using Summit.Core.Scheduling;
using Summit.Jobs.Mail;

namespace Summit.Jobs.Scheduling;

/// <summary>
/// The one message a person gets when a programme version changes sessions they care about: each session with its old
/// and new time and room, or its cancellation, in their language and the edition's time zone, and an .ics that updates
/// their calendar (same UIDs, higher SEQUENCE).
/// </summary>
public static class ScheduleChangeMails
{
    public const string DigestKind = "schedule.changes";

    /// <summary>What one session's change looks like to the reader.</summary>
    public sealed record Line(ScheduleChange Change, string? OldRoom, string? NewRoom);

    public static MailDraft Digest(DigestRecipient recipient, Programme programme, IReadOnlyList<Line> lines, Uri link, byte[] calendar)
    {
        ArgumentNullException.ThrowIfNull(recipient);
        ArgumentNullException.ThrowIfNull(programme);
        ArgumentNullException.ThrowIfNull(lines);
        var chinese = Cultures.IsChinese(recipient.Culture);
        var edition = programme.Edition.Name(chinese);
        var zone = programme.Zone;
        var culture = CultureInfo.GetCultureInfo(chinese ? "zh-Hans" : "en-GB");
        string When(DateTimeOffset? start, DateTimeOffset? end)
        {
            if (start is not { } s || end is not { } e)
            {
                return "";
            }

            var from = TimeZoneInfo.ConvertTime(s, zone);
            var to = TimeZoneInfo.ConvertTime(e, zone);
            return from.ToString(chinese ? "M月d日 HH:mm" : "ddd d MMM HH:mm", culture) + "–" + to.ToString("HH:mm", CultureInfo.InvariantCulture);
        }

        var items = lines.Select(l =>
        {
            var c = l.Change;
            var title = c.Title(chinese);
            var before = $"{When(c.OldStartsAt, c.OldEndsAt)}, {l.OldRoom}";
            var after = $"{When(c.NewStartsAt, c.NewEndsAt)}, {l.NewRoom}";
            return (c.Kind, chinese) switch
            {
                (ScheduleChangeKind.Moved, false) => $"{title}: moved from {before} to {after}",
                (ScheduleChangeKind.Moved, true) => $"{title}：由 {before} 改为 {after}",
                (ScheduleChangeKind.Cancelled, false) => $"{title} ({before}): cancelled",
                (ScheduleChangeKind.Cancelled, true) => $"{title}（{before}）：已取消",
                (ScheduleChangeKind.Reinstated, false) => $"{title}: back on the programme, {after}",
                (ScheduleChangeKind.Reinstated, true) => $"{title}：恢复举行，{after}",
                (ScheduleChangeKind.Removed, false) => $"{title} ({before}): taken off the programme",
                (ScheduleChangeKind.Removed, true) => $"{title}（{before}）：已从日程中移除",
                (ScheduleChangeKind.Added, false) => $"{title}: added, {after}",
                (ScheduleChangeKind.Added, true) => $"{title}：新增，{after}",
                (ScheduleChangeKind.SpeakersChanged, false) => $"{title} ({after}): speakers changed",
                (ScheduleChangeKind.SpeakersChanged, true) => $"{title}（{after}）：演讲嘉宾有变动",
                (_, false) => $"{title} ({after}): details changed",
                _ => $"{title}（{after}）：信息有更新",
            };
        }).ToList();
        var version = programme.Version?.Number ?? 0;
        var zoneLabel = ScheduleTime.ZoneLabel(zone, programme.Sessions.Count > 0 ? programme.Sessions[0].StartsAt : DateTimeOffset.UtcNow);
        var draft = chinese
            ? MailLayout.Draft(DigestKind, recipient.Email, recipient.Name, recipient.Culture,
                $"日程变更（第 {version} 版）· {edition}", $"{recipient.Name}，您好：",
                [$"{edition}的日程已更新。与您相关的场次有以下变动（时间均为会议当地时间，{zoneLabel}）：", "附件中的日历文件可更新您日历中的这些场次。"],
                items, "查看最新日程", link, "您收到此邮件，是因为您收藏、报名了这些场次或是其演讲嘉宾。")
            : MailLayout.Draft(DigestKind, recipient.Email, recipient.Name, recipient.Culture,
                $"Programme changes (version {version}) · {edition}", $"Dear {recipient.Name},",
                [$"The programme of {edition} has been updated. These changes concern sessions you follow (times are local to the summit, {zoneLabel}):", "The attached calendar file updates these sessions in your calendar."],
                items, "See the programme", link, "You receive this because you starred, signed up for or speak at these sessions.");
        return draft with { Attachments = [new MailAttachment("programme-changes.ics", "text/calendar; method=PUBLISH; charset=utf-8", calendar)] };
    }
}
