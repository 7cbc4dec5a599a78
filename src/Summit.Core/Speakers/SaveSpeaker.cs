using System.Globalization;
using System.Net.Mail;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Summit.Core.Data;
using Summit.Core.Editions;

namespace Summit.Core.Speakers;

public sealed record PositionDetails(string? TitleEn, string? TitleZh, string? OrganisationEn, string? OrganisationZh)
{
    public bool IsEmpty => string.IsNullOrWhiteSpace(TitleEn) && string.IsNullOrWhiteSpace(TitleZh)
        && string.IsNullOrWhiteSpace(OrganisationEn) && string.IsNullOrWhiteSpace(OrganisationZh);
}

public sealed record LinkDetails(SpeakerLinkKind Kind, string Url);

/// <summary>What an organizer (or the speaker) types for a profile; <see cref="SaveSpeaker"/> checks it.</summary>
public sealed record SpeakerDetails(
    string Slug,
    string? FamilyNameZh,
    string? GivenNameZh,
    string? FamilyNameLatin,
    string? GivenNameLatin,
    bool LatinFamilyNameFirst,
    string? HonorificEn,
    string? HonorificZh,
    string? CountryCode,
    string? BiographyEn,
    string? BiographyZh,
    string? ContactEmail,
    IReadOnlyList<PositionDetails> Positions,
    IReadOnlyList<LinkDetails> Links);

/// <summary>A speaker's profile was made or changed (the speaker.changed webhook follows it).</summary>
public sealed record SpeakerChanged(int SpeakerId);

public sealed record SaveSpeakerResult(int? SpeakerId, IReadOnlyList<Refusal> Refusals)
{
    public bool Saved => SpeakerId is not null;
}

/// <summary>Creates or updates a speaker's profile: names, slug, positions, links, country, and (for organizers) editions.</summary>
/// <param name="consequences">Null only in tests of the profile rules alone: then no speaker.changed event follows.</param>
public sealed partial class SaveSpeaker(SummitDbContext db, TimeProvider clock, Consequences.ConsequenceRecorder? consequences = null)
{
    public const int SlugMaxLength = 64;
    public const int NameMaxLength = 100;
    public const int HonorificMaxLength = 50;
    public const int BiographyMaxLength = 10_000;
    public const int PositionPartMaxLength = 200;
    public const int UrlMaxLength = 500;
    public const int MaxPositions = 8;
    public const int MaxLinks = 8;

    /// <summary>The field a refusal for a stale version names (the API answers it with 412).</summary>
    public const string VersionField = "If-Match";

    public static class Reasons
    {
        public const string NameRequired = "Enter the name in Chinese or in Latin script, or both.";
        public const string SlugShape = "Use 1 to 64 lowercase letters, digits or hyphens, starting with a letter or digit (for example zeng-gang).";
        public const string SlugTaken = "Another speaker already uses this address.";
        public const string TextTooLong = "This text is too long.";
        public const string UnknownCountry = "Enter a two-letter country or region code such as CN, SG or MY.";
        public const string BadEmail = "Enter a valid email address, like name@example.com.";
        public const string BadLink = "Links must be full web addresses starting with https:// or http://.";
        public const string TooManyPositions = "A profile lists at most 8 positions.";
        public const string TooManyLinks = "A profile lists at most 8 links.";
        public const string NotFound = "This speaker does not exist (any more).";
        public const string Changed = "The profile changed since you read it; read it again and decide on what it is now.";
        public const string ControlCharacters = "This text contains invisible control characters; type it again.";
    }

