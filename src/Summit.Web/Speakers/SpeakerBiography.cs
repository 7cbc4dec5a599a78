using Microsoft.AspNetCore.Mvc;
using Summit.Core.Speakers;
using Summit.Core.Text;

namespace Summit.Web.Speakers;

/// <summary>A biography's preview, rendered and cleaned by the same code as the public speaker page.</summary>
public static class SpeakerBiography
{
    /// <summary>The cleaned HTML, or null for an empty field (no preview to show).</summary>
    public static string? Preview(string? markdown) =>
        string.IsNullOrWhiteSpace(markdown) ? null : RichText.ToSafeHtml(markdown.Length > SaveSpeaker.BiographyMaxLength ? markdown[..SaveSpeaker.BiographyMaxLength] : markdown);

    /// <summary>The live preview's answer: the HTML, or 413 past the field's limit.</summary>
    public static IActionResult Fragment(string? markdown) =>
        markdown is { Length: > SaveSpeaker.BiographyMaxLength }
            ? new StatusCodeResult(StatusCodes.Status413PayloadTooLarge)
            : new ContentResult { Content = Preview(markdown) ?? "", ContentType = "text/html; charset=utf-8" };
}
