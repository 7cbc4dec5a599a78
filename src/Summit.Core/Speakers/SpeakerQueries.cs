namespace Summit.Core.Speakers;

public static class SpeakerQueries
{
    /// <summary>Speakers whose name (either script, either order) or organisation contains the term; case-insensitive for Latin letters.</summary>
    public static IQueryable<Speaker> Matching(this IQueryable<Speaker> speakers, string? term)
    {
        if (string.IsNullOrWhiteSpace(term))
        {
            return speakers;
        }

        var t = term.Trim().ToLowerInvariant();
#pragma warning disable CA1304, CA1311, CA1862 // Translated to SQL LOWER(…) LIKE; the culture-taking overloads are not translatable.
        return speakers.Where(s =>
            ((s.FamilyNameZh ?? "") + (s.GivenNameZh ?? "")).Contains(t)
            || ((s.FamilyNameLatin ?? "") + " " + (s.GivenNameLatin ?? "")).ToLower().Contains(t)
            || ((s.GivenNameLatin ?? "") + " " + (s.FamilyNameLatin ?? "")).ToLower().Contains(t)
            || s.Positions.Any(p => (p.OrganisationEn ?? "").ToLower().Contains(t) || (p.OrganisationZh ?? "").Contains(t)));
#pragma warning restore CA1304, CA1311, CA1862
    }

    /// <summary>Speakers the public may see: those taking part in at least one edition that is not a draft, so an unannounced line-up stays private.</summary>
    public static IQueryable<Speaker> Published(this IQueryable<Speaker> speakers) =>
        speakers.Where(s => s.Editions.Any(e => e.Edition!.Status != Editions.EditionStatus.Draft));

    /// <summary>Speakers marked for a public edition, by its slug.</summary>
    public static IQueryable<Speaker> InEdition(this IQueryable<Speaker> speakers, string editionSlug) =>
        speakers.Where(s => s.Editions.Any(e => e.Edition!.Slug == editionSlug && e.Edition.Status != Editions.EditionStatus.Draft));

    public static IQueryable<Speaker> InDirectoryOrder(this IQueryable<Speaker> speakers) =>
        speakers.OrderBy(s => s.FamilyNameLatin ?? s.FamilyNameZh).ThenBy(s => s.GivenNameLatin ?? s.GivenNameZh).ThenBy(s => s.Id);
}
