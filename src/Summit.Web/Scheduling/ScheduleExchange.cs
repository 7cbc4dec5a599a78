using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using Summit.Core.Scheduling;

namespace Summit.Web.Scheduling;

/// <summary>
/// The C3VOC/frab schedule exchange format (schedule.xml and schedule.json) that Giggity, EventFahrplan and
/// ConfClerk read. The schemas allow one language per document, so English and Chinese are two documents with the
/// same GUIDs, ids and slugs. Breaks and cancelled sessions are left out, as pretalx does: these apps have no
/// cancelled state, so a marked title would still read as a session to go to, while a session that disappears is
/// one they report as gone (EventFahrplan lists it among the changes). Calendars keep it, as STATUS:CANCELLED.
/// Both writers take the same <see cref="Programme"/>, so the two files never disagree.
/// </summary>
public static class ScheduleExchange
{
    public const string Generator = "Summit";

    /// <summary>"ccifs_2021": the schemas' acronym patterns allow lowercase letters, digits and underscores.</summary>
    public static string Acronym(Programme programme) =>
        "ccifs_" + new string(programme.Edition.Slug.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '_').ToArray());

    public static string Xml(Programme programme, bool chinese, Uri publicBase)
    {
        ArgumentNullException.ThrowIfNull(programme);
        ArgumentNullException.ThrowIfNull(publicBase);
        var conference = new XElement(
            "conference",
            new XElement("title", programme.Edition.Name(chinese)),
            new XElement("acronym", Acronym(programme)),
            new XElement("start", programme.Edition.StartDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            new XElement("end", programme.Edition.EndDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            new XElement("days", programme.Days.Count),
            new XElement("timeslot_duration", "00:15"),
            new XElement("base_url", new Uri(publicBase, "/").ToString()),
            new XElement("url", Url(publicBase, $"/{programme.Edition.Slug}/schedule")),
            new XElement("time_zone_name", programme.Edition.TimeZoneId),
            programme.Tracks.Select(t => new XElement("track", new XAttribute("name", t.Name(chinese)), new XAttribute("color", t.Colour), new XAttribute("slug", "track-" + t.Id.ToString(CultureInfo.InvariantCulture)))));
        var days = programme.Days.Select((day, index) =>
        {
            var (start, end) = DayBounds(programme, day);
            var sessions = Sessions(programme, day).ToList();
            return new XElement(
                "day",
                new XAttribute("index", index + 1),
                new XAttribute("date", day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
                new XAttribute("start", Timestamp(start)),
                new XAttribute("end", Timestamp(end)),
                programme.Rooms.Where(r => sessions.Any(s => s.Room.Id == r.Id)).Select(room => new XElement(
                    "room",
                    new XAttribute("name", room.Name(chinese)),
                    new XAttribute("guid", RoomGuid(programme, room)),
                    sessions.Where(s => s.Room.Id == room.Id).Select(s => EventXml(programme, s, chinese, publicBase)))));
        });
        var document = new XDocument(
            new XDeclaration("1.0", "utf-8", null),
            new XElement(
                "schedule",
                new XElement("generator", new XAttribute("name", Generator), new XAttribute("version", "1")),
                new XElement("url", Url(publicBase, $"/{programme.Edition.Slug}/schedule.xml" + (chinese ? "?lang=zh" : ""))),
                new XElement("version", programme.Version?.Name ?? "v0"),
                conference,
                days));
        using var writer = new Utf8StringWriter();
        document.Save(writer, SaveOptions.None);
        return writer.ToString();
    }

    public static string Json(Programme programme, bool chinese, Uri publicBase)
    {
        ArgumentNullException.ThrowIfNull(programme);
        ArgumentNullException.ThrowIfNull(publicBase);
        var days = new JsonArray();
        foreach (var (day, index) in programme.Days.Select((d, i) => (d, i)))
        {
            var (start, end) = DayBounds(programme, day);
            var sessions = Sessions(programme, day).ToList();
            var rooms = new JsonObject();
            foreach (var room in programme.Rooms.Where(r => sessions.Any(s => s.Room.Id == r.Id)))
            {
                rooms[room.Name(chinese)] = new JsonArray(sessions.Where(s => s.Room.Id == room.Id).Select(s => (JsonNode)EventJson(programme, s, chinese, publicBase)).ToArray());
            }

            days.Add(new JsonObject
            {
                ["index"] = index + 1,
                ["date"] = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                ["day_start"] = Timestamp(start),
                ["day_end"] = Timestamp(end),
                ["rooms"] = rooms,
            });
        }

        var zoneName = ExchangeZoneName(programme.Edition.TimeZoneId);
        var document = new JsonObject
        {
            ["$schema"] = "https://c3voc.de/schedule/schema.json",
            ["generator"] = new JsonObject { ["name"] = Generator, ["version"] = "1" },
            ["schedule"] = new JsonObject
            {
                ["version"] = programme.Version?.Name ?? "v0",
                ["base_url"] = new Uri(publicBase, "/").ToString(),
                ["conference"] = new JsonObject
                {
                    ["acronym"] = Acronym(programme),
                    ["title"] = programme.Edition.Name(chinese),
                    ["start"] = programme.Edition.StartDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    ["end"] = programme.Edition.EndDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    ["daysCount"] = programme.Days.Count,
                    ["timeslot_duration"] = "00:15",
                    ["url"] = Url(publicBase, $"/{programme.Edition.Slug}/schedule"),
                    ["tracks"] = new JsonArray(programme.Tracks.Select(t => (JsonNode)new JsonObject
                    {
                        ["name"] = t.Name(chinese),
                        ["slug"] = "track-" + t.Id.ToString(CultureInfo.InvariantCulture),
                        ["color"] = t.Colour,
                    }).ToArray()),
                    ["rooms"] = new JsonArray(programme.Rooms.Select(r => (JsonNode)new JsonObject
                    {
                        ["name"] = r.Name(chinese),
                        ["guid"] = RoomGuid(programme, r),
                        ["capacity"] = r.Capacity,
                        ["description"] = r.InterpretationChannels,
                    }).ToArray()),
                    ["days"] = days,
                },
            },
        };
        if (zoneName is not null)
        {
            document["schedule"]!["conference"]!["time_zone_name"] = zoneName;
        }

        return document.ToJsonString(JsonOptions);
    }

    /// <summary>
    /// The schema's pattern accepts Region/City names and UTC; a zone such as Etc/GMT-8 is left out (the field is
    /// optional) rather than written so that strict readers refuse the whole file.
    /// </summary>
    private static string? ExchangeZoneName(string zoneId) =>
        System.Text.RegularExpressions.Regex.IsMatch(zoneId, "^([A-Z][a-z]+/[A-Z][a-z]+)|UTC$") ? zoneId : null;

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = false,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static IEnumerable<ProgrammeSession> Sessions(Programme programme, DateOnly day) =>
        programme.On(day).Where(s => !s.Type.IsBreak && !s.IsCancelled);

    private static XElement EventXml(Programme programme, ProgrammeSession s, bool chinese, Uri publicBase)
    {
        var local = ScheduleTime.Local(s.StartsAt, programme.Zone);
        return new XElement(
            "event",
            new XAttribute("id", s.Id),
            new XAttribute("guid", s.Published.Uid.ToString("D")),
            new XElement("room", s.Room.Name(chinese)),
            new XElement("title", s.Title(chinese)),
            new XElement("subtitle", s.Title(!chinese)),
            new XElement("type", s.Type.Name(chinese)),
            new XElement("date", Timestamp(local)),
            new XElement("start", local.ToString("HH:mm", CultureInfo.InvariantCulture)),
            new XElement("duration", Duration(s)),
            new XElement("abstract", RichText.ToPlainText(s.Published.Abstract(chinese))),
            new XElement("slug", Slug(programme, s)),
            new XElement("track", s.Track?.Name(chinese) ?? ""),
            new XElement("persons", s.Speakers.Select(p => new XElement("person", new XAttribute("id", p.Id), p.DisplayName(chinese)))),
            new XElement("language", Language(s, chinese)),
            new XElement("description", string.Join(chinese ? "、" : ", ", s.Speakers.Select(p => $"{p.DisplayName(chinese)} ({ProgrammeNames.Role(p.Role, chinese)})"))),
            new XElement("links"),
            new XElement("url", Url(publicBase, $"/{programme.Edition.Slug}/sessions/{s.Id}")));
    }

    private static JsonObject EventJson(Programme programme, ProgrammeSession s, bool chinese, Uri publicBase)
    {
        var local = ScheduleTime.Local(s.StartsAt, programme.Zone);
        return new JsonObject
        {
            ["id"] = s.Id,
            ["guid"] = s.Published.Uid.ToString("D"),
            ["logo"] = "",
            ["date"] = Timestamp(local),
            ["start"] = local.ToString("HH:mm", CultureInfo.InvariantCulture),
            ["end"] = Timestamp(ScheduleTime.Local(s.EndsAt, programme.Zone)),
            ["duration"] = Duration(s),
            ["room"] = s.Room.Name(chinese),
            ["slug"] = Slug(programme, s),
            ["url"] = Url(publicBase, $"/{programme.Edition.Slug}/sessions/{s.Id}"),
            ["title"] = s.Title(chinese),
            ["subtitle"] = s.Title(!chinese),
            ["track"] = s.Track?.Name(chinese),
            ["type"] = s.Type.Name(chinese),
            ["language"] = Language(s, chinese),
            ["abstract"] = RichText.ToPlainText(s.Published.Abstract(chinese)),
            ["description"] = string.Join(chinese ? "、" : ", ", s.Speakers.Select(p => $"{p.DisplayName(chinese)} ({ProgrammeNames.Role(p.Role, chinese)})")),
            ["do_not_record"] = false,
            ["persons"] = new JsonArray(s.Speakers.Select(p => (JsonNode)new JsonObject
            {
                ["id"] = p.Id,
                ["public_name"] = p.DisplayName(chinese),
                ["url"] = Url(publicBase, $"/speakers/{p.Slug}"),
            }).ToArray()),
            ["links"] = new JsonArray(),
            ["attachments"] = new JsonArray(),
        };
    }

    /// <summary>
    /// One ISO 639-1 code, as the format has it ("en", "zh"); a session held in both languages is in the document's
    /// own, since either serves its reader.
    /// </summary>
    private static string Language(ProgrammeSession s, bool chinese) => s.Published.Language switch
    {
        SessionLanguage.Chinese => "zh",
        SessionLanguage.English => "en",
        _ => chinese ? "zh" : "en",
    };

    private static string Duration(ProgrammeSession s)
    {
        var length = s.EndsAt - s.StartsAt;
        return string.Create(CultureInfo.InvariantCulture, $"{(int)length.TotalHours:00}:{length.Minutes:00}");
    }

    /// <summary>"ccifs_2021-42-green-bonds-for-western-china": from the English title in both documents, so apps match them.</summary>
    private static string Slug(Programme programme, ProgrammeSession s)
    {
        var words = new StringBuilder();
        foreach (var c in s.Published.TitleEn.ToLowerInvariant())
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                words.Append(c);
            }
            else if (words.Length > 0 && words[^1] != '-')
            {
                words.Append('-');
            }
        }

        var title = words.ToString().Trim('-');
        if (title.Length > 60)
        {
            title = title[..60].TrimEnd('-');
        }

        return string.Create(CultureInfo.InvariantCulture, $"{Acronym(programme)}-{s.Id}-{(title.Length >= 4 ? title : "session")}");
    }

    /// <summary>A day runs from midnight to 23:59 in the edition's zone.</summary>
    private static (DateTimeOffset Start, DateTimeOffset End) DayBounds(Programme programme, DateOnly day) =>
        (ScheduleTime.Local(ScheduleTime.ToUtc(day, TimeOnly.MinValue, programme.Zone), programme.Zone),
         ScheduleTime.Local(ScheduleTime.ToUtc(day, new TimeOnly(23, 59), programme.Zone), programme.Zone));

    private static string Timestamp(DateTimeOffset local) => local.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    private static string Url(Uri publicBase, string path) => new Uri(publicBase, path).ToString();

    /// <summary>A stable name-based UUID (RFC 4122 version 5) for a room, since rooms have integer keys.</summary>
    private static string RoomGuid(Programme programme, ProgrammeRoom room)
    {
        // The RFC's URL namespace, 6ba7b811-9dad-11d1-80b4-00c04fd430c8, in network byte order.
        byte[] urlNamespace = [0x6b, 0xa7, 0xb8, 0x11, 0x9d, 0xad, 0x11, 0xd1, 0x80, 0xb4, 0x00, 0xc0, 0x4f, 0xd4, 0x30, 0xc8];
        var name = Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"summit:{programme.Edition.Slug}:room:{room.Id}"));
#pragma warning disable CA5350 // UUID version 5 is defined on SHA-1; this names a room, it protects nothing.
        var hash = SHA1.HashData([.. urlNamespace, .. name]);
#pragma warning restore CA5350
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16), bigEndian: true).ToString("D");
    }

    private sealed class Utf8StringWriter : StringWriter
    {
        public Utf8StringWriter()
            : base(CultureInfo.InvariantCulture)
        {
        }

        public override Encoding Encoding => Encoding.UTF8;
    }
}
