using Microsoft.EntityFrameworkCore;
using Summit.Core.Data;
using Summit.Core.Editions;

namespace Summit.Core.Scheduling;

public sealed record SaveSessionResult(int? SessionId, IReadOnlyList<Refusal> Refusals)
{
    public bool Saved => SessionId is not null;
}

/// <summary>
/// Creates or edits a session's content: titles in both languages, type, track, speakers with roles, seat limit.
/// A placed session is checked again by <see cref="ScheduleRules"/>, since new speakers or seats can clash too.
/// </summary>
public sealed class SaveSession(SummitDbContext db, TimeProvider clock, Registrations.RegistrationEvents events)
{
    public const int TitleMaxLength = 300;
    public const int AbstractMaxLength = 8000;
    public const int MaxSpeakers = 30;

    public static class Reasons
    {
        public const string TitleRequired = "Enter the title in English and in Chinese.";
        public const string UnknownType = "Choose one of this edition's session types.";
        public const string UnknownTrack = "Choose one of this edition's tracks, or none.";
        public const string UnknownSpeaker = "One of the chosen speakers does not exist (any more).";
        public const string SpeakerTwice = "Each speaker can be listed only once.";
        public const string TooManySpeakers = "A session has at most 30 speakers.";
        public const string BreakHasSpeakers = "A break has no speakers.";
        public const string SeatLimitPositive = "The seat limit must be a positive number, or empty for no sign-up.";
        public const string SeatLimitBelowSignups = "{0} people have a seat at this session: the seat limit cannot go below {0}.";
        public const string SignupsExist = "People have signed up for this session: keep a seat limit.";
        public const string TextTooLong = "This text is too long.";
        public const string ControlCharacters = "This text contains characters that cannot be stored.";
    }

    public async Task<SaveSessionResult> RunAsync(int editionId, int? sessionId, SessionDetails details, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(details);
        var refusals = Check(details);
        if (refusals.Count > 0)
        {
            return new(null, refusals);
        }

        await using var transaction = await ScheduleLock.TakeAsync(db, editionId, cancellationToken);
        if (transaction is null)
        {
            return new(null, [new("", ScheduleSession.Reasons.NotFound)]);
        }

        var type = await db.SessionTypes.AsNoTracking().FirstOrDefaultAsync(t => t.Id == details.TypeId && t.EditionId == editionId, cancellationToken);
        if (type is null)
        {
            return new(null, [new(nameof(SessionDetails.TypeId), Reasons.UnknownType)]);
        }

        if (details.TrackId is int trackId && !await db.Tracks.AnyAsync(t => t.Id == trackId && t.EditionId == editionId, cancellationToken))
        {
            return new(null, [new(nameof(SessionDetails.TrackId), Reasons.UnknownTrack)]);
        }

        if (type.IsBreak && details.Speakers.Count > 0)
        {
            return new(null, [new(nameof(SessionDetails.Speakers), Reasons.BreakHasSpeakers)]);
        }

        var speakerIds = details.Speakers.Select(s => s.SpeakerId).ToList();
        if (await db.Speakers.CountAsync(s => speakerIds.Contains(s.Id), cancellationToken) != speakerIds.Count)
        {
            return new(null, [new(nameof(SessionDetails.Speakers), Reasons.UnknownSpeaker)]);
        }

        var now = clock.GetUtcNow();
        Session session;
        int? previousLimit = null;
        if (sessionId is null)
        {
            session = Session.Create(editionId, details, now);
            db.Sessions.Add(session);
        }
        else
        {
            // The session's row lock first: sign-ups change its seat counter, and the limit is checked against it.
            await db.Sessions.Where(s => s.Id == sessionId && s.EditionId == editionId)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.SeatsTaken, x => x.SeatsTaken), cancellationToken);
            var found = await db.Sessions.FirstOrDefaultAsync(s => s.Id == sessionId && s.EditionId == editionId, cancellationToken);
            if (found is null)
            {
                return new(null, [new("", ScheduleSession.Reasons.NotFound)]);
            }

