using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Summit.Core.Data;

/// <summary>
/// The <c>DataProtection</c> section: the certificate (PKCS#12, with its private key) that encrypts the Data Protection
/// keys kept in the database, which sign cookies, antiforgery tokens and badge QR codes. Without it the keys are stored
/// as plain XML, and anyone who can read the database (or a backup of it) can forge a sign-in.
/// </summary>
public sealed class KeyProtectionOptions
{
    public const string Section = "DataProtection";

    public string? CertificatePath { get; set; }

    public string? CertificatePassword { get; set; }

    /// <summary>Certificates replaced by a newer one: keys they encrypted can still be read (rotation without a forced sign-out).</summary>
    public IList<string> PreviousCertificatePaths { get; } = [];

    public bool IsSet => !string.IsNullOrWhiteSpace(CertificatePath);

    /// <summary>The certificate and its predecessors; a missing file, a wrong password or no private key stops the start with the reason.</summary>
    public (X509Certificate2 Current, X509Certificate2[] All) Load()
    {
        var current = LoadOne(CertificatePath!);
        return (current, [current, .. PreviousCertificatePaths.Select(LoadOne)]);
    }

    private X509Certificate2 LoadOne(string path)
    {
        try
        {
            var certificate = X509CertificateLoader.LoadPkcs12FromFile(path, CertificatePassword);
            return certificate.HasPrivateKey
                ? certificate
                : throw new InvalidOperationException($"DataProtection: the certificate {path} has no private key; the keys could be encrypted but never read again.");
        }
        catch (Exception e) when (e is CryptographicException or IOException or UnauthorizedAccessException)
        {
            throw new InvalidOperationException($"DataProtection: the certificate {path} cannot be read ({e.Message}). Check DataProtection:CertificatePath and DataProtection:CertificatePassword.", e);
        }
    }
}
