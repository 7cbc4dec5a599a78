using Summit.Core.Scheduling;

namespace Summit.Web.Pages.Schedule;

/// <summary>One session as a card in the grid, the list or the agenda; <see cref="Starred"/> is null for visitors who are not signed in.</summary>
public sealed record SessionCardModel(ProgrammeSession Session, string EditionSlug, TimeZoneInfo Zone, bool ShowRoom, bool? Starred, string ReturnUrl);
