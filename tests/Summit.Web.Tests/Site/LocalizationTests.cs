using System.Globalization;
using System.Resources;
using System.Text.RegularExpressions;

namespace Summit.Web.Tests.Site;

/// <summary>Every UI string in Summit.Web (L["…"], validation messages, display names) has a Chinese translation.</summary>
public partial class LocalizationTests
{
    private static string RepoRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Summit.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Summit.sln not found above the test binaries.");
    }

    [Fact]
    public void Every_UI_string_has_a_Chinese_translation()
    {
        var root = RepoRoot();
        var files = Directory.EnumerateFiles(Path.Combine(root, "src", "Summit.Web"), "*.cs*", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal));
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            var text = File.ReadAllText(file);
            foreach (Match match in KeyPattern().Matches(text))
            {
                keys.Add(Regex.Unescape(match.Groups[1].Value));
            }
        }

        foreach (var reasons in new[] { typeof(Core.Editions.SaveEdition.Reasons), typeof(Core.Speakers.SaveSpeaker.Reasons), typeof(Core.Speakers.SpeakerPhotos.Reasons), typeof(Core.Photos.PhotoProcessor.Reasons), typeof(Core.Speakers.SpeakerCsv.Reasons), typeof(Core.Speakers.SpeakerInvitations.Reasons), typeof(Core.Speakers.MergeSpeakers.Reasons),
                     typeof(Core.Scheduling.ScheduleRules.Reasons), typeof(Core.Scheduling.ScheduleSession.Reasons), typeof(Core.Scheduling.SaveSession.Reasons), typeof(Core.Scheduling.SaveProgrammeItem.Reasons),
                     typeof(Core.Scheduling.PublishSchedule.Reasons), typeof(Core.Scheduling.PersonalAgenda.Reasons), typeof(Core.Scheduling.SetSpeakerAvailability.Reasons),
                     typeof(Core.Registrations.RegisterAttendee.Reasons), typeof(Core.Accounts.PasswordStrength.Reasons), typeof(Core.Registrations.ChangeRegistration.Reasons), typeof(Core.Registrations.SaveCategory.Reasons),
                     typeof(Core.Registrations.SignUpForSession.Reasons), typeof(Core.Registrations.RegistrationCsv.Reasons), typeof(Core.Registrations.PlanBadgeSheet.Reasons),
                     typeof(Core.Press.ArticleRules.Reasons), typeof(Core.Press.SaveArticle.Reasons), typeof(Core.Press.RequestSignOff.Reasons), typeof(Core.Press.AnswerSignOff.Reasons),
                     typeof(Core.Press.SendBackArticle.Reasons), typeof(Core.Press.ScheduleArticle.Reasons), typeof(Core.Press.UnpublishArticle.Reasons), typeof(Core.Press.RestoreArticleRevision.Reasons),
                     typeof(Core.Press.ArticlePhotos.Reasons), typeof(Core.Press.ChangeArticleAuthors.Reasons), typeof(Core.Api.ApiTokens.Reasons), typeof(Core.Webhooks.WebhookEndpoints.Reasons), typeof(Core.Webhooks.WebhookAddresses.Reasons),
                     typeof(Jobs.Mail.BulkMails.Reasons), typeof(Jobs.Mail.MailTemplates.Reasons), typeof(Jobs.Mail.MailOverrides.Reasons) })
        {
            foreach (var reason in reasons.GetFields().Select(f => (string)f.GetValue(null)!))
            {
                keys.Add(reason);
            }
        }

        // Keys built from enum names at run time.
        keys.UnionWith(Enum.GetNames<Core.Speakers.SpeakerLinkKind>());
        keys.UnionWith(Enum.GetNames<Core.Editions.EditionStatus>());
        keys.UnionWith(Core.Accounts.Roles.All);
        keys.UnionWith(Enum.GetNames<Core.Registrations.CategoryKind>());
        keys.UnionWith(Enum.GetValues<Core.Scheduling.SessionLanguage>().Select(global::Summit.Web.Scheduling.ProgrammeLabels.Language));
        keys.UnionWith(Enum.GetValues<Core.Scheduling.SessionSpeakerRole>().Select(global::Summit.Web.Scheduling.ProgrammeLabels.Role));
        keys.UnionWith(Enum.GetValues<Core.Scheduling.ScheduleChangeKind>().Select(global::Summit.Web.Scheduling.ProgrammeLabels.Change));
        keys.UnionWith(Enum.GetValues<Core.Mail.MailStatus>().Select(global::Summit.Web.Mail.MailLabels.Status));
        keys.UnionWith(Enum.GetValues<Core.Registrations.RegistrationStatus>().Select(global::Summit.Web.Registrations.RegistrationLabels.Status));
        keys.UnionWith(Jobs.Mail.MailOverrides.Kinds.Select(global::Summit.Web.Mail.MailLabels.Kind));
        keys.UnionWith(Enum.GetValues<Core.Press.ArticleStatus>().Select(global::Summit.Web.Press.PressLabels.Status));
        keys.UnionWith(Enum.GetValues<Core.Press.SignOffStatus>().Select(global::Summit.Web.Press.PressLabels.SignOff));
        keys.UnionWith(Enum.GetValues<Core.Press.ArticleKind>().Select(global::Summit.Web.Press.PressLabels.Kind));
        keys.UnionWith(Core.Audit.AuditQueries.ObjectTypes.Select(global::Summit.Web.Audit.AuditLabels.ObjectType));
        keys.UnionWith(Core.Audit.AuditQueries.Actions.Select(global::Summit.Web.Audit.AuditLabels.Action));
        keys.UnionWith(Enum.GetValues<Core.Audit.AuditActorKind>().Select(global::Summit.Web.Audit.AuditLabels.Actor));
        keys.UnionWith(Enum.GetValues<Core.Press.ArticleEventKind>().Select(global::Summit.Web.Press.PressLabels.Event));
        // Every field the audit trail can record, in the reader's language (a field added later without a label fails here).
        keys.UnionWith(Core.Audit.AuditedTypes.FieldNames(AuditModel()).SelectMany(global::Summit.Web.Audit.AuditLabels.FieldKeys));
        keys.UnionWith(global::Summit.Web.Audit.AuditLabels.Parts);
        keys.UnionWith(Core.Api.ApiScopes.Areas.Select(global::Summit.Web.Api.ApiLabels.Area));
        keys.UnionWith(Enum.GetValues<Core.Api.ApiAccess>().Select(global::Summit.Web.Api.ApiLabels.Access));
        keys.UnionWith(Core.Webhooks.WebhookEventTypes.All.Append(Core.Webhooks.WebhookEventTypes.Test).Select(global::Summit.Web.Pages.Admin.Webhooks.WebhookLabels.Event));
        keys.UnionWith(Enum.GetValues<Core.Webhooks.WebhookDeliveryStatus>().Select(global::Summit.Web.Pages.Admin.Webhooks.WebhookLabels.Status));
        keys.UnionWith(global::Summit.Web.Press.PressLabels.Fields.Select(global::Summit.Web.Press.PressLabels.Field));

        Assert.True(keys.Count > 100, $"Only {keys.Count} UI strings found; the scan is broken.");
        var resources = new ResourceManager("Summit.Web.Resources.SharedResource", typeof(SharedResource).Assembly);
        var chinese = CultureInfo.GetCultureInfo("zh-Hans");
        // The Chinese set alone: falling back to the (empty) neutral resources would throw instead of naming the missing key.
        var translations = resources.GetResourceSet(chinese, createIfNotExists: true, tryParents: false)!;
        var missing = keys.Where(k => string.IsNullOrEmpty(translations.GetString(k))).Order().ToList();
        Assert.True(missing.Count == 0, "Missing from Resources/SharedResource.zh-Hans.resx:\n" + string.Join("\n", missing));
    }

    private static Microsoft.EntityFrameworkCore.Metadata.IModel AuditModel()
    {
        var options = new Microsoft.EntityFrameworkCore.DbContextOptionsBuilder<Core.Data.SqliteSummitDbContext>();
        Core.Data.SummitDatabase.UseSqlite(options, "Data Source=model-only.db", new Core.Data.DatabaseOptions());
        using var db = new Core.Data.SqliteSummitDbContext(options.Options);
        return db.Model;
    }

    [GeneratedRegex("(?:L\\[|ErrorMessage = |Display\\(Name = )\"((?:[^\"\\\\]|\\\\.)+)\"")]
    private static partial Regex KeyPattern();
}
