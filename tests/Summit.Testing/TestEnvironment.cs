namespace Summit.Testing;

/// <summary>
/// Suites that need PostgreSQL, Chromium or an S3-compatible server run when their variable is set. Without it they skip with a reason,
/// except under CI=true, where a missing engine is a failure: CI must never pass by skipping.
/// </summary>
public static class TestEnvironment
{
    public const string PostgresVariable = "SUMMIT_TEST_POSTGRES";
    public const string ChromiumVariable = "SUMMIT_TEST_CHROMIUM";
    public const string S3rverVariable = "SUMMIT_TEST_S3RVER";

    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public static string RequirePostgres() => Require(PostgresVariable, "a PostgreSQL connection string (bash .ci/run sets one up)");

    public static string RequireS3rver() => Require(S3rverVariable, "the path of the s3rver script (npm ci --prefix tests/s3rver; then tests/s3rver/node_modules/.bin/s3rver)");

    public static string RequireChromium() => Require(ChromiumVariable, "the path of a Chromium binary, e.g. /usr/bin/chromium");

    private static string Require(string variable, string what)
    {
        var value = Environment.GetEnvironmentVariable(variable);
        if (!string.IsNullOrWhiteSpace(value))
        {
            return value;
        }

        var reason = $"{variable} is not set; it should hold {what}.";
        if (IsCi)
        {
            Assert.Fail($"CI=true but {reason} Under CI this suite must run, not skip.");
        }

        Assert.Skip(reason);
        return "";
    }
}
