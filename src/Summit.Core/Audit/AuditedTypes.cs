using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Summit.Core.Accounts;
using Summit.Core.Contact;
using Summit.Core.Editions;
using Summit.Core.Mail;
using Summit.Core.Press;
using Summit.Core.Registrations;
using Summit.Core.Scheduling;
using Summit.Core.Speakers;

namespace Summit.Core.Audit;

/// <summary>How one entity type appears in the audit trail: as an object of its own, or as a part of its parent's history.</summary>
internal sealed class AuditedType
{
    public required string ObjectType { get; init; }

    /// <summary>For a part (a sign-up of a registration): the parent's type and id, and the prefix of the part's fields.</summary>
    public Func<object, (Type Type, object? Id)?>? Parent { get; init; }

    public string? Part { get; init; }

    public Func<object, string?>? Label { get; init; }

    public IReadOnlySet<string> Personal { get; init; } = new HashSet<string>();

    /// <summary>When set, the only fields recorded (a passkey: its name, not its key material).</summary>
    public IReadOnlySet<string>? Only { get; init; }

    /// <summary>True once the object's person is erased: from then on no personal value is written.</summary>
    public Func<object, bool>? Erased { get; init; }
}

/// <summary>
/// Which entities the trail records, and how. Every entity type of the model is either here or in
/// <see cref="NotAudited"/> with its reason; a test checks that none is forgotten.
/// </summary>
public static class AuditedTypes
{
    public const string Registration = "Registration";
    public const string Session = "Session";
    public const string Speaker = "Speaker";
    public const string Article = "Article";
    public const string Account = "Account";
    public const string ApiToken = "ApiToken";
    public const string WebhookEndpoint = "WebhookEndpoint";

    private static readonly HashSet<string> RegistrationPersonal =
    [
        nameof(Registrations.Registration.FamilyNameZh), nameof(Registrations.Registration.GivenNameZh),
        nameof(Registrations.Registration.FamilyNameLatin), nameof(Registrations.Registration.GivenNameLatin),
        nameof(Registrations.Registration.Organisation), nameof(Registrations.Registration.Position),
        nameof(Registrations.Registration.Email), nameof(Registrations.Registration.Phone),
        nameof(Registrations.Registration.CountryCode), nameof(Registrations.Registration.DietaryNeeds),
        nameof(Registrations.Registration.AccessibilityNeeds), nameof(Registrations.Registration.UserId),
        nameof(Registrations.Registration.BadgeCode),
    ];

    /// <summary>
    /// The names of the fields an entry can list: the stored properties of every audited entity and of what it owns
    /// (the pages label each one in the reader's language, and a test checks that every one has its label).
    /// </summary>
    public static IReadOnlySet<string> FieldNames(Microsoft.EntityFrameworkCore.Metadata.IModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var names = new SortedSet<string>(StringComparer.Ordinal) { "Role" };
        foreach (var entity in model.GetEntityTypes())
        {
            var owner = entity;
            while (owner.FindOwnership() is { } ownership)
            {
                owner = ownership.PrincipalEntityType;
            }

            if (Types.TryGetValue(owner.ClrType, out var audited))
            {
                names.UnionWith(entity.GetProperties().Where(p => !p.IsShadowProperty() && (audited.Only?.Contains(p.Name) ?? true)).Select(p => p.Name));
            }
        }

        return names;
    }

