using Summit.Core.Scheduling;

namespace Summit.Web.Pages.Schedule;

/// <summary>
/// One session as a card in the grid, the list or the agenda; <see cref="Starred"/> is null for visitors who are not
/// signed in. <see cref="ByScript"/>: a page shared by everyone signed in, whose star asks on its own page without
/// script and is set and toggled by personal.js with it (decision 0020).
/// </summary>
public sealed record SessionCardModel(ProgrammeSession Session, string EditionSlug, TimeZoneInfo Zone, bool ShowRoom, bool? Starred, string ReturnUrl, bool ByScript = false);
