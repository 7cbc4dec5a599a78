using Summit.Jobs.Mail;

namespace Summit.Jobs.Badges;

/// <summary>The "badge ready" email, with the PDF attached.</summary>
public static class BadgeMails
{
    public const string ReadyKind = "badge.ready";

    public static MailDraft Ready(string to, string name, string culture, string editionName, Uri link) =>
        Cultures.IsChinese(culture)
            ? MailLayout.Draft(ReadyKind, to, name, culture, $"您的胸卡 · {editionName}", $"{name}，您好：",
                ["您的参会胸卡已附在本邮件中（PDF）。请打印或保存在手机上，入场时出示胸卡上的二维码即可签到。", "如姓名、职务或单位有误，请通过下面的链接修改，我们会重新生成胸卡。"], [], "查看我的注册", link, "胸卡上的二维码仅用于签到，不含个人信息。")
            : MailLayout.Draft(ReadyKind, to, name, culture, $"Your badge · {editionName}", $"Dear {name},",
                ["Your badge is attached (PDF). Print it or keep it on your phone: the QR code on it checks you in at the door.", "If your name, position or organisation is wrong, correct it through the link below and we will make a new badge."], [], "See my registration", link, "The QR code only identifies your badge at check-in; it holds no personal data.");
}
