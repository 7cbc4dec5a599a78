namespace Summit.Core.Audit;

public enum AuditActorKind
{
    /// <summary>A signed-in account.</summary>
    Person,

    /// <summary>Someone not signed in: an attendee through their own link, a speaker through a sign-off link.</summary>
    Visitor,

    /// <summary>A job or a consequence, named.</summary>
    System,

    /// <summary>An API token, named (issue 16).</summary>
    Token,
}

/// <summary>One field of a change: its value before and after, as text. Long text and secrets say only that they changed.</summary>
public sealed record AuditChange(string Field, string? Before, string? After)
{
    /// <summary>Personal data of the object's person: removed when the registration is erased.</summary>
    public bool Personal { get; init; }

    /// <summary>The values are not kept: a secret, or text too long to be readable here.</summary>
    public bool Hidden { get; init; }
}

/// <summary>
/// Who changed what, when and from where, written in the same transaction as the change (decision 0015). Entries are
/// never changed afterwards, except to remove personal data when a registration is erased.
/// </summary>
public sealed class AuditEntry
{
    public const int ActorNameMaxLength = 256;
    public const int AddressMaxLength = 64;
    public const int ObjectTypeMaxLength = 40;
    public const int ObjectIdMaxLength = 64;
    public const int LabelMaxLength = 200;
    public const int ActionMaxLength = 40;

    private AuditEntry()
    {
    }

    internal AuditEntry(DateTimeOffset at, AuditActor actor, string objectType, string objectId, int? editionId, string action, string? label, IReadOnlyList<AuditChange> changes)
    {
        At = at;
        ActorKind = actor.Kind;
        ActorName = Cut(actor.Name, ActorNameMaxLength) ?? "";
        ActorUserId = actor.UserId;
        Address = Cut(actor.Address, AddressMaxLength);
        ObjectType = objectType;
        ObjectId = Cut(objectId, ObjectIdMaxLength) ?? "";
        EditionId = editionId;
        Action = action;
        Label = Cut(label, LabelMaxLength);
        Changes = AuditChanges.Write(changes);
    }

    public long Id { get; private set; }

    public DateTimeOffset At { get; private set; }

    public AuditActorKind ActorKind { get; private set; }

    /// <summary>The account's email at the time, or the job's name.</summary>
    public string ActorName { get; private set; } = "";

    public string? ActorUserId { get; private set; }

    /// <summary>The client's IP address, for people.</summary>
    public string? Address { get; private set; }

    public int? EditionId { get; private set; }

    public string ObjectType { get; private set; } = "";

    public string ObjectId { get; private set; } = "";

    /// <summary>What the object was called at the time (a name, a title), so the entry reads without the object.</summary>
    public string? Label { get; private set; }

    public string Action { get; private set; } = "";

    /// <summary>JSON list of <see cref="AuditChange"/>.</summary>
    public string Changes { get; private set; } = "[]";

    public DateTimeOffset? AnonymisedAt { get; private set; }

    public IReadOnlyList<AuditChange> ChangeList => AuditChanges.Read(Changes);

    internal void SetObjectId(string objectId) => ObjectId = Cut(objectId, ObjectIdMaxLength) ?? "";

    internal void Anonymise(DateTimeOffset now, string? personEmail)
    {
        Changes = AuditChanges.Write([.. ChangeList.Select(c => c.Personal ? c with { Before = c.Before is null ? null : Erased, After = c.After is null ? null : Erased } : c)]);
        Label = Erased;
        Address = null;
        if (personEmail is not null && string.Equals(ActorName, personEmail, StringComparison.OrdinalIgnoreCase))
        {
            ActorName = Erased;
            ActorUserId = null;
        }

        AnonymisedAt = now;
    }

    public const string Erased = "(erased)";

    private static string? Cut(string? value, int max) => value is { Length: > 0 } && value.Length > max ? value[..max] : value;
}
