using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Summit.Core.Accounts;
using Summit.Testing;

namespace Summit.Web.Tests.Admin;

/// <summary>Organizers' own administration: editions, roles, the first organizer.</summary>
public abstract class AdminTests<TApp>(TApp app) where TApp : SummitApp
{
    protected SummitFactory App => app.Factory;

    [Fact]
    public async Task An_organizer_creates_an_edition_and_bad_input_is_explained_on_the_form()
    {
        var user = await App.CreateUserAsync($"organizer-{Guid.NewGuid():N}@summit.test", Roles.Organizer);
        using var client = App.Browser();
        await client.SignInAsync(user.Email!);
        var fields = new Dictionary<string, string>
        {
            ["Input.Slug"] = "2022",
            ["Input.NameEn"] = "CCI-FS 2022",
            ["Input.NameZh"] = "2022中新金融峰会",
            ["Input.StartDate"] = "2022-11-10",
            ["Input.EndDate"] = "2022-11-09",
            ["Input.VenueEn"] = "Yuelai",
            ["Input.VenueZh"] = "悦来",
            ["Input.CityEn"] = "Chongqing",
            ["Input.CityZh"] = "重庆",
            ["Input.TimeZoneId"] = "Mars/Olympus",
            ["Input.Status"] = "Open",
        };
        using (var refused = await client.PostAsync("/admin/editions/edit", fields))
        {
            var html = await refused.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            Assert.Contains("The last day cannot be before the first day.", html, StringComparison.Ordinal);
            Assert.Contains("Enter an IANA time zone", html, StringComparison.Ordinal);
        }

        fields["Input.EndDate"] = "2022-11-11";
        fields["Input.TimeZoneId"] = "Asia/Shanghai";
        using var saved = await client.PostAsync("/admin/editions/edit", fields);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        using var anonymous = App.Browser();
        Assert.Contains("CCI-FS 2022", await anonymous.GetStringAsync(new Uri("/2022", UriKind.Relative), TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Granting_a_role_takes_effect_and_an_organizer_cannot_withdraw_their_own()
    {
        var organizer = await App.CreateUserAsync($"organizer-{Guid.NewGuid():N}@summit.test", Roles.Organizer);
        var press = await App.CreateUserAsync($"press-{Guid.NewGuid():N}@summit.test", Roles.Attendee);
        using var admin = App.Browser();
        await admin.SignInAsync(organizer.Email!);

        using (var asked = await admin.PostAsync("/admin/users", new Dictionary<string, string>(), $"/admin/users?handler=Role&id={press.Id}&role=Press&grant=true"))
        {
            Assert.Contains($"{press.Email} will be given the role Press.", await asked.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
            Assert.False(await App.WithDbAsync(db => db.UserRoles.AnyAsync(r => r.UserId == press.Id && db.Roles.Any(x => x.Id == r.RoleId && x.Name == Roles.Press), TestContext.Current.CancellationToken)));
        }

        using (var granted = await admin.PostAsync("/admin/users", new Dictionary<string, string> { ["confirmed"] = "yes" }, $"/admin/users?handler=Role&id={press.Id}&role=Press&grant=true"))
        {
            Assert.Equal("/admin/users?outcome=Saved", granted.Headers.Location?.OriginalString);
        }

        using var pressClient = App.Browser();
        await pressClient.SignInAsync(press.Email!);
        Assert.Contains("Press", await pressClient.GetStringAsync(new Uri("/account/manage", UriKind.Relative), TestContext.Current.CancellationToken), StringComparison.Ordinal);

        using var own = await admin.PostAsync("/admin/users", new Dictionary<string, string>(), $"/admin/users?handler=Role&id={organizer.Id}&role=Organizer&grant=false");
        Assert.Equal("/admin/users?outcome=OwnOrganizerRole", own.Headers.Location?.OriginalString);
        var page = await admin.GetStringAsync(new Uri(own.Headers.Location!.OriginalString, UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Contains("You cannot withdraw your own Organizer role", page, StringComparison.Ordinal);
        using var stillAdmin = await admin.GetAsync(new Uri("/admin", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, stillAdmin.StatusCode);
    }

    [Fact]
    public async Task Create_organizer_refuses_to_promote_an_unconfirmed_account()
    {
        var squatter = await App.CreateUserAsync($"chair-{Guid.NewGuid():N}@summit.test", Roles.Attendee, confirmed: false);
        var result = await App.ScopedAsync(services => services.GetRequiredService<CreateOrganizer>().RunAsync(squatter.Email!, null, null));
        Assert.Equal(CreateOrganizerOutcome.Refused, result.Outcome);
        Assert.False(await App.ScopedAsync(services => services.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<SummitUser>>().IsInRoleAsync(squatter, Roles.Organizer)));
    }
}

public sealed class AdminTestsOnSqlite(SqliteApp app) : AdminTests<SqliteApp>(app), IClassFixture<SqliteApp>;

public sealed class AdminTestsOnPostgres(PostgresApp app) : AdminTests<PostgresApp>(app), IClassFixture<PostgresApp>;
