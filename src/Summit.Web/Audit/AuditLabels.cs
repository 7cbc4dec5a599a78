using Summit.Core.Audit;

namespace Summit.Web.Audit;

/// <summary>The English keys (localized through the shared resource) for what the audit trail names.</summary>
public static class AuditLabels
{
    public static string ObjectType(string type) => type switch
    {
        "Registration" => "Registration",
        "Session" => "Session",
        "Speaker" => "Speaker",
        "Article" => "Article",
        "Account" => "Account",
        "Edition" => "Edition",
        "Category" => "Registration category",
        "InvitationCode" => "Invitation code",
        "Room" => "Room",
        "Track" => "Track",
        "SessionType" => "Session type",
        "Venue" => "Venue",
        "ScheduleVersion" => "Published schedule version",
        "BadgeSheet" => "Badge print run",
        "BulkMail" => "Bulk email",
        "MailTemplate" => "Email wording",
        "CheckInScan" => "Check-in scan",
        "ApiToken" => "API token",
        "WebhookEndpoint" => "Webhook endpoint",
        _ => type,
    };

    public static string Action(string action) => action switch
    {
        "created" => "Created",
        "changed" => "Changed",
        "deleted" => "Deleted",
        "erased" => "Erased",
        "published" => "Published",
        "held" => "Held",
        "merged" => "Merged",
        _ => action,
    };

    public static string Actor(AuditActorKind kind) => kind switch
    {
        AuditActorKind.Visitor => "Visitor (not signed in)",
        AuditActorKind.System => "System",
        AuditActorKind.Token => "API token",
        _ => "Person",
    };

    /// <summary>The parts an object's entries name before a field ("Sign-up.Status").</summary>
    public static readonly IReadOnlySet<string> Parts = new HashSet<string>(StringComparer.Ordinal)
    {
        "Sign-up", "Edition", "Invitation", "Photo", "Availability", "Session", "Speaker", "Tag", "Author", "Contributor", "Correction", "Role", "Check-in", "Passkey",
    };

