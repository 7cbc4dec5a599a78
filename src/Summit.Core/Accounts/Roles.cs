namespace Summit.Core.Accounts;

public static class Roles
{
    public const string Organizer = "Organizer";
    public const string Speaker = "Speaker";
    public const string Press = "Press";
    public const string Attendee = "Attendee";

    public static readonly IReadOnlyList<string> All = [Organizer, Speaker, Press, Attendee];
}
