using System.Text.Json;
using System.Text.Json.Serialization;

namespace Summit.Core.Audit;

internal static class AuditChanges
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingDefault,
    };

    public static string Write(IReadOnlyList<AuditChange> changes) => JsonSerializer.Serialize(changes, Json);

    public static IReadOnlyList<AuditChange> Read(string json) =>
        string.IsNullOrEmpty(json) ? [] : JsonSerializer.Deserialize<List<AuditChange>>(json, Json) ?? [];
}
