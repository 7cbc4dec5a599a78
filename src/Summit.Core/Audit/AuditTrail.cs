using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Summit.Core.Data;

namespace Summit.Core.Audit;

/// <summary>
/// Turns the tracked changes of a save into audit entries, saved with them (decision 0015). A new object's id is
/// known only after its insert, so a save that creates audited objects runs in a transaction of its own (or the
/// caller's): the change, then the entries that name it, then the commit.
/// </summary>
internal sealed class AuditTrail
{
    private const int LongText = 300;

    private static readonly HashSet<string> Noise = new(StringComparer.Ordinal)
    {
        "UpdatedAt", "StatusChangedAt", "ConcurrencyStamp", "SecurityStamp", "NormalizedEmail", "NormalizedUserName",
        "NormalizedName", "AccessFailedCount", "Uid",
    };

    private readonly List<Pending> pending = [];

    /// <summary>Every tracked entity by type and (first) key, so finding a part's parent or owner is one lookup, not a scan per part.</summary>
    private readonly Dictionary<(Type Type, object Key), object> tracked = [];

    private sealed record Pending(AuditEntry Entry, EntityEntry? KeySource, Func<string>? Key);

    public bool NeedsKeys => pending.Exists(p => p.Key is not null);

    public bool IsEmpty => pending.Count == 0;

