using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Summit.Testing;

namespace Summit.Web.Tests.Site;

/// <summary>
/// Opening a page changes nothing (HTTP's safe methods): every page of the <see cref="PageWalk"/>, as every role and
/// anonymously, is opened (GET, and HEAD), and afterwards every table holds the rows it held before, unchanged (a
/// hash of every row, so an update counts), and every account keeps its security stamp (a GET that reset a key or signed someone out would change it).
/// </summary>
public abstract class SafeMethodTests<TApp>(TApp app) where TApp : SummitApp
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Opening_every_page_as_every_visitor_changes_nothing_in_the_database()
    {
        var pages = (await PageWalk.PagesAsync(app.Factory)).Where(p => p.Path != "/account/logout").ToList();
        var clients = new List<(string Visitor, HttpClient Client)>();
        foreach (var visitor in PageWalk.Visitors)
        {
            clients.Add((visitor, await PageWalk.ClientAsync(app.Factory, visitor)));
        }

        try
        {
            await app.Factory.ConsequencesSettledAsync();
            var before = await SnapshotAsync();
            foreach (var (visitor, client) in clients)
            {
                foreach (var page in pages)
                {
                    foreach (var method in new[] { HttpMethod.Get, HttpMethod.Head })
                    {
                        using var request = new HttpRequestMessage(method, new Uri(page.Path, UriKind.Relative));
                        using var response = await client.SendAsync(request, Cancel);
                        // Every page can be opened: neither refused as a method it does not take nor as a malformed request.
                        Assert.True(
                            (int)response.StatusCode < 500 && response.StatusCode is not (HttpStatusCode.MethodNotAllowed or HttpStatusCode.BadRequest),
                            $"{method} {page.Path} answered {(int)response.StatusCode} to {visitor}.");
                    }
                }
            }

            await app.Factory.ConsequencesSettledAsync();
            var after = await SnapshotAsync();
            var changed = before.Keys.Union(after.Keys)
                .Where(k => before.GetValueOrDefault(k) != after.GetValueOrDefault(k))
                .Select(k => $"{k}: {before.GetValueOrDefault(k)} → {after.GetValueOrDefault(k)}")
                .ToList();
            Assert.True(changed.Count == 0, "Opening pages changed: " + string.Join("; ", changed));
            Assert.True(before.Count > 40, "The snapshot should count every table of the model.");
        }
        finally
        {
            foreach (var (_, client) in clients)
            {
                client.Dispose();
            }
        }
    }

    /// <summary>Every table of the model: its row count and a hash of all its rows (so an update is seen too), and every account's security stamp.</summary>
    private Task<Dictionary<string, string>> SnapshotAsync() => app.Factory.WithDbAsync(async db =>
    {
        var sql = db.GetService<ISqlGenerationHelper>();
        var snapshot = new Dictionary<string, string>(StringComparer.Ordinal);
        var tables = db.Model.GetEntityTypes()
            .Where(e => e.GetTableName() is not null && e.GetViewName() is null)
            .Select(e => (Name: e.GetTableName()!, Schema: e.GetSchema()))
            .Distinct();
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(Cancel);
        try
        {
            foreach (var (name, schema) in tables)
            {
                await using var command = connection.CreateCommand();
                // The table names come from the model and are delimited by the provider, not from input.
                // Sessions: which exist is hashed, not when each was last seen (or its ticket renewed), which any
                // request of a signed-in browser may write: that records the request, it is not a change the request makes.
                command.CommandText = name == "AccountSessions"
                    ? "SELECT " + sql.DelimitIdentifier("Id") + ", " + sql.DelimitIdentifier("UserId") + ", " + sql.DelimitIdentifier("ExpiresAt") + " FROM " + sql.DelimitIdentifier(name, schema)
                    : "SELECT * FROM " + sql.DelimitIdentifier(name, schema);
                await using var reader = await command.ExecuteReaderAsync(Cancel);
                var rows = new List<string>();
                while (await reader.ReadAsync(Cancel))
                {
                    var values = new object[reader.FieldCount];
                    reader.GetValues(values);
                    rows.Add(string.Join('\u001f', values.Select(v => v is byte[] bytes ? Convert.ToHexString(bytes) : Convert.ToString(v, CultureInfo.InvariantCulture))));
                }

                rows.Sort(StringComparer.Ordinal);
                var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\u001e', rows))))[..16];
                snapshot[name] = $"{rows.Count.ToString(CultureInfo.InvariantCulture)} rows, {hash}";
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }

        foreach (var user in await db.Users.AsNoTracking().Select(u => new { u.Id, u.SecurityStamp }).ToListAsync(Cancel))
        {
            snapshot["stamp " + user.Id] = user.SecurityStamp ?? "";
        }

        return snapshot;
    });
}

public sealed class SafeMethodTestsOnSqlite(SqliteDemoApp app) : SafeMethodTests<SqliteDemoApp>(app), IClassFixture<SqliteDemoApp>;

public sealed class SafeMethodTestsOnPostgres(PostgresDemoApp app) : SafeMethodTests<PostgresDemoApp>(app), IClassFixture<PostgresDemoApp>;
