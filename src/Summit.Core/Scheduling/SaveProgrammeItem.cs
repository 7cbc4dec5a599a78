using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Summit.Core.Data;
using Summit.Core.Editions;

namespace Summit.Core.Scheduling;

public sealed record ProgrammeItemResult(int? Id, IReadOnlyList<Refusal> Refusals)
{
    public bool Saved => Id is not null;
}

/// <summary>
/// Venues, rooms, tracks and session types of an edition: names in both languages, a sane capacity and colour,
/// and no deleting what sessions still use.
/// </summary>
public sealed partial class SaveProgrammeItem(SummitDbContext db, TimeProvider clock)
{
    public const int NameMaxLength = 200;
    public const int ChannelsMaxLength = 100;
    public const int MaxCapacity = 100_000;

    public static class Reasons
    {
        public const string NameRequired = "Enter the name in English and in Chinese.";
        public const string TextTooLong = "This text is too long.";
        public const string CapacityRange = "The capacity must be between 1 and 100,000, or empty.";
        public const string CapacityBelowSeatLimit = "Sessions in this room have a seat limit above this capacity: lower their seat limits first.";
        public const string ColourShape = "Enter a colour as #rrggbb, for example #1f6f8b.";
        public const string UnknownVenue = "Choose one of this edition's venues.";
        public const string InUse = "Sessions still use this; move them or change them first.";
        public const string NotFound = "This item does not exist (any more).";
        public const string ControlCharacters = "This text contains characters that cannot be stored.";
        public const string RoomNameTaken = "Another room of this edition already has this name.";
        public const string BreakFlagInUse = "Sessions use this type: make a new type rather than turning this one into a break or back.";
    }

    public async Task<ProgrammeItemResult> SaveVenueAsync(int editionId, int? id, string nameEn, string nameZh, CancellationToken cancellationToken = default)
    {
        var refusals = CheckNames(nameEn, nameZh);
        if (refusals.Count > 0)
        {
            return new(null, refusals);
        }

        var venue = id is null ? null : await db.Venues.FirstOrDefaultAsync(v => v.Id == id && v.EditionId == editionId, cancellationToken);
        if (id is not null && venue is null)
        {
            return new(null, [new("", Reasons.NotFound)]);
        }

        if (venue is null)
        {
            venue = Venue.Create(editionId, nameEn, nameZh);
            db.Venues.Add(venue);
        }
        else
        {
            venue.Rename(nameEn, nameZh);
        }

        await db.SaveChangesAsync(cancellationToken);
        return new(venue.Id, []);
    }

    public async Task<ProgrammeItemResult> SaveRoomAsync(int editionId, int? id, int venueId, RoomDetails details, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(details);
        var refusals = CheckNames(details.NameEn, details.NameZh).ToList();
        refusals.AddRange(Texts.TooLong(Reasons.TextTooLong, (nameof(RoomDetails.InterpretationChannels), details.InterpretationChannels, ChannelsMaxLength)));
        if (Texts.HasControlCharacters(details.InterpretationChannels))
        {
            refusals.Add(new(nameof(RoomDetails.InterpretationChannels), Reasons.ControlCharacters));
        }

        if (details.Capacity is < 1 or > MaxCapacity)
        {
            refusals.Add(new(nameof(RoomDetails.Capacity), Reasons.CapacityRange));
        }

        if (refusals.Count > 0)
        {
            return new(null, refusals);
        }

        if (!await db.Venues.AnyAsync(v => v.Id == venueId && v.EditionId == editionId, cancellationToken))
        {
            return new(null, [new("VenueId", Reasons.UnknownVenue)]);
        }

        var others = await db.Rooms.AsNoTracking().Where(r => r.EditionId == editionId && r.Id != id).Select(r => new { r.NameEn, r.NameZh }).ToListAsync(cancellationToken);
        if (others.Any(r => string.Equals(r.NameEn, details.NameEn.Trim(), StringComparison.OrdinalIgnoreCase) || string.Equals(r.NameZh, details.NameZh.Trim(), StringComparison.OrdinalIgnoreCase)))
        {
            // Schedule apps key rooms by name (schedule.json): two rooms called "Hall A" would merge there.
            return new(null, [new(nameof(RoomDetails.NameEn), Reasons.RoomNameTaken)]);
        }

        Room? room = null;
        if (id is not null)
        {
            room = await db.Rooms.FirstOrDefaultAsync(r => r.Id == id && r.EditionId == editionId, cancellationToken);
            if (room is null)
            {
                return new(null, [new("", Reasons.NotFound)]);
            }

            if (details.Capacity is int capacity
                && await db.Sessions.AnyAsync(s => s.RoomId == id && !s.IsCancelled && s.SeatLimit > capacity, cancellationToken))
            {
                return new(null, [new(nameof(RoomDetails.Capacity), Reasons.CapacityBelowSeatLimit)]);
            }
        }

        if (room is null)
        {
            room = Room.Create(editionId, venueId, details);
            db.Rooms.Add(room);
        }
        else
        {
            room.Apply(details);
        }

        await db.SaveChangesAsync(cancellationToken);
        return new(room.Id, []);
    }

