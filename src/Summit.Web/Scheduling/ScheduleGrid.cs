using Summit.Core.Scheduling;

namespace Summit.Web.Scheduling;

/// <summary>
/// Lays one day's sessions out as a table: a column per room, a row per interval between consecutive start or end
/// times, a session spanning the rows it covers. A plain table needs no script and no inline style, reads well in a
/// screen reader, and prints. A session that overlaps one already in its room (a cancelled one and its replacement)
/// cannot share a cell and is listed under the grid instead.
/// </summary>
public sealed class ScheduleGrid
{
    public enum CellKind
    {
        Empty,
        Session,
        Covered,
    }

    public sealed record Cell(CellKind Kind, ProgrammeSession? Session = null, int RowSpan = 1);

    public sealed record Row(DateTimeOffset StartsAt, DateTimeOffset EndsAt, IReadOnlyList<Cell> Cells);

    public required IReadOnlyList<ProgrammeRoom> Rooms { get; init; }

    public required IReadOnlyList<Row> Rows { get; init; }

    public required IReadOnlyList<ProgrammeSession> Overflow { get; init; }

    /// <param name="allRooms">Every room of the edition, in column order.</param>
    /// <param name="editorSlots">
    /// For the editor: fixed times (every half hour of the day) added to the row boundaries, with every room as a
    /// column and empty rows kept, so there is a free cell to place a session in. The public grid passes none.
    /// </param>
    public static ScheduleGrid Build(IReadOnlyList<ProgrammeSession> sessions, IReadOnlyList<ProgrammeRoom> allRooms, IReadOnlyList<DateTimeOffset>? editorSlots = null)
    {
        ArgumentNullException.ThrowIfNull(sessions);
        ArgumentNullException.ThrowIfNull(allRooms);
        var rooms = allRooms.Where(r => editorSlots is not null || sessions.Any(s => s.Room.Id == r.Id)).ToList();
        var bounds = sessions.SelectMany(s => new[] { s.StartsAt, s.EndsAt }).Concat(editorSlots ?? []).Distinct().Order().ToList();
        var intervals = bounds.Zip(bounds.Skip(1)).ToList();
        var cells = new Cell[intervals.Count, rooms.Count];
        var overflow = new List<ProgrammeSession>();

        // Sessions that take place go in first, so a cancelled one yields its cell to what replaced it.
        foreach (var session in sessions.OrderBy(s => s.IsCancelled).ThenBy(s => s.StartsAt))
        {
            var column = rooms.FindIndex(r => r.Id == session.Room.Id);
            var first = intervals.FindIndex(i => i.First == session.StartsAt);
            var last = intervals.FindLastIndex(i => i.Second == session.EndsAt);
            if (column < 0 || first < 0 || last < first || Enumerable.Range(first, last - first + 1).Any(r => cells[r, column] is not null))
            {
                overflow.Add(session);
                continue;
            }

            cells[first, column] = new Cell(CellKind.Session, session, last - first + 1);
            for (var r = first + 1; r <= last; r++)
            {
                cells[r, column] = new Cell(CellKind.Covered);
            }
        }

        var rows = new List<Row>();
        for (var r = 0; r < intervals.Count; r++)
        {
            var rowCells = Enumerable.Range(0, rooms.Count).Select(c => cells[r, c] ?? new Cell(CellKind.Empty)).ToList();
            rows.Add(new Row(intervals[r].First, intervals[r].Second, rowCells));
        }

        // Rows where nothing starts and every room is idle are gaps (lunch in another building): drop them.
        if (editorSlots is null)
        {
            rows.RemoveAll(row => row.Cells.All(c => c.Kind == CellKind.Empty));
        }

        return new ScheduleGrid { Rooms = rooms, Rows = rows, Overflow = overflow.OrderBy(s => s.StartsAt).ToList() };
    }
}