    public static IReadOnlyList<Refusal> Check(SpeakerDetails details)
    {
        ArgumentNullException.ThrowIfNull(details);
        var refusals = new List<Refusal>();
        if (!SlugPattern().IsMatch(details.Slug?.Trim().ToLowerInvariant() ?? ""))
        {
            refusals.Add(new(nameof(SpeakerDetails.Slug), Reasons.SlugShape));
        }

        if (SpeakerNames.Chinese(details.FamilyNameZh, details.GivenNameZh) is null
            && SpeakerNames.Latin(details.FamilyNameLatin, details.GivenNameLatin, true) is null)
        {
            refusals.Add(new(nameof(SpeakerDetails.FamilyNameLatin), Reasons.NameRequired));
        }

        refusals.AddRange(Texts.TooLong(
            Reasons.TextTooLong,
            (nameof(SpeakerDetails.FamilyNameZh), details.FamilyNameZh, NameMaxLength),
            (nameof(SpeakerDetails.GivenNameZh), details.GivenNameZh, NameMaxLength),
            (nameof(SpeakerDetails.FamilyNameLatin), details.FamilyNameLatin, NameMaxLength),
            (nameof(SpeakerDetails.GivenNameLatin), details.GivenNameLatin, NameMaxLength),
            (nameof(SpeakerDetails.HonorificEn), details.HonorificEn, HonorificMaxLength),
            (nameof(SpeakerDetails.HonorificZh), details.HonorificZh, HonorificMaxLength),
            (nameof(SpeakerDetails.BiographyEn), details.BiographyEn, BiographyMaxLength),
            (nameof(SpeakerDetails.BiographyZh), details.BiographyZh, BiographyMaxLength)));

        foreach (var (field, value) in TextFields(details))
        {
            if (Texts.HasControlCharacters(value))
            {
                refusals.Add(new(field, Reasons.ControlCharacters));
            }
        }

        if (!string.IsNullOrWhiteSpace(details.CountryCode) && !IsRegion(details.CountryCode.Trim()))
        {
            refusals.Add(new(nameof(SpeakerDetails.CountryCode), Reasons.UnknownCountry));
        }

        if (!string.IsNullOrWhiteSpace(details.ContactEmail)
            && (details.ContactEmail.Trim().Length > 254 || !MailAddress.TryCreate(details.ContactEmail.Trim(), out var address) || address.Address != details.ContactEmail.Trim()))
        {
            refusals.Add(new(nameof(SpeakerDetails.ContactEmail), Reasons.BadEmail));
        }

        var positions = details.Positions.Where(p => !p.IsEmpty).ToList();
        if (positions.Count > MaxPositions)
        {
            refusals.Add(new(nameof(SpeakerDetails.Positions), Reasons.TooManyPositions));
        }

        if (positions.Any(p => new[] { p.TitleEn, p.TitleZh, p.OrganisationEn, p.OrganisationZh }.Any(v => v is not null && v.Trim().Length > PositionPartMaxLength)))
        {
            refusals.Add(new(nameof(SpeakerDetails.Positions), Reasons.TextTooLong));
        }

        var links = details.Links.Where(l => !string.IsNullOrWhiteSpace(l.Url)).ToList();
        if (links.Count > MaxLinks)
        {
            refusals.Add(new(nameof(SpeakerDetails.Links), Reasons.TooManyLinks));
        }

        if (links.Any(l => !IsWebAddress(l.Url)))
        {
            refusals.Add(new(nameof(SpeakerDetails.Links), Reasons.BadLink));
        }

        return refusals;
    }

    private static IEnumerable<(string Field, string? Value)> TextFields(SpeakerDetails d)
    {
        yield return (nameof(d.Slug), d.Slug);
        yield return (nameof(d.FamilyNameZh), d.FamilyNameZh);
        yield return (nameof(d.GivenNameZh), d.GivenNameZh);
        yield return (nameof(d.FamilyNameLatin), d.FamilyNameLatin);
        yield return (nameof(d.GivenNameLatin), d.GivenNameLatin);
        yield return (nameof(d.HonorificEn), d.HonorificEn);
        yield return (nameof(d.HonorificZh), d.HonorificZh);
        yield return (nameof(d.CountryCode), d.CountryCode);
        yield return (nameof(d.BiographyEn), d.BiographyEn);
        yield return (nameof(d.BiographyZh), d.BiographyZh);
        yield return (nameof(d.ContactEmail), d.ContactEmail);
        foreach (var p in d.Positions)
        {
            yield return (nameof(d.Positions), p.TitleEn);
            yield return (nameof(d.Positions), p.TitleZh);
            yield return (nameof(d.Positions), p.OrganisationEn);
            yield return (nameof(d.Positions), p.OrganisationZh);
        }

        foreach (var l in d.Links)
        {
            yield return (nameof(d.Links), l.Url);
        }
    }

