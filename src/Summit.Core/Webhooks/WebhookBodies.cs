using System.Text.Json;
using Summit.Core.Editions;

namespace Summit.Core.Webhooks;

/// <summary>
/// A delivery's body: <c>{"id", "type", "created", "edition": {"id", "slug"}, "data": {…}}</c>, in the organizer
/// API's JSON (camelCase, ISO 8601 times with their offset).
/// </summary>
public static class WebhookBodies
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static string Write(string eventId, string type, DateTimeOffset created, Edition edition, object data)
    {
        ArgumentNullException.ThrowIfNull(edition);
        return JsonSerializer.Serialize(new WebhookBody(eventId, type, created, new WebhookEdition(edition.Id, edition.Slug), data), Json);
    }

    private sealed record WebhookEdition(int Id, string Slug);

    private sealed record WebhookBody(string Id, string Type, DateTimeOffset Created, WebhookEdition Edition, object Data);
}
