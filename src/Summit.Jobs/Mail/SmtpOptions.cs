using System.ComponentModel.DataAnnotations;

namespace Summit.Jobs.Mail;

public enum SmtpSecurity
{
    Auto,
    None,
    StartTls,
    SslOnConnect,
}

/// <summary>The <c>Smtp</c> section. An empty <see cref="Host"/> writes every email into <c>Storage:Path/outbox/</c> instead.</summary>
public sealed class SmtpOptions : IValidatableObject
{
    public const string Section = "Smtp";

    public string? Host { get; set; }

    [Range(1, 65535)]
    public int Port { get; set; } = 587;

    public SmtpSecurity Security { get; set; } = SmtpSecurity.Auto;

    public string? User { get; set; }

    public string? Password { get; set; }

    [Required]
    [EmailAddress]
    public string FromAddress { get; set; } = "summit@cci-fs.example";

    [Required]
    public string FromName { get; set; } = "CCI-FS Summit";

    /// <summary>The right-hand side of generated Message-IDs.</summary>
    [Required]
    public string MessageIdDomain { get; set; } = "summit.cci-fs.example";

    /// <summary>Keep connections open between messages (one login for a burst of mail). Off: one connection per message.</summary>
    public bool ReuseConnections { get; set; } = true;

    /// <summary>Open connections kept per process between messages; about the number of mail workers.</summary>
    [Range(1, 50)]
    public int MaxIdleConnections { get; set; } = 4;

    /// <summary>A connection idle this long is closed, not reused: servers drop idle sessions after 30 s to a few minutes.</summary>
    [Range(1, 600)]
    public int IdleSeconds { get; set; } = 20;

    /// <summary>
    /// The SHA-256 fingerprint (hex) of a server certificate to trust although no authority vouches for it: an
    /// internal relay with a self-signed certificate. Any other certificate must validate as usual.
    /// </summary>
    public string? CertificateSha256 { get; set; }

    public bool UsesOutboxFolder => string.IsNullOrWhiteSpace(Host);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!string.IsNullOrEmpty(User) && string.IsNullOrEmpty(Password))
        {
            yield return new ValidationResult("Smtp:Password is required when Smtp:User is set.", [nameof(Password)]);
        }
    }
}
