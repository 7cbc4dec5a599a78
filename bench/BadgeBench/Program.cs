using System.Diagnostics;
using System.Globalization;
using Summit.Jobs.Badges;

// Badges rendered one after another, each a complete A6 PDF as the badge job makes it (with fonts subset and a QR
// code): badges per second and peak memory. `--sample path.pdf` writes one badge to look at.
// Usage: BadgeBench [count] [--sample path.pdf]
var count = args.Length > 0 && int.TryParse(args[0], CultureInfo.InvariantCulture, out var n) ? n : 1000;
var sampleAt = Array.IndexOf(args, "--sample");
var badge = new BadgeData(
    "China-Singapore (Chongqing) Connectivity Initiative Financial Summit 2021", "中新（重庆）战略性互联互通示范项目金融峰会 2021",
    "5–6 November 2021", "2021年11月5日至6日", "Speaker", "演讲嘉宾", "#2e7d32",
    "曾刚", "Zeng Gang", "Deputy Director · 副主任", "National Institution for Finance and Development · 国家金融与发展实验室",
    "S1.CfDJ8Example-token-for-the-sample-badge-only-not-valid-anywhere-0123456789abcdefghijklmnopqrstuvwxyz", "K7PM-3XWQ");
if (sampleAt >= 0 && sampleAt + 1 < args.Length)
{
    await using var file = File.Create(args[sampleAt + 1]);
    BadgePdf.Render(badge, file);
    Console.WriteLine($"wrote {args[sampleAt + 1]} ({file.Length:N0} bytes)");
    return;
}

var sheetAt = Array.IndexOf(args, "--sheet");
if (sheetAt >= 0)
{
    // The print run of `count` badges, four to an A4 sheet, written by the print-run job's writer (in parts, then joined; a
    // ZIP of PDFs of a ream each past BadgeSheetPdf.FileSize).
    // Run twice in one process: cold (fonts loaded and code compiled during the run, as the first run after a worker
    // starts) and warm. Peak memory is sampled every 25 badges from the writer's progress callback, and at the end.
    foreach (var pass in new[] { "cold", "warm" })
    {
        var sheetClock = Stopwatch.StartNew();
        var sheetPeak = 0L;
        // The working set every thousand badges: whether memory follows the run's length or stays level.
        var samples = new List<long>();
        var path = Path.Combine(Path.GetTempPath(), $"badge-sheet-bench-{Environment.ProcessId}.{(BadgeSheetPdf.IsZip(count) ? "zip" : "pdf")}");
        var badges = Enumerable.Range(0, count).Select(i => badge with { NameLatin = $"Guest Number {i}", Token = badge.Token + i.ToString(CultureInfo.InvariantCulture) });
        await BadgeSheetPdf.WriteAsync(badges, count, Summit.Core.Registrations.BadgeSheetLayout.FourPerA4, "Badges", path, _ =>
        {
            sheetPeak = Math.Max(sheetPeak, Process.GetCurrentProcess().WorkingSet64);
            if (_ % 1000 == 0)
            {
                samples.Add(Process.GetCurrentProcess().WorkingSet64);
            }

            return Task.CompletedTask;
        }, CancellationToken.None);
        sheetClock.Stop();
        sheetPeak = Math.Max(sheetPeak, Process.GetCurrentProcess().PeakWorkingSet64);
        var size = new FileInfo(path).Length;
        File.Delete(path);
        Console.WriteLine($"# {DateTime.UtcNow:yyyy-MM-ddTHH:mmZ} {Environment.ProcessorCount} cores; {pass}: the print run of {count} badges, 4 per A4 sheet ({(count + 3) / 4} pages), in parts of {BadgeSheetPdf.PartSize}, {BadgeSheetPdf.FileCount(count)} file(s){(BadgeSheetPdf.IsZip(count) ? " in a ZIP" : "")}");
        Console.WriteLine($"badges/s {count / sheetClock.Elapsed.TotalSeconds:F0}; sheets/s {(count + 3) / 4 / sheetClock.Elapsed.TotalSeconds:F0}; seconds {sheetClock.Elapsed.TotalSeconds:F2}; file {size / 1024 / 1024.0:F1} MB; peak working set {sheetPeak / 1024 / 1024} MB");
        if (samples.Count >= 4)
        {
            static long Mean(IEnumerable<long> values) => (long)values.Average() / 1024 / 1024;
            var quarter = samples.Count / 4;
            Console.WriteLine($"working set every 1,000 badges: first quarter mean {Mean(samples.Take(quarter))} MB, last quarter mean {Mean(samples.TakeLast(quarter))} MB, highest {samples.Max() / 1024 / 1024} MB");
        }
    }

    return;
}

// Warm-up: fonts loaded and code compiled before timing.
for (var i = 0; i < 20; i++)
{
    BadgePdf.Render(badge with { NameLatin = $"Warm Up {i}" }, Stream.Null);
}

var peak = 0L;
long bytes = 0;
var clock = Stopwatch.StartNew();
for (var i = 0; i < count; i++)
{
    using var output = new MemoryStream();
    BadgePdf.Render(badge with { NameLatin = $"Guest Number {i}", Token = badge.Token + i.ToString(CultureInfo.InvariantCulture) }, output);
    bytes += output.Length;
    if (i % 50 == 0)
    {
        peak = Math.Max(peak, Process.GetCurrentProcess().WorkingSet64);
    }
}

clock.Stop();
Console.WriteLine($"# {DateTime.UtcNow:yyyy-MM-ddTHH:mmZ} {Environment.ProcessorCount} cores; {count} single-badge PDFs, one after another");
Console.WriteLine($"badges/s {count / clock.Elapsed.TotalSeconds:F0}; seconds {clock.Elapsed.TotalSeconds:F2}; mean size {bytes / count / 1024.0:F0} KB; peak working set {peak / 1024 / 1024} MB");
