using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Summit.Core;
using Summit.Core.Data;
using Summit.Jobs.Hosting;
using Summit.Testing;

namespace Summit.Jobs.Tests.Hosting;

/// <summary>Data Protection keys in the database, encrypted with a certificate when one is configured (issue 20).</summary>
public sealed class KeysAtRestTests : IDisposable
{
    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("summit-keys-");

    [Fact]
    public async Task With_a_certificate_the_keys_are_stored_encrypted_and_another_process_with_it_reads_them()
    {
        TestDatabases.CopySqliteTemplate(folder.FullName);
        var certificate = WriteCertificate("current.pfx", "s3cret");
        string protectedText;
        using (var first = Build(new() { ["DataProtection:CertificatePath"] = certificate, ["DataProtection:CertificatePassword"] = "s3cret" }))
        {
            protectedText = first.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Protect("badge 42");
        }

        var xml = await KeyXmlAsync();
        Assert.Contains("encryptedSecret", xml, StringComparison.Ordinal);
        Assert.DoesNotContain("<masterKey", xml, StringComparison.Ordinal);

        using (var second = Build(new() { ["DataProtection:CertificatePath"] = certificate, ["DataProtection:CertificatePassword"] = "s3cret" }))
        {
            Assert.Equal("badge 42", second.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Unprotect(protectedText));
        }

        using var without = Build([]);
        Assert.ThrowsAny<CryptographicException>(() => without.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Unprotect(protectedText));
    }

    [Fact]
    public async Task After_a_certificate_is_replaced_the_keys_of_the_old_one_are_still_read()
    {
        TestDatabases.CopySqliteTemplate(folder.FullName);
        var old = WriteCertificate("old.pfx", "pw");
        string protectedText;
        using (var before = Build(new() { ["DataProtection:CertificatePath"] = old, ["DataProtection:CertificatePassword"] = "pw" }))
        {
            protectedText = before.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Protect("session");
        }

        var replacement = WriteCertificate("new.pfx", "pw");
        using var after = Build(new()
        {
            ["DataProtection:CertificatePath"] = replacement,
            ["DataProtection:CertificatePassword"] = "pw",
            ["DataProtection:PreviousCertificatePaths:0"] = old,
        });
        Assert.Equal("session", after.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Unprotect(protectedText));
    }

    [Fact]
    public void A_wrong_certificate_password_stops_the_start_with_the_reason()
    {
        var certificate = WriteCertificate("current.pfx", "right");
        var error = Assert.Throws<InvalidOperationException>(() => Build(new() { ["DataProtection:CertificatePath"] = certificate, ["DataProtection:CertificatePassword"] = "wrong" }));
        Assert.Contains("DataProtection:CertificatePassword", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task In_Production_without_a_certificate_the_start_says_so_once()
    {
        TestDatabases.CopySqliteTemplate(folder.FullName);
        var logged = new List<string>();
        using var host = Build([], "Production", logged);
        await host.StartSummitAsync();
        Assert.Single(logged, line => line.Contains("DataProtection:CertificatePath is not set", StringComparison.Ordinal));

        logged.Clear();
        using var certified = Build(new() { ["DataProtection:CertificatePath"] = WriteCertificate("c.pfx", "pw"), ["DataProtection:CertificatePassword"] = "pw" }, "Production", logged);
        await certified.StartSummitAsync();
        Assert.DoesNotContain(logged, line => line.Contains("DataProtection:CertificatePath", StringComparison.Ordinal));
    }

    private IHost Build(Dictionary<string, string?> settings, string environment = "Testing", List<string>? log = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = environment });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>(settings)
        {
            ["Storage:Path"] = folder.FullName,
            ["Web:PublicUrl"] = "https://summit.test/",
        });
        if (log is not null)
        {
            builder.Logging.ClearProviders().AddProvider(new ListLogger(log));
        }

        builder.Services.AddSummitCore(builder.Configuration);
        builder.Services.AddSummitJobs(builder.Configuration, runServer: false);
        return builder.Build();
    }

    private async Task<string> KeyXmlAsync()
    {
        await using var db = TestDatabases.OpenSqlite(folder.FullName);
        return string.Join("\n", await db.DataProtectionKeys.Select(k => k.Xml!).ToListAsync(TestContext.Current.CancellationToken));
    }

    private string WriteCertificate(string name, string password)
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=Summit data protection", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(2));
        var path = Path.Combine(folder.FullName, name);
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pfx, password));
        return path;
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        folder.Delete(recursive: true);
    }

    private sealed class ListLogger(List<string> lines) : ILoggerProvider, ILogger
    {
        public ILogger CreateLogger(string categoryName) => this;

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                lock (lines)
                {
                    lines.Add(formatter(state, exception));
                }
            }
        }

        public void Dispose()
        {
        }
    }
}