    internal static readonly IReadOnlyDictionary<Type, AuditedType> Types = new Dictionary<Type, AuditedType>
    {
        [typeof(Edition)] = new() { ObjectType = "Edition", Label = e => ((Edition)e).NameEn },
        [typeof(Venue)] = new() { ObjectType = "Venue", Label = e => ((Venue)e).NameEn },
        [typeof(Room)] = new() { ObjectType = "Room", Label = e => ((Room)e).NameEn },
        [typeof(Track)] = new() { ObjectType = "Track", Label = e => ((Track)e).NameEn },
        [typeof(SessionType)] = new() { ObjectType = "SessionType", Label = e => ((SessionType)e).NameEn },
        [typeof(Scheduling.Session)] = new() { ObjectType = Session, Label = e => ((Scheduling.Session)e).TitleEn },
        [typeof(ScheduleVersion)] = new() { ObjectType = "ScheduleVersion", Label = e => $"v{((ScheduleVersion)e).Number} {((ScheduleVersion)e).Name}".Trim() },
        [typeof(RegistrationCategory)] = new() { ObjectType = "Category", Label = e => ((RegistrationCategory)e).NameEn },
        [typeof(InvitationCode)] = new() { ObjectType = "InvitationCode", Label = e => ((InvitationCode)e).Code },
        [typeof(BadgeSheet)] = new() { ObjectType = "BadgeSheet" },
        [typeof(BulkMail)] = new() { ObjectType = "BulkMail", Label = e => ((BulkMail)e).SubjectEn },
        [typeof(MailTemplateOverride)] = new() { ObjectType = "MailTemplate" },
        [typeof(Registrations.Registration)] = new()
        {
            ObjectType = Registration,
            Label = e => ((Registrations.Registration)e).DisplayName(chinese: false),
            Personal = RegistrationPersonal,
            Erased = e => ((Registrations.Registration)e).ErasedAt is not null,
        },
        [typeof(SessionSignup)] = new() { ObjectType = Registration, Part = "Sign-up", Parent = e => (typeof(Registrations.Registration), ((SessionSignup)e).RegistrationId) },
        [typeof(CheckInScan)] = new()
        {
            ObjectType = "CheckInScan",
            Part = "Check-in",
            Parent = e => ((CheckInScan)e).RegistrationId is int id ? (typeof(Registrations.Registration), id) : null,
        },
        [typeof(Speakers.Speaker)] = new() { ObjectType = Speaker, Label = e => SpeakerNames.Display(((Speakers.Speaker)e).NameZh, ((Speakers.Speaker)e).NameLatin, chinese: false) },
        [typeof(SpeakerEdition)] = new() { ObjectType = Speaker, Part = "Edition", Parent = e => (typeof(Speakers.Speaker), ((SpeakerEdition)e).SpeakerId) },
        [typeof(SpeakerInvitation)] = new() { ObjectType = Speaker, Part = "Invitation", Parent = e => (typeof(Speakers.Speaker), ((SpeakerInvitation)e).SpeakerId) },
        [typeof(SpeakerPhoto)] = new() { ObjectType = Speaker, Part = "Photo", Parent = e => (typeof(Speakers.Speaker), ((SpeakerPhoto)e).SpeakerId) },
        [typeof(SpeakerAvailability)] = new() { ObjectType = Speaker, Part = "Availability", Parent = e => (typeof(Speakers.Speaker), ((SpeakerAvailability)e).SpeakerId) },
        [typeof(Press.Article)] = new() { ObjectType = Article, Label = e => ((Press.Article)e).HeadlineEn ?? ((Press.Article)e).HeadlineZh ?? ((Press.Article)e).Slug },
        [typeof(ArticleSession)] = new() { ObjectType = Article, Part = "Session", Parent = e => (typeof(Press.Article), ((ArticleSession)e).ArticleId) },
        [typeof(ArticleSpeaker)] = new() { ObjectType = Article, Part = "Speaker", Parent = e => (typeof(Press.Article), ((ArticleSpeaker)e).ArticleId) },
        [typeof(ArticleTag)] = new() { ObjectType = Article, Part = "Tag", Parent = e => (typeof(Press.Article), ((ArticleTag)e).ArticleId) },
        [typeof(ArticleAuthor)] = new() { ObjectType = Article, Part = "Author", Parent = e => (typeof(Press.Article), ((ArticleAuthor)e).ArticleId) },
        [typeof(ArticleContributor)] = new() { ObjectType = Article, Part = "Contributor", Parent = e => (typeof(Press.Article), ((ArticleContributor)e).ArticleId) },
        [typeof(ArticleCorrection)] = new() { ObjectType = Article, Part = "Correction", Parent = e => (typeof(Press.Article), ((ArticleCorrection)e).ArticleId) },
        [typeof(ArticlePhoto)] = new() { ObjectType = Article, Part = "Photo", Parent = e => (typeof(Press.Article), ((ArticlePhoto)e).ArticleId) },
        [typeof(Api.ApiToken)] = new() { ObjectType = ApiToken, Label = e => ((Api.ApiToken)e).Name },
        [typeof(Webhooks.WebhookEndpoint)] = new() { ObjectType = WebhookEndpoint, Label = e => ((Webhooks.WebhookEndpoint)e).Url },
        [typeof(SummitUser)] = new() { ObjectType = Account, Label = e => ((SummitUser)e).Email },
        [typeof(IdentityUserRole<string>)] = new() { ObjectType = Account, Part = "Role", Parent = e => (typeof(SummitUser), ((IdentityUserRole<string>)e).UserId) },
        [typeof(IdentityUserPasskey<string>)] = new()
        {
            ObjectType = Account,
            Part = "Passkey",
            Parent = e => (typeof(SummitUser), ((IdentityUserPasskey<string>)e).UserId),
            // Its name and when it was added (so an unnamed one shows too), not its key material or counters.
            Only = new HashSet<string>(StringComparer.Ordinal) { "Name", "CreatedAt" },
        },
    };

    /// <summary>Entity types whose writes are not audit entries, and why.</summary>
    internal static readonly IReadOnlyDictionary<Type, string> NotAudited = new Dictionary<Type, string>
    {
        [typeof(AuditEntry)] = "the trail itself",
        [typeof(Files.FileRecord)] = "file contents of the database store; what a file belongs to (a photo, a print run) is audited there",
        [typeof(Files.FileChunk)] = "part of a stored file",
        [typeof(Limits.RateLimitWindow)] = "request counters of the rate limits, an hour long",
        [typeof(Consequences.Consequence)] = "its own log of what followed a change, shown on the follow-ups page",
        [typeof(Webhooks.WebhookDelivery)] = "the delivery log is its own record of every event and attempt",
        [typeof(OutgoingMail)] = "the mail log is its own record of every email",
        [typeof(OutgoingMailAttachment)] = "part of the mail log",
        [typeof(DataProtectionKey)] = "keys, written by the framework",
        [typeof(PublishedSession)] = "a copy made by a publish, which is audited as its schedule version",
        [typeof(ScheduleChange)] = "the change list of a publish, audited as its schedule version",
        [typeof(BadgeSheetEntry)] = "the lines of a print run, audited as the run",
        [typeof(ArticleRevision)] = "the article's text history itself, kept in full",
        [typeof(ArticleEvent)] = "press workflow events, shown with the audit entries on the article's page",
        [typeof(AgendaStar)] = "a person's own bookmarks; nothing anyone else relies on changes",
        [typeof(AgendaFeed)] = "a person's own calendar link",
        [typeof(ContactMessage)] = "the message is its own record",
        [typeof(IdentityRole)] = "the fixed roles, seeded at start",
        [typeof(IdentityRoleClaim<string>)] = "not used",
        [typeof(IdentityUserClaim<string>)] = "not used",
        [typeof(IdentityUserLogin<string>)] = "external sign-in links, not used",
        [typeof(Accounts.AccountSession)] = "a person's own sign-ins, listed on their sessions page; ending another person's sessions follows an audited change (a role removed)",
        [typeof(IdentityUserToken<string>)] = "secrets (authenticator key, recovery codes); turning 2FA on or off is audited on the account",
    };
}
