using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Summit.Core.Data;
using Summit.Core.Files;
using Summit.Core.Registrations;

namespace Summit.Jobs.Badges;

/// <summary>A stored badge: its key in the file store, and the fingerprint of what is printed on it.</summary>
public sealed record BadgeFile(string Key, string Fingerprint, bool Rendered);

/// <summary>
/// Confirmed registrations' badges in the file store under <c>badges/</c>, one file per registration named by the
/// fingerprint of its printed details: rendering again with the same details finds the file and does nothing, a change
/// (a corrected name, a new category) writes a new file and removes the old, and a registration that is no longer
/// confirmed has none.
/// </summary>
public sealed class BadgeService(SummitDbContext db, BadgeTokens tokens, IFileStore files)
{
    /// <summary>What a registration's badge prints (without its token, which is issued at render time).</summary>
    public static BadgeData Compose(Registration r, RegistrationCategory category, Core.Editions.Edition edition)
    {
        ArgumentNullException.ThrowIfNull(r);
        ArgumentNullException.ThrowIfNull(category);
        ArgumentNullException.ThrowIfNull(edition);
        var english = CultureInfo.GetCultureInfo("en-GB");
        var chinese = CultureInfo.GetCultureInfo("zh-Hans");
        var (first, last) = (edition.StartDate, edition.EndDate);
        var sameMonth = first.Year == last.Year && first.Month == last.Month;
        var datesEn = first == last ? first.ToString("d MMMM yyyy", english)
            : sameMonth ? $"{first.ToString("%d", english)}–{last.ToString("d MMMM yyyy", english)}"
            : $"{first.ToString("d MMMM", english)} – {last.ToString("d MMMM yyyy", english)}";
        var datesZh = first == last ? first.ToString("yyyy年M月d日", chinese)
            : sameMonth ? $"{first.ToString("yyyy年M月d日", chinese)}至{last.ToString("%d", chinese)}日"
            : $"{first.ToString("yyyy年M月d日", chinese)}至{last.ToString("M月d日", chinese)}";
        return new BadgeData(edition.NameEn, edition.NameZh, datesEn, datesZh, category.NameEn, category.NameZh, BadgeColours.For(category),
            r.NameZh, r.NameLatin, r.Position, r.Organisation, "", BadgeTokens.FormatShortCode(r.BadgeCode!));
    }

    /// <summary>The badge of a confirmed registration, rendered if missing or outdated; null when it has none.</summary>
    public async Task<BadgeFile?> EnsureAsync(int registrationId, CancellationToken cancellationToken)
    {
        var r = await db.Registrations.AsNoTracking().FirstOrDefaultAsync(x => x.Id == registrationId, cancellationToken);
        if (r is null || r.Status != RegistrationStatus.Confirmed || r.ErasedAt is not null)
        {
            await RemoveAsync(registrationId, keep: null, cancellationToken);
            return null;
        }

        if (r.BadgeCode is null)
        {
            // The short code comes with the first badge; two renders racing both try, and the first one's stays. (A
            // collision with another registration's code, one chance in a trillion, fails the unique index and the
            // job's retry draws again.)
            var code = BadgeTokens.NewShortCode();
            await db.Registrations.Where(x => x.Id == registrationId && x.BadgeCode == null)
                .ExecuteUpdateAsync(set => set.SetProperty(x => x.BadgeCode, code), cancellationToken);
            r = await db.Registrations.AsNoTracking().FirstAsync(x => x.Id == registrationId, cancellationToken);
        }

        var category = await db.RegistrationCategories.AsNoTracking().FirstAsync(c => c.Id == r.CategoryId, cancellationToken);
        var edition = await db.Editions.AsNoTracking().FirstAsync(e => e.Id == r.EditionId, cancellationToken);
        return await EnsureAsync(r, category, edition, cancellationToken);
    }

    /// <summary>
    /// The badge of a confirmed registration that already has its short code, with its category and edition at hand
    /// (a redraw of many loads them once, not per badge).
    /// </summary>
    public async Task<BadgeFile> EnsureAsync(Registration r, RegistrationCategory category, Core.Editions.Edition edition, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(r);
        var registrationId = r.Id;
        var data = Compose(r, category, edition);
        // Everything printed, and the revision (a reissued badge is a new one), but not the token: its encryption is
        // randomized, and any token of the current revision scans.
        var fingerprint = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\u001f', data.ToString(), r.BadgeRevision))))[..16];
        var key = $"badges/{registrationId}-{fingerprint}.pdf";
        if (await files.FindAsync(key, cancellationToken) is not null)
        {
            return new BadgeFile(key, fingerprint, Rendered: false);
        }

        await files.WriteAsync(key, (file, _) =>
        {
            BadgePdf.Render(data with { Token = tokens.Issue(r.Id, r.BadgeRevision) }, file);
            return Task.CompletedTask;
        }, cancellationToken);
        await RemoveAsync(registrationId, keep: key, cancellationToken);
        return new BadgeFile(key, fingerprint, Rendered: true);
    }

    /// <summary>
    /// The badge opened for reading (null when there is none). If the file went between finding and opening (a newer
    /// badge replaced it), it is found again.
    /// </summary>
    public async Task<(StoredFile File, Stream Content)?> OpenAsync(int registrationId, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < 3; attempt++)
        {
            if (await EnsureAsync(registrationId, cancellationToken) is not { } badge)
            {
                return null;
            }

            if (await files.OpenReadAsync(badge.Key, cancellationToken) is { } open)
            {
                return open;
            }
        }

        return null;
    }

    /// <summary>The badge's bytes, for an email attachment.</summary>
    public async Task<byte[]> ReadAllAsync(BadgeFile badge, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(badge);
        var open = await files.OpenReadAsync(badge.Key, cancellationToken) ?? throw new IOException($"The badge {badge.Key} went from the file store.");
        await using var content = open.Content;
        using var copy = new MemoryStream((int)open.File.Length);
        await content.CopyToAsync(copy, cancellationToken);
        return copy.ToArray();
    }

    private async Task RemoveAsync(int registrationId, string? keep, CancellationToken cancellationToken)
    {
        foreach (var old in await files.ListAsync($"badges/{registrationId}-", cancellationToken))
        {
            if (old.Key != keep)
            {
                await files.DeleteAsync(old.Key, cancellationToken);
            }
        }
    }
}