    /// <summary>Reads the tracked changes; nothing is written until <see cref="AddTo"/>.</summary>
    public static async Task<AuditTrail> CaptureAsync(SummitDbContext db, DateTimeOffset now, AuditActor actor, CancellationToken cancellationToken)
    {
        var trail = new AuditTrail();
        db.ChangeTracker.DetectChanges();
        var entries = db.ChangeTracker.Entries().ToList();
        foreach (var entry in entries)
        {
            if (!entry.Metadata.IsOwned() && entry.Metadata.FindPrimaryKey() is { } primary
                && entry.Property(primary.Properties[0].Name).CurrentValue is { } key)
            {
                trail.tracked.TryAdd((entry.Metadata.ClrType, key), entry.Entity);
            }
        }

        foreach (var entry in entries)
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted))
            {
                continue;
            }

            await trail.AddAsync(db, entry, now, actor, cancellationToken);
        }

        return trail;
    }

    /// <summary>Adds the entries to the context; call after the change's own insert when <see cref="NeedsKeys"/>.</summary>
    public void AddTo(SummitDbContext db)
    {
        foreach (var p in pending)
        {
            if (p.Key is not null)
            {
                p.Entry.SetObjectId(p.Key());
            }

            db.Set<AuditEntry>().Add(p.Entry);
        }

        pending.Clear();
    }

    private async Task AddAsync(SummitDbContext db, EntityEntry entry, DateTimeOffset now, AuditActor actor, CancellationToken cancellationToken)
    {
        var metadata = entry.Metadata;
        var ownership = metadata.FindOwnership();
        var ownerEntity = ownership is null ? null : Owner(entry, ownership);
        var type = ownership is null ? metadata.ClrType : ownership.PrincipalEntityType.ClrType;
        if (!AuditedTypes.Types.TryGetValue(type, out var audited))
        {
            return;
        }

        // Where the change is filed: the object itself, its owner (a session's speakers), or its parent (a registration's sign-ups).
        var objectType = audited.ObjectType;
        // An owned value of a part (a passkey's data) is filed as that part, under the part's parent (the account).
        var ownedPart = ownership is not null && audited.Parent is not null && ownerEntity is not null;
        string? part = ownership is null || ownedPart ? audited.Part : ownership.PrincipalToDependent?.Name;
        object? subject = ownership is null ? entry.Entity : ownerEntity;
        EntityEntry? keySource = ownership is null ? entry : (ownerEntity is null ? null : db.Entry(ownerEntity));
        Func<string>? key = null;
        string? objectId = null;
        var parentRef = ownership is null ? audited.Parent?.Invoke(entry.Entity) : ownedPart ? audited.Parent!.Invoke(ownerEntity!) : null;
        // The part's own choice of fields, kept when the entry is filed under its parent.
        var only = audited.Only;
        if (parentRef is { } parent && AuditedTypes.Types.TryGetValue(parent.Type, out var parentType))
        {
            objectType = parentType.ObjectType;
            subject = Tracked(parent.Type, parent.Id) ?? await db.FindAsync(parent.Type, [parent.Id], cancellationToken);
            keySource = subject is null ? null : db.Entry(subject);
            if (keySource is null)
            {
                objectId = Text(parent.Id) ?? "";
            }

            audited = parentType;
        }
        else if (audited.Parent is not null && ownership is null)
        {
            part = null; // a part without its parent (a scan of an unknown badge) is an object of its own
        }

        if (keySource is not null)
        {
            var primary = keySource.Metadata.FindPrimaryKey()!.Properties;
            var source = keySource;
            if (primary.Any(p => source.Property(p.Name).IsTemporary))
            {
                key = () => string.Join('/', primary.Select(p => Text(source.Property(p.Name).CurrentValue)));
            }
            else
            {
                objectId = string.Join('/', primary.Select(p => Text(source.Property(p.Name).CurrentValue)));
            }
        }

        var erased = subject is not null && audited.Erased?.Invoke(subject) == true;
        var changes = await ChangesAsync(db, entry, part, audited, only, erased, cancellationToken);
        if (changes.Count == 0)
        {
            return;
        }

        var action = part is not null
            ? "changed"
            : entry.State switch
            {
                EntityState.Added => "created",
                EntityState.Deleted => "deleted",
                _ => erased && entry.Property("ErasedAt").IsModified ? "erased" : "changed",
            };
        var label = subject is null ? null : audited.Label?.Invoke(subject);
        if (erased)
        {
            label = AuditEntry.Erased;
        }

        var edition = Edition(subject) ?? Edition(entry.Entity);
        pending.Add(new(new AuditEntry(now, actor, objectType, objectId ?? "", edition, action, label, changes), keySource, key));
    }

    private async Task<List<AuditChange>> ChangesAsync(SummitDbContext db, EntityEntry entry, string? part, AuditedType audited, IReadOnlySet<string>? only, bool erased, CancellationToken cancellationToken)
    {
        var changes = new List<AuditChange>();
        if (entry.Entity is IdentityUserRole<string> role)
        {
            var name = (Tracked(typeof(IdentityRole), role.RoleId) as IdentityRole ?? await db.Roles.FindAsync([role.RoleId], cancellationToken))?.Name ?? role.RoleId;
            changes.Add(entry.State == EntityState.Deleted ? new("Role", name, null) : new("Role", null, name));
            return changes;
        }

        var ownership = entry.Metadata.FindOwnership();
        foreach (var property in entry.Properties)
        {
            var meta = property.Metadata;
            var name = meta.Name;
            if (Noise.Contains(name) || meta.IsShadowProperty() || (ownership?.Properties.Contains(meta) ?? false) || !(only?.Contains(name) ?? true)
                || (meta.IsPrimaryKey() && part is null) || (meta.IsForeignKey() && part is not null && Parentish(name, audited)))
            {
                continue;
            }

            object? before = entry.State == EntityState.Added ? null : property.OriginalValue;
            object? after = entry.State == EntityState.Deleted ? null : property.CurrentValue;
            if (entry.State == EntityState.Modified && (!property.IsModified || Equals(before, after)))
            {
                continue;
            }

            if (entry.State != EntityState.Modified && before is null && after is null)
            {
                continue;
            }

            var field = part is null ? name : $"{part}.{name}";
            var personal = audited.Personal.Contains(name) && part is null;
            var b = Text(before);
            var a = Text(after);
            if (Secret(name))
            {
                changes.Add(new(field, null, null) { Hidden = true });
            }
            else if (personal && erased)
            {
                changes.Add(new(field, b is null ? null : AuditEntry.Erased, a is null ? null : AuditEntry.Erased) { Personal = true });
            }
            else if (b?.Length > LongText || a?.Length > LongText)
            {
                changes.Add(new(field, null, null) { Hidden = true, Personal = personal });
            }
            else
            {
                changes.Add(new(field, b, a) { Personal = personal });
            }
        }

        return changes;
    }

    /// <summary>The part's link to its parent says nothing the entry does not (it is filed under the parent).</summary>
    private static bool Parentish(string name, AuditedType parent) => name == $"{parent.ObjectType}Id";

    private static bool Secret(string name) =>
        name.EndsWith("Hash", StringComparison.Ordinal) || name is "AccessKey" or "PasswordHash" or "TokenHash" or "Secret";

    private object? Owner(EntityEntry entry, Microsoft.EntityFrameworkCore.Metadata.IForeignKey ownership) =>
        Tracked(ownership.PrincipalEntityType.ClrType, entry.Property(ownership.Properties[0].Name).CurrentValue);

    private object? Tracked(Type type, object? id) => id is not null && tracked.TryGetValue((type, id), out var entity) ? entity : null;

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<Type, System.Reflection.PropertyInfo?> EditionProperties = new();

    private static int? Edition(object? entity) => entity switch
    {
        null => null,
        Editions.Edition edition => edition.Id,
        _ => EditionProperties.GetOrAdd(entity.GetType(), t => t.GetProperty("EditionId"))?.GetValue(entity) as int?,
    };

    internal static string? Text(object? value) => value switch
    {
        null => null,
        string s => s,
        DateTimeOffset d => d.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        DateTime d => d.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        Enum e => e.ToString(),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        System.Collections.IEnumerable items => string.Join(", ", items.Cast<object?>().Select(Text)),
        _ => value.ToString(),
    };
}
