namespace Summit.Core.Accounts;

public static class Roles
{
    public const string Organizer = "Organizer";
    public const string Speaker = "Speaker";
    public const string Press = "Press";
    public const string Attendee = "Attendee";

    /// <summary>Desk volunteers: they check people in at the door and see nothing of <c>/admin</c>.</summary>
    public const string CheckIn = "Check-in";

    /// <summary>Press users the organizers trust to approve and schedule articles (organizers are editors too).</summary>
    public const string Editor = "Press editor";

    public static readonly IReadOnlyList<string> All = [Organizer, Speaker, Press, Attendee, CheckIn, Editor];
}
