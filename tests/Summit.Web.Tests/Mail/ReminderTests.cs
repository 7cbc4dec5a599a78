using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Summit.Core.Editions;
using Summit.Core.Registrations;
using Summit.Jobs.Registrations;
using Summit.Testing;

namespace Summit.Web.Tests.Mail;

/// <summary>Reminders before an edition, on its configured days, once each, to confirmed attendees only.</summary>
public abstract class ReminderTests<TApp>(TApp app) where TApp : SummitApp
{
    protected SummitFactory App => app.Factory;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private Task<int> RunAtAsync(DateTimeOffset when) => App.ScopedAsync(s =>
        ActivatorUtilities.CreateInstance<SendRemindersJob>(s, new FakeTimeProvider(when)).RunAsync(Cancel));

    [Fact]
    public async Task Confirmed_attendees_get_each_reminder_once_on_its_day_and_nobody_else_does()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var (editionId, category) = await App.ScopedAsync(async s =>
        {
            var edition = (await s.GetRequiredService<SaveEdition>().RunAsync(null, new EditionDetails(
                $"r{tag}", $"Reminder edition {tag}", "提醒测试届", null, null, new DateOnly(2031, 11, 5), new DateOnly(2031, 11, 6), "Yuelai Convention Centre", "悦来国际会议中心", "Chongqing", "重庆", "Asia/Shanghai", EditionStatus.Open, "7, 1"), Cancel)).EditionId!.Value;
            var saved = await s.GetRequiredService<SaveCategory>().RunAsync(edition, null, new CategoryDetails("Delegate", "代表", null, null, CategoryKind.General, null, false, false, null, null, 1), Cancel);
            return (edition, saved.CategoryId!.Value);
        });
        var outcomes = await App.ScopedAsync(async s =>
        {
            var list = new List<RegistrationOutcome>();
            foreach (var (who, culture) in new[] { ("en", "en"), ("zh", "zh-Hans"), ("gone", "en") })
            {
                list.Add(await s.GetRequiredService<RegisterAttendee>().RunAsync(category, new RegistrationDetails(
                    "陈", "静", "Chen", "Jing", true, null, null, $"{who}-{tag}@summit.test", null, "CN", culture, null, null, false, true, "2026-11"), null, cancellationToken: Cancel));
            }

            await s.GetRequiredService<ChangeRegistration>().CancelAsync(list[2].RegistrationId!.Value, cancellationToken: Cancel);
            return list;
        });
        var shanghai = TimeSpan.FromHours(8);

        Assert.Equal(0, await RunAtAsync(new DateTimeOffset(2031, 10, 29, 8, 0, 0, shanghai)));
        Assert.Equal(2, await RunAtAsync(new DateTimeOffset(2031, 10, 29, 9, 5, 0, shanghai)));
        Assert.Equal(2, await RunAtAsync(new DateTimeOffset(2031, 10, 29, 10, 5, 0, shanghai)));
        Assert.Equal(0, await RunAtAsync(new DateTimeOffset(2031, 10, 30, 10, 5, 0, shanghai)));
        Assert.Equal(2, await RunAtAsync(new DateTimeOffset(2031, 11, 4, 9, 5, 0, shanghai)));

        var reminders = await App.WithDbAsync(db => db.OutgoingMails.AsNoTracking().Where(m => m.Kind == RegistrationMails.ReminderKind && m.ToAddress.Contains(tag))
            .Select(m => new { m.ToAddress, m.EntityVersion }).ToListAsync(Cancel));
        Assert.Equal(4, reminders.Count);
        Assert.DoesNotContain(reminders, r => r.ToAddress.StartsWith("gone-", StringComparison.Ordinal));
        Assert.Equal(["reminder-1d", "reminder-1d", "reminder-7d", "reminder-7d"], reminders.Select(r => r.EntityVersion).Order(StringComparer.Ordinal));
        var chinese = await App.WaitForMailAsync($"zh-{tag}@summit.test", RegistrationMails.ReminderKind);
        Assert.Contains("11月5日–11月6日", chinese.TextBody, StringComparison.Ordinal);
        Assert.Contains($"/registration/{outcomes[1].AccessKey}", chinese.TextBody, StringComparison.Ordinal);
        Assert.Equal(editionId, await App.WithDbAsync(db => db.Editions.Where(e => e.ReminderDays == "7,1" && e.Slug == $"r{tag}").Select(e => e.Id).FirstAsync(Cancel)));
    }
}

public sealed class ReminderTestsOnSqlite(SqliteApp app) : ReminderTests<SqliteApp>(app), IClassFixture<SqliteApp>;

public sealed class ReminderTestsOnPostgres(PostgresApp app) : ReminderTests<PostgresApp>(app), IClassFixture<PostgresApp>;
