using System.Globalization;
using CsvHelper;
using Microsoft.EntityFrameworkCore;
using Summit.Core.Data;
using Summit.Core.Speakers;

namespace Summit.Core.Registrations;

/// <summary>An edition's registrations as CSV for organizers; cells a spreadsheet would run as formulas are neutralised.</summary>
public sealed class RegistrationCsv(SummitDbContext db)
{
    public async Task ExportAsync(int editionId, TextWriter writer, CancellationToken cancellationToken = default)
    {
        var categories = await db.RegistrationCategories.AsNoTracking().Where(c => c.EditionId == editionId).ToDictionaryAsync(c => c.Id, c => c.NameEn, cancellationToken).ConfigureAwait(false);
        await using var csv = new CsvWriter(writer, CultureInfo.InvariantCulture, leaveOpen: true);
        foreach (var header in new[] { "id", "category", "status", "waitlist_ticket", "family_name_zh", "given_name_zh", "family_name_latin", "given_name_latin", "organisation", "position", "email", "phone", "country", "language", "dietary_needs", "accessibility_needs", "interpretation", "registered_at" })
        {
            csv.WriteField(header);
        }

        await csv.NextRecordAsync().ConfigureAwait(false);
        await foreach (var r in db.Registrations.AsNoTracking().Where(r => r.EditionId == editionId).OrderBy(r => r.Id).AsAsyncEnumerable().WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            csv.WriteField(r.Id);
            csv.WriteField(SpeakerCsv.Neutralise(categories.GetValueOrDefault(r.CategoryId)));
            csv.WriteField(r.Status.ToString());
            csv.WriteField(r.WaitlistTicket);
            foreach (var text in new[] { r.FamilyNameZh, r.GivenNameZh, r.FamilyNameLatin, r.GivenNameLatin, r.Organisation, r.Position, r.Email, r.Phone, r.CountryCode, r.PreferredCulture, r.DietaryNeeds, r.AccessibilityNeeds })
            {
                csv.WriteField(SpeakerCsv.Neutralise(text));
            }

            csv.WriteField(r.NeedsInterpretation ? "yes" : "no");
            csv.WriteField(r.CreatedAt.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
            await csv.NextRecordAsync().ConfigureAwait(false);
        }
    }
}