    public async Task<ProgrammeItemResult> SaveTrackAsync(int editionId, int? id, string nameEn, string nameZh, string colour, int order, CancellationToken cancellationToken = default)
    {
        var refusals = CheckNames(nameEn, nameZh).ToList();
        if (colour is null || !ColourPattern().IsMatch(colour.Trim()))
        {
            refusals.Add(new("Colour", Reasons.ColourShape));
        }

        if (refusals.Count > 0)
        {
            return new(null, refusals);
        }

        var track = id is null ? null : await db.Tracks.FirstOrDefaultAsync(t => t.Id == id && t.EditionId == editionId, cancellationToken);
        if (id is not null && track is null)
        {
            return new(null, [new("", Reasons.NotFound)]);
        }

        if (track is null)
        {
            track = Track.Create(editionId, nameEn, nameZh, colour!, order);
            db.Tracks.Add(track);
        }
        else
        {
            track.Apply(nameEn, nameZh, colour!, order);
        }

        await db.SaveChangesAsync(cancellationToken);
        return new(track.Id, []);
    }

    public async Task<ProgrammeItemResult> SaveTypeAsync(int editionId, int? id, string nameEn, string nameZh, bool isBreak, int order, CancellationToken cancellationToken = default)
    {
        var refusals = CheckNames(nameEn, nameZh);
        if (refusals.Count > 0)
        {
            return new(null, refusals);
        }

        var type = id is null ? null : await db.SessionTypes.FirstOrDefaultAsync(t => t.Id == id && t.EditionId == editionId, cancellationToken);
        if (id is not null && type is null)
        {
            return new(null, [new("", Reasons.NotFound)]);
        }

        if (type is not null && type.IsBreak != isBreak
            && (await db.Sessions.AnyAsync(s => s.TypeId == type.Id, cancellationToken)
                || await db.PublishedSessions.AnyAsync(s => s.TypeId == type.Id, cancellationToken)))
        {
            // A break has no speakers and is left out of calendars and schedule apps: flipping the flag would change
            // the published programme without a publish, and give breaks speakers.
            return new(null, [new("IsBreak", Reasons.BreakFlagInUse)]);
        }

        if (type is null)
        {
            type = SessionType.Create(editionId, nameEn, nameZh, isBreak, order);
            db.SessionTypes.Add(type);
        }
        else
        {
            type.Apply(nameEn, nameZh, isBreak, order);
        }

        await db.SaveChangesAsync(cancellationToken);
        return new(type.Id, []);
    }

