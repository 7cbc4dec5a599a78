using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Summit.Core.Data;
using Summit.Core.Editions;
using Summit.Core.Scheduling;
using Summit.Core.Speakers;
using Summit.Web.Scheduling;

namespace Summit.Web.Pages.Schedule;

/// <summary>Every published version, newest first, with what changed in it.</summary>
[OutputCache(PolicyName = ProgrammeCachePolicy.Name)]
[PersonalByScript]
public sealed class ChangelogModel(SummitDbContext db) : PageModel
{
    public Edition Edition { get; private set; } = null!;

    public IReadOnlyList<ScheduleVersion> Versions { get; private set; } = [];

    public IReadOnlyDictionary<int, (string En, string Zh)> Rooms { get; private set; } = new Dictionary<int, (string, string)>();

    public IReadOnlyDictionary<int, (string? Zh, string? Latin)> Speakers { get; private set; } = new Dictionary<int, (string?, string?)>();

    public async Task<IActionResult> OnGetAsync(string edition, CancellationToken cancellationToken)
    {
        var slug = edition.ToLowerInvariant();
        var found = await db.Editions.AsNoTracking().Public().WithSlug(slug).FirstOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            return NotFound();
        }

        Edition = found;
        Versions = await db.ScheduleVersions.AsNoTracking()
            .Where(v => v.EditionId == found.Id)
            .OrderByDescending(v => v.Number)
            .Include(v => v.Changes)
            .AsSplitQuery()
            .ToListAsync(cancellationToken);
        Rooms = await db.Rooms.AsNoTracking().Where(r => r.EditionId == found.Id).ToDictionaryAsync(r => r.Id, r => (r.NameEn, r.NameZh), cancellationToken);
        var speakerIds = Versions.SelectMany(v => v.Changes).SelectMany(c => c.SpeakerIdsBefore.Concat(c.SpeakerIdsAfter)).Distinct().ToList();
        Speakers = (await db.Speakers.AsNoTracking().Where(s => speakerIds.Contains(s.Id))
                .Select(s => new { s.Id, s.FamilyNameZh, s.GivenNameZh, s.FamilyNameLatin, s.GivenNameLatin, s.LatinFamilyNameFirst })
                .ToListAsync(cancellationToken))
            .ToDictionary(s => s.Id, s => (SpeakerNames.Chinese(s.FamilyNameZh, s.GivenNameZh), SpeakerNames.Latin(s.FamilyNameLatin, s.GivenNameLatin, s.LatinFamilyNameFirst)));
        return Page();
    }

    public string Room(int? id, bool chinese) => id is int i && Rooms.TryGetValue(i, out var r) ? (chinese ? r.Zh : r.En) : "?";

    public string SpeakerList(IReadOnlyList<int> ids, bool chinese) =>
        ids.Count == 0 ? "—" : string.Join(chinese ? "、" : ", ", ids.Select(id => Speakers.TryGetValue(id, out var s) ? SpeakerNames.Display(s.Zh, s.Latin, chinese) : "?"));
}