    /// <summary>"zeng-gang" from "Zeng Gang"; empty when the name has no Latin letters (then the organizer picks one).</summary>
    public static string SlugFrom(string? latinName)
    {
        var normalized = (latinName ?? "").Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder();
        foreach (var c in normalized)
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                builder.Append(char.ToLowerInvariant(c));
            }
            else if ((c == ' ' || c == '-' || c == '\'') && builder.Length > 0 && builder[^1] != '-')
            {
                builder.Append('-');
            }
        }

        var slug = builder.ToString().Trim('-');
        return slug.Length > SlugMaxLength ? slug[..SlugMaxLength].Trim('-') : slug;
    }

    public static bool IsRegion(string code)
    {
        if (code.Length != 2 || !code.All(char.IsAsciiLetter))
        {
            return false;
        }

        try
        {
            _ = new RegionInfo(code.ToUpperInvariant());
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static bool IsWebAddress(string url) =>
        url.Trim().Length <= UrlMaxLength
        && Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);

    /// <summary>Saves the profile; <paramref name="editionIds"/> (organizers only) replaces the editions the speaker is marked for.</summary>
    public Task<SaveSpeakerResult> RunAsync(int? id, SpeakerDetails details, IReadOnlyCollection<int>? editionIds, CancellationToken cancellationToken = default) =>
        RunAsync(id, details, editionIds, null, cancellationToken);

    /// <summary>
    /// As <see cref="RunAsync(int?, SpeakerDetails, IReadOnlyCollection{int}?, CancellationToken)"/>; with
    /// <paramref name="expectedVersion"/> (the <see cref="Speaker.UpdatedAt"/> read before) an existing profile is
    /// saved only while it is still that version, checked under its row lock (refused on <see cref="VersionField"/>).
    /// </summary>
    public async Task<SaveSpeakerResult> RunAsync(int? id, SpeakerDetails details, IReadOnlyCollection<int>? editionIds, DateTimeOffset? expectedVersion, CancellationToken cancellationToken)
    {
        var refusals = Check(details);
        if (refusals.Count > 0)
        {
            return new(null, refusals);
        }

        var slug = details.Slug.Trim().ToLowerInvariant();
        if (await db.Speakers.AnyAsync(s => s.Slug == slug && s.Id != id, cancellationToken))
        {
            return new(null, [new(nameof(SpeakerDetails.Slug), Reasons.SlugTaken)]);
        }

        var now = clock.GetUtcNow();
        Speaker speaker;
        try
        {
            // One transaction: the version check, the save, and (for a new speaker, once it has its id) the event.
            await using var transaction = db.Database.CurrentTransaction is not null ? null : await db.Database.BeginTransactionAsync(cancellationToken);
            if (id is null)
            {
                speaker = Speaker.Create(details, now);
                db.Speakers.Add(speaker);
            }
            else
            {
                if (expectedVersion is { } version
                    && await db.Speakers.Where(s => s.Id == id && s.UpdatedAt == version).ExecuteUpdateAsync(u => u.SetProperty(s => s.UpdatedAt, s => s.UpdatedAt), cancellationToken) == 0)
                {
                    return new(null, [await db.Speakers.AnyAsync(s => s.Id == id, cancellationToken) ? new(VersionField, Reasons.Changed) : new("", Reasons.NotFound)]);
                }

                var found = await db.Speakers.Include(s => s.Editions).FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
                if (found is null)
                {
                    return new(null, [new("", Reasons.NotFound)]);
                }

                speaker = found;
                speaker.Apply(details, now);
            }

            if (editionIds is not null)
            {
                var existing = await db.Editions.Where(e => editionIds.Contains(e.Id)).Select(e => e.Id).ToListAsync(cancellationToken);
                speaker.SetEditions(existing);
            }

            await db.SaveChangesAsync(cancellationToken);
            if (consequences is not null)
            {
                consequences.Record(new SpeakerChanged(speaker.Id), $"speaker:{speaker.Id}");
                await db.SaveChangesAsync(cancellationToken);
            }

            if (transaction is not null)
            {
                await transaction.CommitAsync(cancellationToken);
            }
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            if (await db.Speakers.AnyAsync(s => s.Slug == slug && s.Id != id, cancellationToken))
            {
                return new(null, [new(nameof(SpeakerDetails.Slug), Reasons.SlugTaken)]);
            }

            throw;
        }

        return new(speaker.Id, []);
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex SlugPattern();
}
