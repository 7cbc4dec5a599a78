using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;
using Summit.Testing;

namespace Summit.Web.Tests.Api;

/// <summary>
/// The OpenAPI document as a client generator reads it: it parses and validates (Microsoft.OpenApi's reader and rule
/// set); every API operation declares what it can refuse (401, 403 and 429 for the organizer API, 404 with a path
/// parameter, 400/413/415 with a body); ids are integers, never [integer, string].
/// </summary>
public sealed class OpenApiTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private async Task<string> DocumentAsync()
    {
        using var client = app.Factory.CreateClient();
        return await client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative), Cancel);
    }

    [Fact]
    public async Task The_document_parses_and_validates_without_errors()
    {
        var json = await DocumentAsync();

        var read = OpenApiDocument.Parse(json, "json", new OpenApiReaderSettings());

        Assert.NotNull(read.Document);
        Assert.True(read.Diagnostic is null || read.Diagnostic.Errors.Count == 0, string.Join("\n", read.Diagnostic?.Errors.Select(e => $"{e.Pointer}: {e.Message}") ?? []));
        var errors = read.Document!.Validate(ValidationRuleSet.GetDefaultRuleSet()).ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors.Select(e => $"{e.Pointer}: {e.Message}")));
        Assert.True(read.Document.Paths.Count >= 12, $"Only {read.Document.Paths.Count} paths: the document is missing endpoints.");
    }

    [Fact]
    public async Task Every_API_operation_declares_its_refusals_and_types_ids_as_integers()
    {
        using var document = JsonDocument.Parse(await DocumentAsync());
        var policies = app.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => (Route: Normalize(e.RoutePattern.RawText ?? ""), Policy: e.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).FirstOrDefault(p => p?.StartsWith("api:", StringComparison.Ordinal) == true)))
            .Where(e => e.Policy is not null)
            .ToList();
        var organizer = policies.Select(p => p.Route).ToHashSet(StringComparer.Ordinal);
        // Any valid token may call these (api:token): no scope to lack, so no 403.
        var scoped = policies.Where(p => p.Policy != Web.Api.ApiPolicies.AnyToken).Select(p => p.Route).ToHashSet(StringComparer.Ordinal);
        Assert.NotEmpty(organizer);
        var problems = new List<string>();
        var operations = 0;
        foreach (var path in document.RootElement.GetProperty("paths").EnumerateObject().Where(p => p.Name.StartsWith("/api/", StringComparison.Ordinal)))
        {
            foreach (var operation in path.Value.EnumerateObject().Where(o => o.Name is "get" or "post" or "put" or "patch" or "delete"))
            {
                operations++;
                var where = $"{operation.Name.ToUpperInvariant()} {path.Name}";
                var codes = operation.Value.GetProperty("responses").EnumerateObject().Select(r => r.Name).ToHashSet(StringComparer.Ordinal);
                void Needs(string code, string why)
                {
                    if (!codes.Contains(code))
                    {
                        problems.Add($"{where} does not declare {code} ({why}).");
                    }
                }

                if (!codes.Any(c => c.StartsWith('4')))
                {
                    problems.Add($"{where} declares no refusal at all.");
                }

                if (organizer.Contains(Normalize(path.Name)))
                {
                    Needs("401", "no token");
                    Needs("429", "over the token's rate");
                    if (scoped.Contains(Normalize(path.Name)))
                    {
                        Needs("403", "a token without the scope");
                    }
                }

                if (path.Name.Contains('{', StringComparison.Ordinal))
                {
                    Needs("404", "a path parameter that names nothing");
                }

                if (operation.Value.TryGetProperty("requestBody", out _))
                {
                    Needs("400", "bad JSON or a refused value");
                    Needs("413", "a body over the limit");
                    Needs("415", "another content type");
                }

                foreach (var parameter in operation.Value.TryGetProperty("parameters", out var ps) ? ps.EnumerateArray() : Enumerable.Empty<JsonElement>())
                {
                    var name = parameter.GetProperty("name").GetString()!;
                    if ((name == "id" || name.EndsWith("Id", StringComparison.Ordinal)) && parameter.TryGetProperty("schema", out var schema))
                    {
                        CheckInteger(schema, $"{where} parameter {name}", problems);
                    }
                }
            }
        }

        foreach (var schema in document.RootElement.GetProperty("components").GetProperty("schemas").EnumerateObject())
        {
            if (schema.Value.TryGetProperty("properties", out var properties))
            {
                foreach (var property in properties.EnumerateObject().Where(p => p.Name == "id" || p.Name.EndsWith("Id", StringComparison.Ordinal)))
                {
                    if (property.Value.TryGetProperty("type", out var type) && (type.ValueKind == JsonValueKind.Array || type.GetString() != "string"))
                    {
                        CheckInteger(property.Value, $"schema {schema.Name}.{property.Name}", problems);
                    }
                }
            }
        }

        Assert.True(operations >= 15, $"Only {operations} API operations in the document.");
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    private static void CheckInteger(JsonElement schema, string where, List<string> problems)
    {
        if (!schema.TryGetProperty("type", out var type))
        {
            return;
        }

        var types = type.ValueKind == JsonValueKind.Array ? type.EnumerateArray().Select(t => t.GetString()).ToList() : [type.GetString()];
        if (types.Contains("string") && types.Contains("integer"))
        {
            problems.Add($"{where} is typed [{string.Join(", ", types)}]: an id is an integer.");
        }
    }

    /// <summary>A route as the document writes it: <c>/api/v1/registrations/{id}</c> for <c>/api/v1/registrations/{id:int}</c>.</summary>
    private static string Normalize(string route) =>
        System.Text.RegularExpressions.Regex.Replace(route.TrimEnd('/'), "\\{([^}:]+)(:[^}]+)?\\}", "{$1}");
}
