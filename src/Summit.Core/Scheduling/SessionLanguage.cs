namespace Summit.Core.Scheduling;

/// <summary>The language spoken on the floor of a room or in a session.</summary>
public enum SessionLanguage
{
    English,
    Chinese,
    EnglishAndChinese,
}
