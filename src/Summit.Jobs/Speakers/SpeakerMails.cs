using Summit.Jobs.Mail;

namespace Summit.Jobs.Speakers;

public static class SpeakerMails
{
    public const string InvitationKind = "speaker.invitation";

    public static MailDraft Invitation(string to, string speakerName, string culture, Uri link, DateTimeOffset expiresAt)
    {
        ArgumentNullException.ThrowIfNull(link);
        return Cultures.IsChinese(culture)
            ? MailLayout.Draft(InvitationKind, to, speakerName, culture, "请维护您在中新金融峰会的嘉宾资料",
                $"{speakerName}，您好：",
                $"中新金融峰会主办方邀请您亲自维护您的嘉宾资料（姓名、职务、简介和照片）。请通过下面的链接登录或创建账户。该链接只能使用一次，有效期至 {expiresAt:yyyy-MM-dd}（UTC）。",
                "维护我的资料", link, "如果您不认识此邀请，请忽略此邮件。")
            : MailLayout.Draft(InvitationKind, to, speakerName, culture, "Look after your speaker profile · CCI-FS Summit",
                $"Dear {speakerName},",
                $"The organizers of the CCI Financial Summit invite you to look after your own speaker profile (names, positions, biography and photo). Use the link below to sign in or create an account. It works once, until {expiresAt:yyyy-MM-dd} (UTC).",
                "Look after my profile", link, "If you do not recognise this invitation, ignore this email.");
    }
}
