using Hangfire;
using Microsoft.Extensions.Logging;
using Summit.Core.Scheduling;

namespace Summit.Jobs.Scheduling;

/// <summary>
/// Renders the printed programme of an edition's latest published version. Takes the edition's slug and the version
/// it was asked for; does nothing if that file exists already or a newer version has been published since (that
/// version's own job renders it), so running twice is harmless.
/// </summary>
[Queue(JobQueues.Default)]
[AutomaticRetry(Attempts = 3)]
public sealed class RenderProgrammePdfJob(ProgrammeReader reader, ProgrammePdfStore store, ILogger<RenderProgrammePdfJob> logger)
{
    public async Task RunAsync(string editionSlug, int version, CancellationToken cancellationToken)
    {
        if (await store.ExistsAsync(editionSlug, version, cancellationToken))
        {
            return;
        }

        var programme = await reader.LatestAsync(editionSlug, cancellationToken);
        if (programme?.Version is null || programme.Version.Number != version)
        {
            logger.LogInformation("Programme PDF of {Edition} v{Version} skipped: the latest published version is {Latest}.", editionSlug, version, programme?.Version?.Number);
            return;
        }

        await store.WriteAsync(editionSlug, version, stream => ProgrammePdf.Render(programme, stream), cancellationToken);
        logger.LogInformation("Rendered the programme PDF of {Edition} v{Version}.", editionSlug, version);
    }
}