            session = found;
            previousLimit = session.SeatLimit;
            if (details.SeatLimit is null && (session.SeatsTaken > 0 || await db.SessionSignups.AnyAsync(s => s.SessionId == session.Id, cancellationToken)))
            {
                return new(null, [new(nameof(SessionDetails.SeatLimit), Reasons.SignupsExist)]);
            }

            if (details.SeatLimit < session.SeatsTaken)
            {
                return new(null, [Refusal.With(nameof(SessionDetails.SeatLimit), Reasons.SeatLimitBelowSignups, session.SeatsTaken.ToString(System.Globalization.CultureInfo.InvariantCulture))]);
            }

            if (session.IsScheduled && !session.IsCancelled)
            {
                var facts = await ScheduleLock.LoadFactsAsync(db, editionId, speakerIds, Cultures.IsChinese(System.Globalization.CultureInfo.CurrentUICulture), cancellationToken);
                var clashes = ScheduleRules.Check(new PlacementRequest(session.Id, speakerIds, details.SeatLimit, session.RoomId!.Value, session.StartsAt!.Value, session.EndsAt!.Value), facts!);
                if (clashes.Count > 0)
                {
                    return new(null, clashes);
                }
            }

            session.Apply(details, now);
        }

        await db.SaveChangesAsync(cancellationToken);
        List<Registrations.SignupPromoted> seated = [];
        if (details.SeatLimit > previousLimit)
        {
            seated = await Registrations.SignUpForSession.PromoteAsync(db, session.Id, now, cancellationToken);
            events.Record(seated);
            await db.SaveChangesAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return new(session.Id, []);
    }

    public static IReadOnlyList<Refusal> Check(SessionDetails details)
    {
        ArgumentNullException.ThrowIfNull(details);
        var refusals = new List<Refusal>();
        if (string.IsNullOrWhiteSpace(details.TitleEn))
        {
            refusals.Add(new(nameof(SessionDetails.TitleEn), Reasons.TitleRequired));
        }

        if (string.IsNullOrWhiteSpace(details.TitleZh))
        {
            refusals.Add(new(nameof(SessionDetails.TitleZh), Reasons.TitleRequired));
        }

        refusals.AddRange(Texts.TooLong(
            Reasons.TextTooLong,
            (nameof(SessionDetails.TitleEn), details.TitleEn, TitleMaxLength),
            (nameof(SessionDetails.TitleZh), details.TitleZh, TitleMaxLength),
            (nameof(SessionDetails.AbstractEn), details.AbstractEn, AbstractMaxLength),
            (nameof(SessionDetails.AbstractZh), details.AbstractZh, AbstractMaxLength)));
        foreach (var (field, value) in new[]
                 {
                     (nameof(SessionDetails.TitleEn), details.TitleEn), (nameof(SessionDetails.TitleZh), details.TitleZh),
                     (nameof(SessionDetails.AbstractEn), details.AbstractEn), (nameof(SessionDetails.AbstractZh), details.AbstractZh),
                 })
        {
            if (Texts.HasControlCharacters(value))
            {
                refusals.Add(new(field, Reasons.ControlCharacters));
            }
        }

        if (details.SeatLimit is <= 0)
        {
            refusals.Add(new(nameof(SessionDetails.SeatLimit), Reasons.SeatLimitPositive));
        }

        if (details.Speakers.Count > MaxSpeakers)
        {
            refusals.Add(new(nameof(SessionDetails.Speakers), Reasons.TooManySpeakers));
        }
        else if (details.Speakers.Select(s => s.SpeakerId).Distinct().Count() != details.Speakers.Count)
        {
            refusals.Add(new(nameof(SessionDetails.Speakers), Reasons.SpeakerTwice));
        }

        return refusals;
    }
}
