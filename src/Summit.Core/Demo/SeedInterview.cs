using System.Reflection;

namespace Summit.Core.Demo;

/// <summary>A photo with its caption and its credit kept apart, as the press issue will store them.</summary>
public sealed record SeedPhoto(string Caption, string Credit);

/// <summary>One block of the interview's body, in reading order.</summary>
public sealed record SeedBlock(string Text, bool IsHeading, SeedPhoto? Photo);

/// <summary>
/// The real iChongqing report on Zeng Gang at CCI-FS 2021 (<c>Demo/Seeds/interview-zeng-gang-2021.txt</c>),
/// split into headline, dateline, lead, body, photos and contributor line. The site's page chrome that
/// follows the report in the file (cookie banner, hotline) is left out.
/// </summary>
public sealed record SeedInterview(
    string Source,
    string Headline,
    string Dateline,
    string Lead,
    IReadOnlyList<SeedBlock> Body,
    string? Contributors)
{
    public const string ResourceName = "Summit.Core.Demo.Seeds.interview-zeng-gang-2021.txt";

    public IEnumerable<SeedPhoto> Photos => Body.Where(b => b.Photo is not null).Select(b => b.Photo!);

    public static SeedInterview Load()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Embedded resource {ResourceName} is missing.");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd());
    }

    public static SeedInterview Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var blocks = text.Replace("\r\n", "\n", StringComparison.Ordinal)
            .Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(b => b.Length > 0)
            .ToList();
        if (blocks.Count < 4)
        {
            throw new FormatException("The interview needs a source line, a headline, a lead and a body.");
        }

        var source = blocks[0].Replace(" Title", "", StringComparison.Ordinal).Trim();
        var headline = blocks[1];
        var (dateline, lead) = SplitDateline(blocks[2]);
        var body = new List<SeedBlock>();
        string? contributors = null;
        foreach (var block in blocks.Skip(3))
        {
            if (block.StartsWith('(') && block.EndsWith(')'))
            {
                contributors = block.Trim('(', ')').Trim();
                break;
            }

            body.Add(ToBlock(block));
        }

        return new(source, headline, dateline, lead, body, contributors);
    }

    private static (string Dateline, string Lead) SplitDateline(string paragraph)
    {
        var dash = paragraph.IndexOf('-', StringComparison.Ordinal);
        return dash is > 0 and < 40 ? (paragraph[..dash].Trim(), paragraph[(dash + 1)..].Trim()) : ("", paragraph);
    }

    private static SeedBlock ToBlock(string block)
    {
        // Captions end with the credit in brackets: "… (iChongqing/ Vivian Yan)".
        if (block.EndsWith(')') && block.LastIndexOf('(') is var open and > 0)
        {
            var credit = block[(open + 1)..^1].Replace("/ ", " / ", StringComparison.Ordinal).Trim();
            return new(block, false, new SeedPhoto(block[..open].Trim(), credit));
        }

        var isHeading = block.Length < 60 && !block.EndsWith('.') && !block.EndsWith('"') && !block.EndsWith('”');
        return new(block, isHeading, null);
    }
}
