using System.ComponentModel.DataAnnotations;

namespace Summit.Web.Hosting;

/// <summary>The <c>Web</c> section.</summary>
public sealed class WebOptions : IValidatableObject
{
    public const string Section = "Web";

    /// <summary>
    /// The address people use, e.g. <c>https://summit.cci-fs.example</c>. Links in emails are built from it, never
    /// from the request's Host header, which anyone can set: a reset link must not point at someone else's site.
    /// Required outside Development.
    /// </summary>
    public Uri? PublicUrl { get; set; }

    /// <summary>Trust X-Forwarded-For/-Proto from a reverse proxy that terminates TLS.</summary>
    public bool BehindProxy { get; set; }

    /// <summary>Set by the app from its environment: Development may build links from the request.</summary>
    internal bool IsDevelopment { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (PublicUrl is null && !IsDevelopment)
        {
            yield return new ValidationResult(
                "Web:PublicUrl is required outside Development (e.g. Web__PublicUrl=https://summit.example.org): links in emails are built from it.",
                [nameof(PublicUrl)]);
        }
        else if (PublicUrl is { } url && (!url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp)))
        {
            yield return new ValidationResult("Web:PublicUrl must be an absolute http(s) address.", [nameof(PublicUrl)]);
        }
    }
}
