using Summit.Core.Scheduling;

namespace Summit.Web.Scheduling;

/// <summary>The English keys (localized through the shared resource) for programme enums.</summary>
public static class ProgrammeLabels
{
    public static string Language(SessionLanguage language) => language switch
    {
        SessionLanguage.Chinese => "In Chinese",
        SessionLanguage.English => "In English",
        _ => "In English and Chinese",
    };

    public static string Role(SessionSpeakerRole role) => role switch
    {
        SessionSpeakerRole.KeynoteSpeaker => "Keynote speaker",
        SessionSpeakerRole.Moderator => "Moderator",
        SessionSpeakerRole.Panelist => "Panelist",
        _ => "Speaker",
    };

    public static string Change(ScheduleChangeKind kind) => kind switch
    {
        ScheduleChangeKind.Added => "Added",
        ScheduleChangeKind.Moved => "Moved",
        ScheduleChangeKind.Cancelled => "Cancelled",
        ScheduleChangeKind.Reinstated => "Reinstated",
        ScheduleChangeKind.Removed => "Removed from the programme",
        ScheduleChangeKind.SpeakersChanged => "Speakers changed",
        _ => "Details changed",
    };
}
