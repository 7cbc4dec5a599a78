namespace Summit.Web;

/// <summary>
/// The key type of the one resource file for UI strings (<c>Resources/SharedResource.zh-Hans.resx</c>). Keys are the
/// English text, so English needs no file and a missing translation shows English rather than a key.
/// </summary>
#pragma warning disable CA1052 // A marker type for IStringLocalizer<T>; it must be instantiable as a type argument.
public sealed class SharedResource
#pragma warning restore CA1052
{
}
