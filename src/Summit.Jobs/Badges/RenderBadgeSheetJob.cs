using System.Runtime.CompilerServices;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Summit.Core.Data;
using Summit.Core.Files;
using Summit.Core.Registrations;

namespace Summit.Jobs.Badges;

/// <summary>
/// Builds the print-ready file of the badges a print run chose (<see cref="PlanBadgeSheet"/>) with
/// <see cref="BadgeSheetPdf"/>: one PDF, or a ZIP of PDFs of a ream each for a long run. Writes its progress as it goes, for the organizers' progress bar, stores the file under
/// <c>badge-sheets/</c> in the file store, and records the badges as printed. A finished run is not built again. Do not
/// rename: Hangfire stores this type's name.
/// </summary>
[Queue(JobQueues.Badges)]
[AutomaticRetry(Attempts = 2)]
public sealed class RenderBadgeSheetJob(SummitDbContext db, BadgeTokens tokens, IFileStore files, IOptions<StorageOptions> storage, TimeProvider clock, ILogger<RenderBadgeSheetJob> logger)
{
    /// <summary>Registrations read at a time while the run is drawn.</summary>
    private const int ChunkSize = 500;

    /// <summary>The run's file in the file store: a PDF, or past <see cref="BadgeSheetPdf.FileSize"/> badges a ZIP of PDFs.</summary>
    public static string FileKey(int sheetId, int total) => $"badge-sheets/{sheetId}.{(BadgeSheetPdf.IsZip(total) ? "zip" : "pdf")}";

    public async Task RunAsync(int sheetId, CancellationToken cancellationToken)
    {
        var sheet = await db.BadgeSheets.AsNoTracking().FirstOrDefaultAsync(s => s.Id == sheetId, cancellationToken);
        if (sheet is null || sheet.FinishedAt is not null)
        {
            return;
        }

        var edition = await db.Editions.AsNoTracking().FirstAsync(e => e.Id == sheet.EditionId, cancellationToken);
        var categories = await db.RegistrationCategories.AsNoTracking().Where(c => c.EditionId == edition.Id).ToDictionaryAsync(c => c.Id, cancellationToken);
        var query = PlanBadgeSheet.Members(db, sheet);

        // Every badge printed carries its short code: make the missing ones first, in one transaction.
        var missing = await query.Where(r => r.BadgeCode == null).Select(r => r.Id).ToListAsync(cancellationToken);
        if (missing.Count > 0)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            foreach (var id in missing)
            {
                var code = BadgeTokens.NewShortCode();
                await db.Registrations.Where(r => r.Id == id && r.BadgeCode == null)
                    .ExecuteUpdateAsync(s => s.SetProperty(r => r.BadgeCode, code), cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
        }

        // The order only, then the badges a chunk at a time: a run of 20,000 does not hold 20,000 registrations.
        var order = await query.AsNoTracking()
            .OrderBy(r => r.CategoryId).ThenBy(r => r.FamilyNameLatin ?? r.FamilyNameZh).ThenBy(r => r.Id)
            .Select(r => r.Id)
            .ToListAsync(cancellationToken);
        await Progress(done: 0, total: order.Count);
        var printed = new List<(int RegistrationId, int Revision)>(order.Count);

        try
        {
            var written = 0;
            await files.WriteAsync(FileKey(sheetId, order.Count), async (output, ct) => written = await BadgeSheetPdf.WriteAsync(
                Badges(ct),
                order.Count,
                sheet.Layout,
                $"Badges · {edition.NameEn}",
                $"badges-{edition.Slug}-{sheetId}",
                output,
                TemporaryFiles.Folder(storage.Value),
                done => Progress(done, order.Count),
                ct), cancellationToken);
            // Printed and finished together: a run is never finished with its badges still "not printed", nor the reverse.
            await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
            {
                await PlanBadgeSheet.MarkPrintedAsync(db, printed, cancellationToken);
                await db.BadgeSheets.Where(s => s.Id == sheetId)
                    .ExecuteUpdateAsync(s => s.SetProperty(x => x.Done, written).SetProperty(x => x.FinishedAt, clock.GetUtcNow()), cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            }

            logger.LogInformation("Badge sheet {Sheet}: {Count} badges.", sheetId, written);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            await db.BadgeSheets.Where(s => s.Id == sheetId)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.Error, e.Message.Length > 1000 ? e.Message[..1000] : e.Message), CancellationToken.None);
            throw;
        }

        async IAsyncEnumerable<BadgeData> Badges([EnumeratorCancellation] CancellationToken ct)
        {
            foreach (var chunk in order.Chunk(ChunkSize))
            {
                var loaded = await query.AsNoTracking().Where(r => chunk.Contains(r.Id)).ToDictionaryAsync(r => r.Id, ct);
                foreach (var id in chunk)
                {
                    // Cancelled or erased while the run was drawn: not printed.
                    if (loaded.TryGetValue(id, out var r))
                    {
                        printed.Add((r.Id, r.BadgeRevision));
                        yield return BadgeService.Compose(r, categories[r.CategoryId], edition) with { Token = tokens.Issue(r.Id, r.BadgeRevision) };
                    }
                }
            }
        }

        // Clears an earlier attempt's error too: a retry that gets on is no longer "stopped".
        Task Progress(int done, int total) => db.BadgeSheets.Where(s => s.Id == sheetId)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Done, done).SetProperty(x => x.Total, total).SetProperty(x => x.Error, (string?)null), cancellationToken);
    }
}
