using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Summit.Core.Data;
using Summit.Core.Registrations;
using Summit.Jobs.Mail;

namespace Summit.Jobs.Badges;

/// <summary>A stored badge: its file, and the fingerprint of what is printed on it.</summary>
public sealed record BadgeFile(string Path, string Fingerprint, bool Rendered);

/// <summary>
/// Confirmed registrations' badges under <c>Storage:Path/badges/</c>, one file per registration named by the
/// fingerprint of its printed details: rendering again with the same details finds the file and does nothing, a change
/// (a corrected name, a new category) writes a new file and removes the old, and a registration that is no longer
/// confirmed has none.
/// </summary>
public sealed class BadgeService(SummitDbContext db, BadgeTokens tokens, IOptions<StorageOptions> storage)
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
        var r = await db.Registrations.AsNoTracking().FirstOrDefaultAsync(x => x.Id == registrationId, cancellationToken).ConfigureAwait(false);
        var folder = storage.Value.SubFolder("badges");
        if (r is null || r.Status != RegistrationStatus.Confirmed || r.ErasedAt is not null)
        {
            Remove(folder, registrationId, keep: null);
            return null;
        }

        if (r.BadgeCode is null)
        {
            // The short code comes with the first badge; two renders racing both try, and the first one's stays. (A
            // collision with another registration's code, one chance in a trillion, fails the unique index and the
            // job's retry draws again.)
            var code = BadgeTokens.NewShortCode();
            await db.Registrations.Where(x => x.Id == registrationId && x.BadgeCode == null)
                .ExecuteUpdateAsync(set => set.SetProperty(x => x.BadgeCode, code), cancellationToken).ConfigureAwait(false);
            r = await db.Registrations.AsNoTracking().FirstAsync(x => x.Id == registrationId, cancellationToken).ConfigureAwait(false);
        }

        var category = await db.RegistrationCategories.AsNoTracking().FirstAsync(c => c.Id == r.CategoryId, cancellationToken).ConfigureAwait(false);
        var edition = await db.Editions.AsNoTracking().FirstAsync(e => e.Id == r.EditionId, cancellationToken).ConfigureAwait(false);
        return await EnsureAsync(r, category, edition, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The badge of a confirmed registration that already has its short code, with its category and edition at hand
    /// (a redraw of many loads them once, not per badge).
    /// </summary>
    public async Task<BadgeFile> EnsureAsync(Registration r, RegistrationCategory category, Core.Editions.Edition edition, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(r);
        var registrationId = r.Id;
        var folder = storage.Value.SubFolder("badges");
        var data = Compose(r, category, edition);
        // Everything printed, and the revision (a reissued badge is a new one), but not the token: its encryption is
        // randomized, and any token of the current revision scans.
        var fingerprint = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\u001f', data.ToString(), r.BadgeRevision))))[..16];
        var path = Path.Combine(folder, $"{registrationId}-{fingerprint}.pdf");
        if (File.Exists(path))
        {
            return new BadgeFile(path, fingerprint, Rendered: false);
        }

        var temporary = path + $".{Guid.NewGuid():N}.tmp";
        try
        {
            await using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 64 * 1024, useAsync: true))
            {
                BadgePdf.Render(data with { Token = tokens.Issue(r.Id, r.BadgeRevision) }, file);
                await file.FlushAsync(cancellationToken).ConfigureAwait(false);
            }

            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }

        Remove(folder, registrationId, keep: path);
        return new BadgeFile(path, fingerprint, Rendered: true);
    }

    /// <summary>
    /// The badge opened for reading (null when there is none). Opened so that a newer badge replacing the file while it
    /// is sent cannot break the download; if the file went between finding and opening, it is found again.
    /// </summary>
    public async Task<Stream?> OpenAsync(int registrationId, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < 3; attempt++)
        {
            if (await EnsureAsync(registrationId, cancellationToken).ConfigureAwait(false) is not { } badge)
            {
                return null;
            }

            try
            {
                return new FileStream(badge.Path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 64 * 1024, useAsync: true);
            }
            catch (FileNotFoundException)
            {
            }
        }

        return null;
    }

    private static void Remove(string folder, int registrationId, string? keep)
    {
        foreach (var old in Directory.EnumerateFiles(folder, $"{registrationId}-*.pdf"))
        {
            if (old != keep)
            {
                File.Delete(old);
            }
        }
    }
}

