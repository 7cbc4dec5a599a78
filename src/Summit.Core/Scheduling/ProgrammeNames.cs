namespace Summit.Core.Scheduling;

/// <summary>
/// Fixed bilingual names for documents that carry both languages at once (the printed programme, the schedule
/// exchange files); web pages localize the same words through their resources instead.
/// </summary>
public static class ProgrammeNames
{
    public static string Role(SessionSpeakerRole role, bool chinese) => (role, chinese) switch
    {
        (SessionSpeakerRole.KeynoteSpeaker, false) => "keynote speaker",
        (SessionSpeakerRole.KeynoteSpeaker, true) => "主旨演讲嘉宾",
        (SessionSpeakerRole.Moderator, false) => "moderator",
        (SessionSpeakerRole.Moderator, true) => "主持人",
        (SessionSpeakerRole.Panelist, false) => "panelist",
        (SessionSpeakerRole.Panelist, true) => "对话嘉宾",
        (_, false) => "speaker",
        _ => "演讲嘉宾",
    };

    public static string Language(SessionLanguage language, bool chinese) => (language, chinese) switch
    {
        (SessionLanguage.English, false) => "in English",
        (SessionLanguage.English, true) => "英文",
        (SessionLanguage.Chinese, false) => "in Chinese",
        (SessionLanguage.Chinese, true) => "中文",
        (_, false) => "in English and Chinese",
        _ => "中英文",
    };
}