    /// <summary>The English label of each stored field, without its language (TitleEn and TitleZh are both "Title").</summary>
    private static readonly Dictionary<string, string> Fields = new(StringComparer.Ordinal)
    {
        ["Abstract"] = "Abstract",
        ["AccessFailedCount"] = "Failed sign-ins in a row",
        ["AccessKey"] = "Access key",
        ["AccessibilityNeeds"] = "Accessibility needs",
        ["ArticleId"] = "Article",
        ["At"] = "Time",
        ["BadgeCode"] = "Badge code",
        ["BadgeColour"] = "Badge colour",
        ["BadgePrintedRevision"] = "Badge revision printed",
        ["BadgeRevision"] = "Badge revision",
        ["Biography"] = "Biography",
        ["Body"] = "Text",
        ["By"] = "By",
        ["BypassesApproval"] = "Skips approval",
        ["CancelledByProgramme"] = "Cancelled by the programme",
        ["Capacity"] = "Capacity",
        ["Caption"] = "Caption",
        ["CategoryId"] = "Category",
        ["CheckedInAt"] = "Checked in at",
        ["CheckedInDesk"] = "Check-in desk",
        ["City"] = "City",
        ["ClosesAt"] = "Closes at",
        ["Code"] = "Code",
        ["Colour"] = "Colour",
        ["ConcurrencyStamp"] = "Concurrency stamp",
        ["Confirmed"] = "Confirmed",
        ["ConsentAt"] = "Consent given at",
        ["ConsentVersion"] = "Consent version",
        ["ContactEmail"] = "Contact email",
        ["CountryCode"] = "Country",
        ["CreatedAt"] = "Created at",
        ["CreatedBy"] = "Created by",
        ["Credit"] = "Photo credit",
        ["Culture"] = "Language",
        ["Dateline"] = "Dateline",
        ["Description"] = "Description",
        ["LastSuccessAt"] = "Last success",
        ["FailingSince"] = "Failing since",
        ["PausedReason"] = "Why paused",
        ["PausedAt"] = "Paused at",
        ["Secret"] = "Signing secret",
        ["EventTypes"] = "Events",
        ["Desk"] = "Desk",
        ["DietaryNeeds"] = "Dietary needs",
        ["DisplayName"] = "Display name",
        ["Done"] = "Done",
        ["DraftRevision"] = "Draft revision",
        ["EditionId"] = "Edition",
        ["Email"] = "Email",
        ["Scopes"] = "Access",
        ["Prefix"] = "Starts with",
        ["LastUsedFrom"] = "Last used from",
        ["LastUsedAt"] = "Last used at",
        ["EditionIds"] = "Editions",
        ["EmailConfirmed"] = "Email confirmed",
        ["EndDate"] = "End date",
        ["EndsAt"] = "Ends at",
        ["ErasedAt"] = "Erased at",
        ["Error"] = "Error",
        ["ExpiresAt"] = "Expires at",
        ["FamilyName"] = "Family name",
        ["FinishedAt"] = "Finished at",
        ["FirstPublishedAt"] = "First published at",
        ["FloorLanguage"] = "Floor language",
        ["GivenName"] = "Given name",
        ["Headline"] = "Headline",
        ["Height"] = "Height",
        ["Honorific"] = "Honorific",
        ["Id"] = "Number",
        ["InterpretationChannels"] = "Interpretation channels",
        ["InterpretationOffered"] = "Interpretation offered",
        ["InvitationCodeId"] = "Invitation code",
        ["InvitedBy"] = "Invited by",
        ["IsBreak"] = "Break",
        ["IsCancelled"] = "Cancelled",
        ["IsCover"] = "Cover photo",
        ["IsDemo"] = "Demo",
        ["IsSocial"] = "Social event",
        ["Key"] = "Key",
        ["Kind"] = "Kind",
        ["Language"] = "Language",
        ["LastSignupTicket"] = "Last sign-up ticket",
        ["LastWaitlistTicket"] = "Last waiting-list ticket",
        ["LatinFamilyNameFirst"] = "Family name first in Latin script",
        ["Layout"] = "Layout",
        ["Lead"] = "Lead",
        ["Licence"] = "Licence",
        ["LockoutEnabled"] = "Can be locked out",
        ["LockoutEnd"] = "Locked until",
        ["MaxUses"] = "Uses allowed",
        ["Name"] = "Name",
        ["NeedsInterpretation"] = "Needs interpretation",
        ["NormalizedEmail"] = "Email (for matching)",
        ["NormalizedUserName"] = "User name (for matching)",
        ["Note"] = "Note",
        ["Number"] = "Number",
        ["OpensAt"] = "Opens at",
        ["Order"] = "Order",
        ["Organisation"] = "Organisation",
        ["PasswordHash"] = "Password",
        ["Phone"] = "Phone",
        ["PhoneNumber"] = "Phone number",
        ["PhoneNumberConfirmed"] = "Phone number confirmed",
        ["Position"] = "Position",
        ["PreferredCulture"] = "Preferred language",
        ["PublishAnchor"] = "Publish relative to",
        ["PublishAt"] = "Publish at",
        ["PublishOffsetMinutes"] = "Minutes after the session",
        ["PublishSessionId"] = "Publish with session",
        ["PublishedAt"] = "Published at",
        ["PublishedBy"] = "Published by",
        ["QueuedAt"] = "Queued at",
        ["QuotedPassages"] = "Quoted passages",
        ["Recipients"] = "Recipients",
        ["RegistrationId"] = "Registration",
        ["ReminderDays"] = "Reminder days",
        ["RequestKey"] = "Request key",
        ["RequiresApproval"] = "Requires approval",
        ["RequiresInvitation"] = "Requires an invitation",
        ["Result"] = "Result",
        ["ReviewedAt"] = "Reviewed at",
        ["ReviewedBy"] = "Reviewed by",
        ["Revision"] = "Revision",
        ["RevokedAt"] = "Revoked at",
        ["Role"] = "Role",
        ["RoleId"] = "Role",
        ["RoomId"] = "Room",
        ["ScannedBy"] = "Scanned by",
        ["ScheduleDraftRevision"] = "Draft revision of the schedule",
        ["ScheduledBy"] = "Scheduled by",
        ["SeatLimit"] = "Seat limit",
        ["SeatsTaken"] = "Seats taken",
        ["SecurityStamp"] = "Security stamp",
        ["Selection"] = "Selection",
        ["SeoDescription"] = "Search description",
        ["SeoTitle"] = "Search title",
        ["SessionId"] = "Session",
        ["SignOff"] = "Quote check",
        ["SignOffAnsweredAt"] = "Quote check answered at",
        ["SignOffComment"] = "Quote check comment",
        ["SignOffOverriddenAt"] = "Quote check overridden at",
        ["SignOffOverriddenBy"] = "Quote check overridden by",
        ["SignOffRequestedAt"] = "Quote check requested at",
        ["SignOffSpeakerId"] = "Speaker checking the quotes",
        ["SignOffTokenHash"] = "Quote check link",
        ["Slug"] = "Web address",
        ["Source"] = "Source",
        ["SpeakerId"] = "Speaker",
        ["StartDate"] = "Start date",
        ["StartsAt"] = "Starts at",
        ["Status"] = "Status",
        ["StatusChangedAt"] = "Status changed at",
        ["StatusNote"] = "Status note",
        ["Subject"] = "Subject",
        ["SubmittedAt"] = "Submitted at",
        ["SubmittedBy"] = "Submitted by",
        ["Tag"] = "Tag",
        ["Tagline"] = "Tagline",
        ["TimeZoneId"] = "Time zone",
        ["Title"] = "Title",
        ["TokenHash"] = "Token",
        ["Total"] = "Total",
        ["TrackId"] = "Track",
        ["TwoFactorEnabled"] = "Two-factor sign-in",
        ["TypeId"] = "Type",
        ["Uid"] = "Calendar id",
        ["UpdatedAt"] = "Updated at",
        ["UpdatedBy"] = "Updated by",
        ["UploadedAt"] = "Uploaded at",
        ["UploadedBy"] = "Uploaded by",
        ["Url"] = "Link",
        ["UsedAt"] = "Used at",
        ["UsedBy"] = "Used by",
        ["UserId"] = "Account",
        ["UserName"] = "User name",
        ["Uses"] = "Uses",
        ["Venue"] = "Venue",
        ["VenueId"] = "Venue",
        ["WaitlistTicket"] = "Waiting-list ticket",
        ["Width"] = "Width",
    };

