using Microsoft.Extensions.Options;
using Summit.Core.Data;

namespace Summit.Jobs.Scheduling;

/// <summary>
/// The rendered programme PDFs under <c>Storage:Path/programme/</c>, one file per edition and version, so a new
/// version never overwrites what a reader is downloading and the newest file is always complete (written aside, then
/// moved into place).
/// </summary>
public sealed class ProgrammePdfStore(IOptions<StorageOptions> storage)
{
    public string PathOf(string editionSlug, int version) =>
        Path.Combine(storage.Value.SubFolder("programme"), $"{editionSlug.ToLowerInvariant()}-v{version}.pdf");

    public bool Exists(string editionSlug, int version) => File.Exists(PathOf(editionSlug, version));

    public async Task WriteAsync(string editionSlug, int version, Action<Stream> render, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(render);
        var target = PathOf(editionSlug, version);
        var temporary = target + $".{Guid.NewGuid():N}.tmp";
        try
        {
            await using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 64 * 1024, useAsync: true))
            {
                render(file);
                await file.FlushAsync(cancellationToken);
            }

            File.Move(temporary, target, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }

        // Older versions are superseded; keep the one before in case a download of it is still running.
        foreach (var old in Directory.EnumerateFiles(Path.GetDirectoryName(target)!, $"{editionSlug.ToLowerInvariant()}-v*.pdf"))
        {
            if (int.TryParse(Path.GetFileNameWithoutExtension(old).AsSpan(editionSlug.Length + 2), out var n) && n < version - 1)
            {
                File.Delete(old);
            }
        }
    }
}
