namespace Summit.Core.Registrations;

public enum BadgeSheetLayout
{
    /// <summary>Four A6 badges on each A4 sheet, with cut marks, for an office printer.</summary>
    FourPerA4,

    /// <summary>One badge per A6 page, for a badge printer.</summary>
    OnePerPage,
}

/// <summary>Whose badges a print run holds (always confirmed registrations: only they have a badge).</summary>
public enum BadgeSheetSelection
{
    /// <summary>Every confirmed registration (of the category, if one is chosen).</summary>
    Confirmed,

    /// <summary>Confirmed registrations whose current badge has not been in a finished print run: new ones, and reissued ones.</summary>
    NotPrinted,

    /// <summary>The registrations an organizer listed, by email address or badge code.</summary>
    List,
}

/// <summary>A print run of badges an organizer asked for: which registrations, which layout, and how far it has got.</summary>
public sealed class BadgeSheet
{
    private BadgeSheet()
    {
    }

    internal BadgeSheet(int editionId, int? categoryId, BadgeSheetSelection selection, BadgeSheetLayout layout, string createdBy, DateTimeOffset now)
    {
        EditionId = editionId;
        CategoryId = categoryId;
        Selection = selection;
        Layout = layout;
        CreatedBy = createdBy;
        CreatedAt = now;
    }

    public int Id { get; private set; }

    public int EditionId { get; private set; }

    /// <summary>Null for every category. Only confirmed registrations have badges.</summary>
    public int? CategoryId { get; private set; }

    public BadgeSheetLayout Layout { get; private set; }

    public BadgeSheetSelection Selection { get; private set; }

    public string CreatedBy { get; private set; } = "";

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>Badges in the run, known once the job has started.</summary>
    public int? Total { get; private set; }

    /// <summary>Badges drawn so far (written by the job as it goes, for the progress bar).</summary>
    public int Done { get; private set; }

    public DateTimeOffset? FinishedAt { get; private set; }

    public string? Error { get; private set; }

    /// <summary>The run's registrations, chosen when it was planned.</summary>
    public ICollection<BadgeSheetEntry> Entries { get; private set; } = [];
}
