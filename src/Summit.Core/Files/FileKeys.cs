namespace Summit.Core.Files;

/// <summary>
/// A key is a relative path of lower-case letters, digits, '.', '-' and '_' in segments separated by '/', no segment
/// empty or starting with a dot: safe as a file name under the folder, as an object key and as a database key alike.
/// Summit makes every key itself; anything else is refused before it reaches a store.
/// </summary>
public static class FileKeys
{
    public const int MaxLength = 300;

    public static bool IsValid(string? key, bool prefix = false)
    {
        if (string.IsNullOrEmpty(key) || key.Length > MaxLength || key[0] == '/')
        {
            return false;
        }

        var segments = key.Split('/');
        for (var i = 0; i < segments.Length; i++)
        {
            var segment = segments[i];
            // A prefix may end in '/' (a whole folder) or mid-name ("badges/12-").
            if (segment.Length == 0)
            {
                if (prefix && i == segments.Length - 1)
                {
                    continue;
                }

                return false;
            }

            if (segment[0] == '.' || !segment.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '.' or '-' or '_'))
            {
                return false;
            }
        }

        return true;
    }

    public static string Check(string key, bool prefix = false) =>
        IsValid(key, prefix) ? key : throw new ArgumentException($"Not a file key: '{key}'.", nameof(key));

    /// <summary>A quoted strong ETag from a hash or version text.</summary>
    public static string ETag(string opaque) => $"\"{opaque}\"";
}
