using Summit.Jobs.Mail;

namespace Summit.Jobs.Accounts;

/// <summary>
/// Identity's own emails, in English or Chinese by the account's preferred language. Each has an HTML and a text
/// body. The Email issue moves these onto the shared template layout; until then they are plain and complete.
/// </summary>
public static class AccountMails
{
    public const string ConfirmEmailKind = "account.confirm-email";
    public const string ResetPasswordKind = "account.reset-password";
    public const string AlreadyRegisteredKind = "account.already-registered";
    public const string TwoFactorCodeKind = "account.two-factor-code";

    /// <summary>Emails whose text is a credential (a sign-in code, a password or confirmation link): the mail log hides it.</summary>
    public static bool CarriesSecret(string kind) => kind.StartsWith("account.", StringComparison.Ordinal) || kind is "registration.link" or Press.PressMails.SignOffRequestKind;

    /// <summary>A one-time sign-in code, for someone without their authenticator app at hand.</summary>
    public static MailDraft TwoFactorCode(string to, string name, string culture, string code, Uri page) =>
        Cultures.IsChinese(culture)
            ? MailLayout.Draft(TwoFactorCodeKind, to, name, culture, "您的登录验证码 · 中新金融峰会",
                $"{name}，您好：", [$"您的一次性登录验证码是 {code}，几分钟内有效。请在登录页面输入。"], [], "返回登录页面", page, "如果不是您本人在登录，请立即修改密码。")
            : MailLayout.Draft(TwoFactorCodeKind, to, name, culture, "Your sign-in code · CCI-FS Summit",
                $"Dear {name},", [$"Your one-time sign-in code is {code}. It works for a few minutes; enter it on the sign-in page."], [], "Back to sign-in", page, "If you are not signing in right now, change your password at once.");

    public static MailDraft ConfirmEmail(string to, string name, string culture, Uri link) =>
        Cultures.IsChinese(culture)
            ? MailLayout.Draft(ConfirmEmailKind, to, name, culture, "请确认您的电子邮件地址 · 中新金融峰会",
                $"{name}，您好：", "请点击下面的链接确认您的电子邮件地址，然后即可登录。", "确认电子邮件地址", link, "如果您没有注册账户，请忽略此邮件。")
            : MailLayout.Draft(ConfirmEmailKind, to, name, culture, "Confirm your email address · CCI-FS Summit",
                $"Dear {name},", "Please confirm your email address with the link below; then you can sign in.", "Confirm email address", link, "If you did not create an account, ignore this email.");

    public static MailDraft ResetPassword(string to, string name, string culture, Uri link) =>
        Cultures.IsChinese(culture)
            ? MailLayout.Draft(ResetPasswordKind, to, name, culture, "重置您的密码 · 中新金融峰会",
                $"{name}，您好：", "我们收到了重置您密码的请求。请点击下面的链接设置新密码。链接仅可使用一次。", "设置新密码", link, "如果您没有提出此请求，请忽略此邮件，您的密码不会改变。")
            : MailLayout.Draft(ResetPasswordKind, to, name, culture, "Reset your password · CCI-FS Summit",
                $"Dear {name},", "We received a request to reset your password. Use the link below to choose a new one; it works once.", "Choose a new password", link, "If you did not ask for this, ignore this email; your password stays as it is.");

    public static MailDraft AlreadyRegistered(string to, string name, string culture, Uri signIn) =>
        Cultures.IsChinese(culture)
            ? MailLayout.Draft(AlreadyRegisteredKind, to, name, culture, "您已有账户 · 中新金融峰会",
                $"{name}，您好：", "有人（可能是您本人）尝试用此电子邮件地址再次注册。您已经有一个账户，可以直接登录；如果忘记了密码，可以在登录页面重置。", "登录", signIn, "如果不是您本人，请忽略此邮件。")
            : MailLayout.Draft(AlreadyRegisteredKind, to, name, culture, "You already have an account · CCI-FS Summit",
                $"Dear {name},", "Someone, probably you, tried to register again with this email address. You already have an account: sign in, or reset your password from the sign-in page if you forgot it.", "Sign in", signIn, "If this was not you, ignore this email.");
}
