using Microsoft.Extensions.DependencyInjection;
using Summit.Core.Data;
using Summit.Core.Editions;
using Summit.Core.Speakers;
using Summit.Testing;

namespace Summit.Web.Tests.Speakers;

/// <summary>The directory's number of SQL statements does not grow with the number of speakers (no query per row).</summary>
public sealed class DirectoryQueryCountTests
{
    [Fact]
    public async Task The_directory_issues_the_same_number_of_statements_for_10_and_for_500_speakers()
    {
        await using var app = new SummitFactory(DatabaseProvider.Sqlite);
        using var client = app.Browser();
        await AddAsync(app, 0, 10);
        var ten = await CountStatementsAsync(app, client);
        await AddAsync(app, 10, 490);
        var fiveHundred = await CountStatementsAsync(app, client);
        Assert.InRange(ten, 1, 5);
        Assert.Equal(ten, fiveHundred);
    }

    private static async Task AddAsync(SummitFactory app, int from, int count)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SummitDbContext>();
        if (from == 0)
        {
            var saved = await scope.ServiceProvider.GetRequiredService<SaveEdition>().RunAsync(null, new EditionDetails(
                "2030", "CCI-FS 2030", "2030中新金融峰会", null, null, new DateOnly(2030, 11, 1), new DateOnly(2030, 11, 2),
                "Venue", "场地", "Chongqing", "重庆", "Asia/Shanghai", EditionStatus.Open));
            Assert.True(saved.Saved);
        }

        var editionId = db.Editions.Single(e => e.Slug == "2030").Id;
        var save = scope.ServiceProvider.GetRequiredService<SaveSpeaker>();
        // Through the rule, as an organizer adds them, but in one transaction: 490 commits are most of a minute on a busy machine.
        await using var transaction = await db.Database.BeginTransactionAsync();
        for (var i = from; i < from + count; i++)
        {
            var result = await save.RunAsync(null, new SpeakerDetails(
                $"speaker-{i}", "王", $"{i}", "Wang", $"Number{i}", true, null, null, "CN", null, null, null,
                [new PositionDetails("Economist", "经济学家", $"Bank {i}", $"银行{i}"), new PositionDetails("Adviser", null, "Forum", null)],
                [new LinkDetails(SpeakerLinkKind.Website, "https://example.org")]), [editionId]);
            Assert.True(result.Saved);
        }

        await transaction.CommitAsync();
    }

    private static async Task<int> CountStatementsAsync(SummitFactory app, HttpClient client)
    {
        var (counter, status, body) = await app.CountStatementsAsync(client, "/2030/speakers");
        Assert.Equal(System.Net.HttpStatusCode.OK, status);
        Assert.Contains("Wang Number", body, StringComparison.Ordinal);
        return counter.Count;
    }
}
