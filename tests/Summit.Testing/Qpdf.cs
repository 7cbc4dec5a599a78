using System.Diagnostics;

namespace Summit.Testing;

/// <summary>
/// `qpdf --check`, the PDF check print shops and preflight tools agree with, on a file Summit made: exit code 0 means no
/// error and no warning. Without qpdf on the PATH the test skips, except under CI=true (.ci/run installs it).
/// </summary>
public static class Qpdf
{
    public static async Task<(int ExitCode, string Output)> CheckAsync(byte[] pdf)
    {
        ArgumentNullException.ThrowIfNull(pdf);
        var qpdf = Environment.GetEnvironmentVariable("PATH")?.Split(Path.PathSeparator).Select(d => Path.Combine(d, "qpdf")).FirstOrDefault(File.Exists);
        if (qpdf is null)
        {
            const string reason = "qpdf is not installed (apt-get install qpdf).";
            if (TestEnvironment.IsCi)
            {
                Assert.Fail($"CI=true but {reason} Under CI this check must run, not skip.");
            }

            Assert.Skip(reason);
        }

        var path = Path.Combine(Path.GetTempPath(), $"summit-qpdf-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(path, pdf);
        try
        {
            using var process = Process.Start(new ProcessStartInfo(qpdf!, ["--check", path]) { RedirectStandardOutput = true, RedirectStandardError = true })!;
            var output = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            return (process.ExitCode, await output + await errors);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
