using System.Buffers.Binary;
using System.Buffers.Text;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace Summit.Core.Registrations;

/// <summary>
/// The QR code's payload: an opaque ASCII token naming a registration and its badge revision, encrypted and signed with
/// the site's data-protection keys (shared through the database by every web node and worker). It carries no personal
/// data; altering or forging one fails verification; a cancelled registration or a reissued badge makes an old one
/// scan as not valid, because the desk checks the registration it names.
/// </summary>
public sealed class BadgeTokens(IDataProtectionProvider provider)
{
    private const string Prefix = "S1.";

    private readonly IDataProtector protector = provider.CreateProtector("Summit.Badges.v1");

    /// <summary>Letters and digits nobody confuses when reading a badge aloud or typing it: no 0/O, 1/I/L.</summary>
    private const string ShortCodeAlphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

    /// <summary>A new random short code: 8 characters, about 40 bits, so guessing one at a desk is hopeless.</summary>
    public static string NewShortCode() => new(RandomNumberGenerator.GetItems(ShortCodeAlphabet.AsSpan(), 8));

    /// <summary>The stored form of what someone typed (<c>abcd-efgh</c> → <c>ABCDEFGH</c>), or null when it cannot be a short code.</summary>
    public static string? NormalizeShortCode(string? typed)
    {
        var text = typed?.Replace("-", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal).Trim().ToUpperInvariant();
        return text is { Length: 8 } && text.All(c => ShortCodeAlphabet.Contains(c, StringComparison.Ordinal)) ? text : null;
    }

    public static string FormatShortCode(string code) => code.Length == 8 ? $"{code[..4]}-{code[4..]}" : code;

    public string Issue(int registrationId, int revision)
    {
        var payload = new byte[8];
        BinaryPrimitives.WriteInt32BigEndian(payload, registrationId);
        BinaryPrimitives.WriteInt32BigEndian(payload.AsSpan(4), revision);
        return Prefix + Base64Url.EncodeToString(protector.Protect(payload));
    }

    /// <summary>The registration and revision a token names, or null when it is not one of ours, or was altered.</summary>
    public (int RegistrationId, int Revision)? Read(string? token)
    {
        var text = token?.Trim();
        if (text is null || !text.StartsWith(Prefix, StringComparison.Ordinal) || text.Length > 400)
        {
            return null;
        }

        try
        {
            var payload = protector.Unprotect(Base64Url.DecodeFromChars(text.AsSpan(Prefix.Length)));
            return payload.Length == 8
                ? (BinaryPrimitives.ReadInt32BigEndian(payload), BinaryPrimitives.ReadInt32BigEndian(payload.AsSpan(4)))
                : null;
        }
        catch (Exception e) when (e is CryptographicException or FormatException)
        {
            return null;
        }
    }
}
