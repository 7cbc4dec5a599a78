using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Summit.Core.Dashboard;
using Summit.Core.Mail;
using Summit.Core.Press;
using Summit.Testing;

namespace Summit.Core.Tests.Dashboard;

/// <summary>The organizer's home figures against a real SQLite file.</summary>
public sealed class EditionGlanceTests : IAsyncLifetime
{
    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("summit-glance-");
    private ServiceProvider services = null!;

    public ValueTask InitializeAsync()
    {
        TestDatabases.CopySqliteTemplate(folder.FullName);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:Path"] = folder.FullName }).Build();
        var collection = new ServiceCollection().AddLogging();
        collection.AddSummitCore(configuration);
        services = collection.BuildServiceProvider();
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        await services.DisposeAsync();
        SqliteConnection.ClearAllPools();
        folder.Delete(recursive: true);
    }

    [Fact]
    public async Task The_next_edition_is_shown_with_todays_registrations_by_category_and_every_state_counted()
    {
        using var scope = services.CreateScope();
        var data = new TestData(scope.ServiceProvider);
        await data.EditionAsync(start: new DateOnly(2020, 11, 5));
        var next = await data.EditionAsync(start: DateOnly.FromDateTime(DateTime.UtcNow).AddDays(60));
        var delegates = await data.CategoryAsync(next.Id, nameEn: "Delegate");
        var press = await data.CategoryAsync(next.Id, kind: Core.Registrations.CategoryKind.Press, nameEn: "Press");
        await data.ConfirmedRegistrationsAsync(delegates, 3, "glance-d");
        await data.ConfirmedRegistrationsAsync(press, 2, "glance-p");

        var glance = await scope.ServiceProvider.GetRequiredService<EditionGlance>().ForAsync(chinese: false, TestContext.Current.CancellationToken);

        Assert.NotNull(glance);
        Assert.Equal(next.Id, glance.Edition.Id);
        Assert.Equal(["Delegate", "Press"], glance.RegistrationsPerDay.Series);
        Assert.Equal(EditionGlance.Days, glance.RegistrationsPerDay.Points.Count);
        Assert.Equal([3, 2], glance.RegistrationsPerDay.Points[^1].Values);
        Assert.Equal(5, glance.RegistrationsPerDay.Total);
        Assert.Null(glance.CheckInDay);
        Assert.Empty(glance.CheckInsPerQuarterHour.Points);
        Assert.Equal(Enum.GetValues<MailStatus>(), glance.Emails.Select(e => e.Status));
        Assert.Equal(Enum.GetValues<ArticleStatus>(), glance.Press.Select(e => e.Status));
    }
}
