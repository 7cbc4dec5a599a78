using Summit.Core.Files;

namespace Summit.Jobs.Scheduling;

/// <summary>
/// The rendered programme PDFs in the file store (<c>programme/&lt;edition&gt;-v&lt;n&gt;.pdf</c>), one file per edition
/// and version, so a new version never overwrites what a reader is downloading and the newest file is always complete.
/// </summary>
public sealed class ProgrammePdfStore(IFileStore files)
{
    public static string FileKey(string editionSlug, int version) => $"programme/{editionSlug.ToLowerInvariant()}-v{version}.pdf";

    public async Task<bool> ExistsAsync(string editionSlug, int version, CancellationToken cancellationToken) =>
        await files.FindAsync(FileKey(editionSlug, version), cancellationToken) is not null;

    public Task<(StoredFile File, Stream Content)?> OpenReadAsync(string editionSlug, int version, CancellationToken cancellationToken) =>
        files.OpenReadAsync(FileKey(editionSlug, version), cancellationToken);

    public async Task WriteAsync(string editionSlug, int version, Action<Stream> render, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(render);
        await files.WriteAsync(FileKey(editionSlug, version), (stream, _) =>
        {
            render(stream);
            return Task.CompletedTask;
        }, cancellationToken);

        // Older versions are superseded; keep the one before in case a download of it is still running.
        var prefix = $"programme/{editionSlug.ToLowerInvariant()}-v";
        foreach (var old in await files.ListAsync(prefix, cancellationToken))
        {
            var number = old.Key[prefix.Length..^".pdf".Length];
            if (old.Key.EndsWith(".pdf", StringComparison.Ordinal) && int.TryParse(number, System.Globalization.CultureInfo.InvariantCulture, out var n) && n < version - 1)
            {
                await files.DeleteAsync(old.Key, cancellationToken);
            }
        }
    }
}
