using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Summit.Core.Accounts;
using Summit.Testing;

namespace Summit.Web.Tests.Admin;

/// <summary>
/// The audit trail as organizers meet it: a registration approved through the form shows who approved it, status
/// before → after, on the registration's page and on /admin/audit (filtered, in both languages), and in the CSV,
/// where a name a spreadsheet would run as a formula stays text.
/// </summary>
public abstract class AuditTests<TApp>(TApp app) where TApp : SummitApp
{
    protected SummitFactory App => app.Factory;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_approval_shows_who_did_it_with_the_status_before_and_after_on_the_registration_and_in_the_audit_trail()
    {
        var category = await App.BuildAsync(async d => await d.CategoryAsync(await d.EditionIdAsync("2021"), approval: true));
        var email = $"audit-{Guid.NewGuid():N}@summit.test";
        using (var visitor = App.Browser())
        using (var registered = await visitor.PostAsync("/2021/register", new Dictionary<string, string>
        {
            ["Input.CategoryId"] = category.ToString(CultureInfo.InvariantCulture),
            ["Input.FamilyNameLatin"] = "Lim",
            ["Input.GivenNameLatin"] = "=SUM(1+1)",
            ["Input.Email"] = email,
            ["Input.Organisation"] = "DBS",
            ["Input.CountryCode"] = "SG",
            ["Input.PreferredCulture"] = "en",
            ["Input.Consent"] = "true",
        }))
        {
            Assert.Equal(HttpStatusCode.Redirect, registered.StatusCode);
        }

        var id = await App.WithDbAsync(db => db.Registrations.Where(r => r.Email == email).Select(r => r.Id).SingleAsync(Cancel));
        var organizer = await App.CreateUserAsync($"auditor-{Guid.NewGuid():N}@summit.test", Roles.Organizer);
        using var client = App.Browser();
        await client.SignInAsync(organizer.Email!);
        var page = $"/admin/registrations/2021/{id}";
        using (var approved = await client.PostAsync(page, new Dictionary<string, string> { ["action"] = "approve", ["message"] = "" }, $"{page}?handler=status"))
        {
            Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);
        }

        var history = await client.GetStringAsync(new Uri(page, UriKind.Relative), Cancel);
        var changes = history[history.IndexOf("id=\"audit-heading\"", StringComparison.Ordinal)..];
        Assert.Contains(organizer.Email!, changes, StringComparison.Ordinal);
        Assert.Contains("<del>PendingApproval</del>", changes, StringComparison.Ordinal);
        Assert.Contains("<ins>Confirmed</ins>", changes, StringComparison.Ordinal);
        Assert.Contains("Visitor (not signed in)", changes, StringComparison.Ordinal);

        var mine = await client.GetStringAsync(new Uri($"/admin/audit?person={Uri.EscapeDataString(organizer.Email!)}&type=Registration", UriKind.Relative), Cancel);
        Assert.Contains($"Registration #{id}", mine, StringComparison.Ordinal);
        Assert.Contains($"href=\"/admin/registrations/2021/{id}\"", mine, StringComparison.Ordinal);
        Assert.Contains("<ins>Confirmed</ins>", mine, StringComparison.Ordinal);
        Assert.DoesNotContain("<ins>PendingApproval</ins>", mine, StringComparison.Ordinal); // the visitor's entry is filtered out

        var none = await client.GetStringAsync(new Uri($"/admin/audit?person={Uri.EscapeDataString(organizer.Email!)}&action=deleted", UriKind.Relative), Cancel);
        Assert.Contains("No entries match.", none, StringComparison.Ordinal);

        var chinese = await client.GetStringAsync(new Uri($"/admin/audit?type=Registration&id={id}&culture=zh-Hans", UriKind.Relative), Cancel);
        Assert.Contains("审计日志", chinese, StringComparison.Ordinal);
        Assert.Contains("已更改", chinese, StringComparison.Ordinal);
        Assert.Contains("访客（未登录）", chinese, StringComparison.Ordinal);
        Assert.Contains("title=\"Status\">状态</span>", chinese, StringComparison.Ordinal);
        Assert.Contains("title=\"FamilyNameLatin\">姓（拉丁字母）</span>", chinese, StringComparison.Ordinal);

        using var csv = await client.GetAsync(new Uri($"/admin/audit?handler=csv&type=Registration&id={id}", UriKind.Relative), Cancel);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var lines = (await csv.Content.ReadAsStringAsync(Cancel)).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("at_utc,actor_kind,actor,address,edition_id,object_type,object_id,label,action,changes", lines[0].TrimStart('\uFEFF'), StringComparison.Ordinal);
        Assert.Equal(3, lines.Length);
        Assert.Contains(lines, l => l.Contains(organizer.Email!, StringComparison.Ordinal) && l.Contains("Status: PendingApproval → Confirmed", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains(",'=SUM(1+1) Lim,", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Split(',').Any(cell => cell.TrimStart('"').StartsWith('=')));
    }
}

public sealed class AuditTestsOnSqlite(SqliteApp app) : AuditTests<SqliteApp>(app), IClassFixture<SqliteApp>;

public sealed class AuditTestsOnPostgres(PostgresApp app) : AuditTests<PostgresApp>(app), IClassFixture<PostgresApp>;
