using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;

namespace Summit.Core.Press;

public enum DiffLineKind
{
    Same,
    Added,
    Removed,
}

public sealed record DiffLine(DiffLineKind Kind, string Text);

/// <summary>One field of two revisions compared line by line (a Markdown paragraph is a line).</summary>
public sealed record FieldDiff(string Field, IReadOnlyList<DiffLine> Lines)
{
    public bool Changed => Lines.Any(l => l.Kind != DiffLineKind.Same);
}

/// <summary>Compares two revisions of an article field by field, with DiffPlex.</summary>
public static class RevisionDiff
{
    public static IReadOnlyList<FieldDiff> Compare(ArticleContent older, ArticleContent newer)
    {
        ArgumentNullException.ThrowIfNull(older);
        ArgumentNullException.ThrowIfNull(newer);
        (string Field, string? Old, string? New)[] fields =
        [
            (nameof(ArticleContent.HeadlineEn), older.HeadlineEn, newer.HeadlineEn),
            (nameof(ArticleContent.HeadlineZh), older.HeadlineZh, newer.HeadlineZh),
            (nameof(ArticleContent.DatelineEn), older.DatelineEn, newer.DatelineEn),
            (nameof(ArticleContent.DatelineZh), older.DatelineZh, newer.DatelineZh),
            (nameof(ArticleContent.LeadEn), older.LeadEn, newer.LeadEn),
            (nameof(ArticleContent.LeadZh), older.LeadZh, newer.LeadZh),
            (nameof(ArticleContent.BodyEn), older.BodyEn, newer.BodyEn),
            (nameof(ArticleContent.BodyZh), older.BodyZh, newer.BodyZh),
            (nameof(ArticleContent.QuotedPassages), older.QuotedPassages, newer.QuotedPassages),
            (nameof(ArticleContent.Tags), string.Join(", ", older.Tags), string.Join(", ", newer.Tags)),
            (nameof(ArticleContent.Slug), older.Slug, newer.Slug),
        ];
        return [.. fields.Select(f => new FieldDiff(f.Field, Lines(f.Old ?? "", f.New ?? ""))).Where(d => d.Lines.Count > 0)];
    }

    private static List<DiffLine> Lines(string older, string newer)
    {
        if (older.Length == 0 && newer.Length == 0)
        {
            return [];
        }

        var model = InlineDiffBuilder.Diff(older, newer, ignoreWhiteSpace: false);
        return [.. model.Lines.Where(l => l.Type != ChangeType.Imaginary).Select(l => new DiffLine(
            l.Type switch { ChangeType.Inserted => DiffLineKind.Added, ChangeType.Deleted => DiffLineKind.Removed, _ => DiffLineKind.Same }, l.Text))];
    }
}