/// <summary>
/// Renders (or removes) a registration's badge and, when a new one was made, emails it with the PDF attached, once per
/// badge. Takes the registration's id; a rerun finds the file and the email already there. Do not rename: Hangfire
/// stores this type's name.
/// </summary>
[Queue(JobQueues.Badges)]
[AutomaticRetry(Attempts = 5)]
public sealed class RenderBadgeJob(SummitDbContext db, BadgeService badges, MailOutbox outbox, SiteAddress site, ILogger<RenderBadgeJob> logger)
{
    public async Task RunAsync(int registrationId, CancellationToken cancellationToken)
    {
        var badge = await badges.EnsureAsync(registrationId, cancellationToken).ConfigureAwait(false);
        if (badge is null)
        {
            return;
        }

        var r = await db.Registrations.AsNoTracking().FirstAsync(x => x.Id == registrationId, cancellationToken).ConfigureAwait(false);
        var edition = await db.Editions.AsNoTracking().Where(e => e.Id == r.EditionId).Select(e => new { e.NameEn, e.NameZh, e.Slug }).FirstAsync(cancellationToken).ConfigureAwait(false);
        var chinese = MailLayout.Chinese(r.PreferredCulture);
        var draft = BadgeMails.Ready(r.Email, r.DisplayName(chinese), r.PreferredCulture, chinese ? edition.NameZh : edition.NameEn, site.Link($"/registration/{r.AccessKey}"))
            with { Attachments = [new MailAttachment($"badge-{edition.Slug}.pdf", "application/pdf", await File.ReadAllBytesAsync(badge.Path, cancellationToken).ConfigureAwait(false))] };
        await outbox.QueueAsync(draft.About($"registration:{r.Id}", $"badge-{badge.Fingerprint}"), cancellationToken).ConfigureAwait(false);
        if (badge.Rendered)
        {
            logger.LogInformation("Badge of registration {Registration} rendered ({Fingerprint}).", registrationId, badge.Fingerprint);
        }
    }
}

/// <summary>
/// Draws again the badges of an edition (or of one category) after something every one of them prints changed: the
/// edition's names or dates, a category's names or colour. People are not emailed again: the badge is the same badge
/// (same code, same QR), only its print is newer, and the link in their email serves the new file. Do not rename:
/// Hangfire stores this type's name.
/// </summary>
[Queue(JobQueues.Badges)]
[AutomaticRetry(Attempts = 3)]
public sealed class RefreshBadgesJob(SummitDbContext db, BadgeService badges, ILogger<RefreshBadgesJob> logger)
{
    public async Task RunAsync(int editionId, int? categoryId, CancellationToken cancellationToken)
    {
        var query = db.Registrations.Where(r => r.EditionId == editionId && r.Status == RegistrationStatus.Confirmed && r.ErasedAt == null && r.BadgeCode != null);
        if (categoryId is int category)
        {
            query = query.Where(r => r.CategoryId == category);
        }

        // The edition and its categories once; the registrations in one statement: no query per badge.
        var edition = await db.Editions.AsNoTracking().FirstAsync(e => e.Id == editionId, cancellationToken).ConfigureAwait(false);
        var categories = await db.RegistrationCategories.AsNoTracking().Where(c => c.EditionId == editionId).ToDictionaryAsync(c => c.Id, cancellationToken).ConfigureAwait(false);
        var registrations = await query.AsNoTracking().OrderBy(r => r.Id).ToListAsync(cancellationToken).ConfigureAwait(false);
        var drawn = 0;
        foreach (var r in registrations)
        {
            if ((await badges.EnsureAsync(r, categories[r.CategoryId], edition, cancellationToken).ConfigureAwait(false)).Rendered)
            {
                drawn++;
            }
        }

        logger.LogInformation("Badges of edition {Edition} (category {Category}) drawn again: {Drawn} of {Count}.", editionId, categoryId, drawn, registrations.Count);
    }
}

/// <summary>Queues the badge whenever a registration becomes confirmed, stops being so, or changes what is printed.</summary>
public sealed class QueueBadges(IBackgroundJobClient jobs) : IRegistrationListener
{
    public Task HandleAsync(RegistrationChanged change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        if (change.To == RegistrationStatus.Confirmed || change.From == RegistrationStatus.Confirmed)
        {
            jobs.Enqueue<RenderBadgeJob>(job => job.RunAsync(change.RegistrationId, CancellationToken.None));
        }

        return Task.CompletedTask;
    }

    public Task HandleDetailsChangedAsync(int registrationId, CancellationToken cancellationToken)
    {
        jobs.Enqueue<RenderBadgeJob>(job => job.RunAsync(registrationId, CancellationToken.None));
        return Task.CompletedTask;
    }

    public Task HandleBadgesChangedAsync(int editionId, int? categoryId, CancellationToken cancellationToken)
    {
        jobs.Enqueue<RefreshBadgesJob>(job => job.RunAsync(editionId, categoryId, CancellationToken.None));
        return Task.CompletedTask;
    }
}

/// <summary>The "badge ready" email, with the PDF attached.</summary>
public static class BadgeMails
{
    public const string ReadyKind = "badge.ready";

    public static MailDraft Ready(string to, string name, string culture, string editionName, Uri link) =>
        MailLayout.Chinese(culture)
            ? MailLayout.Draft(ReadyKind, to, name, culture, $"您的胸卡 · {editionName}", $"{name}，您好：",
                ["您的参会胸卡已附在本邮件中（PDF）。请打印或保存在手机上，入场时出示胸卡上的二维码即可签到。", "如姓名、职务或单位有误，请通过下面的链接修改，我们会重新生成胸卡。"], [], "查看我的注册", link, "胸卡上的二维码仅用于签到，不含个人信息。")
            : MailLayout.Draft(ReadyKind, to, name, culture, $"Your badge · {editionName}", $"Dear {name},",
                ["Your badge is attached (PDF). Print it or keep it on your phone: the QR code on it checks you in at the door.", "If your name, position or organisation is wrong, correct it through the link below and we will make a new badge."], [], "See my registration", link, "The QR code only identifies your badge at check-in; it holds no personal data.");
}
