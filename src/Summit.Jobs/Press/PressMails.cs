using Summit.Jobs.Mail;

namespace Summit.Jobs.Press;

/// <summary>The newsroom's emails: the sign-off request to a speaker, its answer to the authors, a held article.</summary>
public static class PressMails
{
    public const string SignOffRequestKind = "press.signoff-request";
    public const string SignOffAnswerKind = "press.signoff-answer";
    public const string HeldKind = "press.held";

    /// <summary>To the interviewed speaker: the quotes to read, and the single-use link to approve them or ask for changes.</summary>
    public static MailDraft SignOffRequest(string to, string speakerName, string culture, string headline, string quotes, Uri link) =>
        Cultures.IsChinese(culture)
            ? MailLayout.Draft(SignOffRequestKind, to, speakerName, culture, $"请确认引述内容 · {headline}", $"{speakerName}，您好：",
                [$"记者正在撰写报道《{headline}》，其中引述了您的话。发表前请确认以下引述是否准确，或告诉我们需要修改的地方。", "链接只能使用一次；如果您有峰会账户，也可以登录后在“我的引述确认”中回复。"],
                [.. Paragraphs(quotes)], "确认或提出修改", link, "在您回复之前，编辑不会在未经您确认的情况下发表（编辑的例外决定会被记录）。")
            : MailLayout.Draft(SignOffRequestKind, to, speakerName, culture, $"Please check your quotes · {headline}", $"Dear {speakerName},",
                [$"A journalist is writing “{headline}”, which quotes you. Before it is published, please confirm the quotes below are accurate, or tell us what to change.", "The link works once; if you have a summit account, you can also answer under “Quotes to check” once signed in."],
                [.. Paragraphs(quotes)], "Approve or ask for changes", link, "Until you answer, the editors publish only by an explicit decision of their own, which is recorded.");

    /// <summary>To each author: the speaker approved the quotes, or asked for changes (with the comment).</summary>
    public static MailDraft SignOffAnswer(string to, string name, string culture, string headline, bool approved, string? comment, Uri link) =>
        Cultures.IsChinese(culture)
            ? MailLayout.Draft(SignOffAnswerKind, to, name, culture, approved ? $"嘉宾已确认引述 · {headline}" : $"嘉宾要求修改引述 · {headline}", $"{name}，您好：",
                approved ? ["受访嘉宾已确认报道中的引述。报道已提交编辑审核。"] : ["受访嘉宾要求修改引述，报道已退回草稿。嘉宾的意见："],
                comment is null ? [] : [comment], "打开报道", link, "此邮件由新闻室自动发送。")
            : MailLayout.Draft(SignOffAnswerKind, to, name, culture, approved ? $"Quotes approved · {headline}" : $"Changes asked to the quotes · {headline}", $"Dear {name},",
                approved ? ["The interviewed speaker approved the quotes. The article is now with the editors."] : ["The interviewed speaker asked for changes to the quotes, and the article is back in draft. Their comment:"],
                comment is null ? [] : [comment], "Open the article", link, "Sent by the newsroom.");

    /// <summary>To each author: the article was to follow a session that is now cancelled (or off the programme), so it is held.</summary>
    public static MailDraft Held(string to, string name, string culture, string headline, string session, Uri link) =>
        Cultures.IsChinese(culture)
            ? MailLayout.Draft(HeldKind, to, name, culture, $"报道暂缓发表 · {headline}", $"{name}，您好：",
                [$"报道《{headline}》原定在会议“{session}”之后发表，但该会议已取消或从议程中移除，因此报道已暂缓，不会自动发表。", "请与编辑商定新的发表时间。"], [], "打开报道", link, "此邮件由新闻室自动发送。")
            : MailLayout.Draft(HeldKind, to, name, culture, $"Held: {headline}", $"Dear {name},",
                [$"“{headline}” was to be published after the session “{session}”, which is now cancelled or off the programme. The article is held and will not be published by itself.", "Agree a new publication time with the editors."], [], "Open the article", link, "Sent by the newsroom.");

    private static IEnumerable<string> Paragraphs(string text) =>
        text.Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Take(20);
}
