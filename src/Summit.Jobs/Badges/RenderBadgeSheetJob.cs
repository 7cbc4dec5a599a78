using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using Summit.Core.Data;
using Summit.Core.Registrations;
using Summit.Jobs.Pdf;

namespace Summit.Jobs.Badges;

/// <summary>
/// Builds one print-ready PDF of an edition's confirmed badges (a category, or all): four A6 badges per A4 sheet with
/// cut marks, or one per A6 page for a badge printer. Writes its progress as it goes, for the organizers' progress bar,
/// and stores the file under <c>Storage:Path/badge-sheets/</c>. A finished run is not built again. Do not rename:
/// Hangfire stores this type's name.
/// </summary>
[Queue(JobQueues.Badges)]
[AutomaticRetry(Attempts = 2)]
public sealed class RenderBadgeSheetJob(SummitDbContext db, BadgeTokens tokens, IOptions<StorageOptions> storage, TimeProvider clock, ILogger<RenderBadgeSheetJob> logger)
{
    private const int ProgressEvery = 25;

    public static string PathOf(StorageOptions storage, int sheetId)
    {
        ArgumentNullException.ThrowIfNull(storage);
        return Path.Combine(storage.SubFolder("badge-sheets"), $"{sheetId}.pdf");
    }

    public async Task RunAsync(int sheetId, CancellationToken cancellationToken)
    {
        var sheet = await db.BadgeSheets.AsNoTracking().FirstOrDefaultAsync(s => s.Id == sheetId, cancellationToken).ConfigureAwait(false);
        if (sheet is null || sheet.FinishedAt is not null)
        {
            return;
        }

        var edition = await db.Editions.AsNoTracking().FirstAsync(e => e.Id == sheet.EditionId, cancellationToken).ConfigureAwait(false);
        var categories = await db.RegistrationCategories.AsNoTracking().Where(c => c.EditionId == edition.Id).ToDictionaryAsync(c => c.Id, cancellationToken).ConfigureAwait(false);
        var query = db.Registrations.Where(r => r.EditionId == edition.Id && r.Status == RegistrationStatus.Confirmed && r.ErasedAt == null);
        if (sheet.CategoryId is int category)
        {
            query = query.Where(r => r.CategoryId == category);
        }

        // Every badge printed carries its short code: make the missing ones first, in one transaction.
        var missing = await query.Where(r => r.BadgeCode == null).Select(r => r.Id).ToListAsync(cancellationToken).ConfigureAwait(false);
        if (missing.Count > 0)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            foreach (var id in missing)
            {
                var code = BadgeTokens.NewShortCode();
                await db.Registrations.Where(r => r.Id == id && r.BadgeCode == null)
                    .ExecuteUpdateAsync(s => s.SetProperty(r => r.BadgeCode, code), cancellationToken).ConfigureAwait(false);
            }

            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }

        var registrations = await query.AsNoTracking()
            .OrderBy(r => r.CategoryId).ThenBy(r => r.FamilyNameLatin ?? r.FamilyNameZh).ThenBy(r => r.Id)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        await Progress(done: 0, total: registrations.Count).ConfigureAwait(false);

        try
        {
            PdfFonts.Install();
            var target = PathOf(storage.Value, sheetId);
            var temporary = target + $".{Guid.NewGuid():N}.tmp";
            try
            {
                using (var document = new PdfDocument())
                {
                    document.Info.Title = $"Badges · {edition.NameEn}";
                    document.Info.Author = "CCI-FS Summit";
                    PdfPage? page = null;
                    XGraphics? graphics = null;
                    for (var i = 0; i < registrations.Count; i++)
                    {
                        var r = registrations[i];
                        var data = BadgeService.Compose(r, categories[r.CategoryId], edition) with { Token = tokens.Issue(r.Id, r.BadgeRevision) };
                        if (sheet.Layout == BadgeSheetLayout.OnePerPage || i % 4 == 0)
                        {
                            Finish(graphics, sheet.Layout);
                            page = document.AddPage();
                            // A4 is two A6 wide and (within a millimetre) two A6 high.
                            page.Width = XUnit.FromPoint(sheet.Layout == BadgeSheetLayout.OnePerPage ? BadgePdf.Width : 595.28);
                            page.Height = XUnit.FromPoint(sheet.Layout == BadgeSheetLayout.OnePerPage ? BadgePdf.Height : 841.89);
                            graphics = XGraphics.FromPdfPage(page);
                        }

                        var slot = sheet.Layout == BadgeSheetLayout.OnePerPage ? 0 : i % 4;
                        BadgePdf.Draw(graphics!, data, (slot % 2) * BadgePdf.Width, (slot / 2) * BadgePdf.Height);
                        if ((i + 1) % ProgressEvery == 0)
                        {
                            await Progress(done: i + 1, total: registrations.Count).ConfigureAwait(false);
                        }
                    }

                    Finish(graphics, sheet.Layout);
                    if (registrations.Count == 0)
                    {
                        document.AddPage();
                    }

                    await using var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 64 * 1024, useAsync: true);
                    document.Save(file, closeStream: false);
                    await file.FlushAsync(cancellationToken).ConfigureAwait(false);
                }

                File.Move(temporary, target, overwrite: true);
            }
            finally
            {
                File.Delete(temporary);
            }

            await db.BadgeSheets.Where(s => s.Id == sheetId)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.Done, registrations.Count).SetProperty(x => x.FinishedAt, clock.GetUtcNow()), cancellationToken).ConfigureAwait(false);
            logger.LogInformation("Badge sheet {Sheet}: {Count} badges.", sheetId, registrations.Count);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            await db.BadgeSheets.Where(s => s.Id == sheetId)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.Error, e.Message.Length > 1000 ? e.Message[..1000] : e.Message), CancellationToken.None).ConfigureAwait(false);
            throw;
        }

        Task Progress(int done, int total) => db.BadgeSheets.Where(s => s.Id == sheetId)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Done, done).SetProperty(x => x.Total, total), cancellationToken);
    }

    /// <summary>Closes a page; on an A4 sheet, draws the cut marks where the four badges meet.</summary>
    private static void Finish(XGraphics? graphics, BadgeSheetLayout layout)
    {
        if (graphics is null)
        {
            return;
        }

        if (layout == BadgeSheetLayout.FourPerA4)
        {
            var pen = new XPen(XColors.Gray, 0.4);
            const double mark = 12;
            var w = BadgePdf.Width;
            var h = BadgePdf.Height;
            graphics.DrawLine(pen, w, 0, w, mark);
            graphics.DrawLine(pen, w, (2 * h) - mark, w, 2 * h);
            graphics.DrawLine(pen, 0, h, mark, h);
            graphics.DrawLine(pen, (2 * w) - mark, h, 2 * w, h);
            graphics.DrawLine(pen, w - mark, h, w + mark, h);
            graphics.DrawLine(pen, w, h - mark, w, h + mark);
        }

        graphics.Dispose();
    }
}