    /// <summary>
    /// A field of an entry in the reader's language: "Sign-up.Status" is "Sign-up › Status", "TitleZh" is "Title
    /// (Chinese)". A field without a label (added later and not named here) shows as stored; a test names it.
    /// </summary>
    public static string Field(string field, Microsoft.Extensions.Localization.IStringLocalizer localizer)
    {
        ArgumentNullException.ThrowIfNull(field);
        ArgumentNullException.ThrowIfNull(localizer);
        return string.Join(" › ", field.Split('.').Select(segment =>
        {
            var (label, format) = Segment(segment);
            return format is null ? localizer[label].Value : localizer[format, localizer[label].Value].Value;
        }));
    }

    /// <summary>The resource keys <see cref="Field"/> uses for one stored field.</summary>
    public static IEnumerable<string> FieldKeys(string field)
    {
        ArgumentNullException.ThrowIfNull(field);
        foreach (var segment in field.Split('.'))
        {
            var (label, format) = Segment(segment);
            yield return label;
            if (format is not null)
            {
                yield return format;
            }
        }
    }

    private static (string Label, string? Format) Segment(string name)
    {
        if (Parts.Contains(name))
        {
            return (name, null);
        }

        foreach (var (suffix, format) in LanguageSuffixes)
        {
            if (name.Length > suffix.Length && name.EndsWith(suffix, StringComparison.Ordinal) && char.IsLower(name[^(suffix.Length + 1)])
                && Fields.TryGetValue(name[..^suffix.Length], out var stem))
            {
                return (stem, format);
            }
        }

        return (Fields.GetValueOrDefault(name, name), null);
    }

    private static readonly (string Suffix, string Format)[] LanguageSuffixes =
        [("En", "{0} (English)"), ("Zh", "{0} (Chinese)"), ("Latin", "{0} (Latin script)")];

    /// <summary>The organizer page of the object, where there is one.</summary>
    public static string? Link(AuditEntry entry, IReadOnlyDictionary<int, string> editions)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(editions);
        var slug = entry.EditionId is int id ? editions.GetValueOrDefault(id) : null;
        return entry.ObjectType switch
        {
            "Registration" when slug is not null => $"/admin/registrations/{slug}/{entry.ObjectId}",
            "Session" when slug is not null => $"/admin/programme/{slug}/sessions/edit/{entry.ObjectId}",
            "Speaker" => $"/admin/speakers/edit/{entry.ObjectId}",
            "Article" => $"/newsroom/{entry.ObjectId}",
            "WebhookEndpoint" => $"/admin/webhooks/{entry.ObjectId}",
            _ => null,
        };
    }
}

/// <summary>What the entries partial shows: the entries, and whether the addresses and the objects are shown (organizers' pages).</summary>
public sealed record AuditEntriesView(IReadOnlyList<AuditEntry> Entries, bool ShowAddress, bool ShowObject, IReadOnlyDictionary<int, string> Editions);