    /// <summary>Deletes a room, track, type or venue that nothing uses; refuses otherwise.</summary>
    public async Task<IReadOnlyList<Refusal>> DeleteAsync(int editionId, ProgrammeItemKind kind, int id, CancellationToken cancellationToken = default)
    {
        var inUse = kind switch
        {
            ProgrammeItemKind.Room => await db.Sessions.AnyAsync(s => s.RoomId == id, cancellationToken)
                                      || await db.PublishedSessions.AnyAsync(s => s.RoomId == id, cancellationToken),
            ProgrammeItemKind.Track => await db.Sessions.AnyAsync(s => s.TrackId == id, cancellationToken)
                                       || await db.PublishedSessions.AnyAsync(s => s.TrackId == id, cancellationToken),
            ProgrammeItemKind.SessionType => await db.Sessions.AnyAsync(s => s.TypeId == id, cancellationToken)
                                             || await db.PublishedSessions.AnyAsync(s => s.TypeId == id, cancellationToken),
            _ => await db.Rooms.AnyAsync(r => r.VenueId == id, cancellationToken),
        };
        if (inUse)
        {
            return [new("", Reasons.InUse)];
        }

        var label = kind switch
        {
            ProgrammeItemKind.Room => await db.Rooms.Where(r => r.Id == id && r.EditionId == editionId).Select(r => r.NameEn).FirstOrDefaultAsync(cancellationToken),
            ProgrammeItemKind.Track => await db.Tracks.Where(t => t.Id == id && t.EditionId == editionId).Select(t => t.NameEn).FirstOrDefaultAsync(cancellationToken),
            ProgrammeItemKind.SessionType => await db.SessionTypes.Where(t => t.Id == id && t.EditionId == editionId).Select(t => t.NameEn).FirstOrDefaultAsync(cancellationToken),
            _ => await db.Venues.Where(v => v.Id == id && v.EditionId == editionId).Select(v => v.NameEn).FirstOrDefaultAsync(cancellationToken),
        };
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var deleted = kind switch
        {
            ProgrammeItemKind.Room => await db.Rooms.Where(r => r.Id == id && r.EditionId == editionId).ExecuteDeleteAsync(cancellationToken),
            ProgrammeItemKind.Track => await db.Tracks.Where(t => t.Id == id && t.EditionId == editionId).ExecuteDeleteAsync(cancellationToken),
            ProgrammeItemKind.SessionType => await db.SessionTypes.Where(t => t.Id == id && t.EditionId == editionId).ExecuteDeleteAsync(cancellationToken),
            _ => await db.Venues.Where(v => v.Id == id && v.EditionId == editionId).ExecuteDeleteAsync(cancellationToken),
        };
        if (deleted == 0)
        {
            return [new("", Reasons.NotFound)];
        }

        Audit.AuditLog.Record(db, clock.GetUtcNow(), kind == ProgrammeItemKind.SessionType ? "SessionType" : kind.ToString(), id, editionId, "deleted", label, Audit.AuditLog.Change("NameEn", label, null));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return [];
    }

    private static List<Refusal> CheckNames(string? nameEn, string? nameZh)
    {
        var refusals = new List<Refusal>();
        if (string.IsNullOrWhiteSpace(nameEn))
        {
            refusals.Add(new("NameEn", Reasons.NameRequired));
        }

        if (string.IsNullOrWhiteSpace(nameZh))
        {
            refusals.Add(new("NameZh", Reasons.NameRequired));
        }

        refusals.AddRange(Texts.TooLong(Reasons.TextTooLong, ("NameEn", nameEn, NameMaxLength), ("NameZh", nameZh, NameMaxLength)));
        if (Texts.HasControlCharacters(nameEn) || Texts.HasControlCharacters(nameZh))
        {
            refusals.Add(new("NameEn", Reasons.ControlCharacters));
        }

        return refusals;
    }

    [GeneratedRegex("^#[0-9a-fA-F]{6}$", RegexOptions.CultureInvariant)]
    private static partial Regex ColourPattern();
}

public enum ProgrammeItemKind
{
    Venue,
    Room,
    Track,
    SessionType,
}
