using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Summit.Core.Api;
using Summit.Core.Registrations;
using Summit.Testing;

namespace Summit.Web.Tests.Api;

/// <summary>
/// The organizer API as an integration meets it: every endpoint refuses a missing token (401) and a token without its
/// area (403); lists page in id order with next links and stay within the token's editions; bad filters answer 400
/// naming the field; one registration carries an ETag that answers 304 when unchanged.
/// </summary>
public abstract class OrganizerApiTests<TApp>(TApp app) where TApp : SummitApp
{
    protected SummitFactory App => app.Factory;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private Task<string> TokenAsync(Dictionary<string, ApiAccess> access, IReadOnlyList<int>? editions = null) => App.ScopedAsync(async s =>
        (await s.GetRequiredService<ApiTokens>().IssueAsync(new ApiTokenRequest($"Test {Guid.NewGuid():N}"[..20], access, editions, null), null, Cancel)).Secret!);

    private static Dictionary<string, ApiAccess> Only(string area, ApiAccess access = ApiAccess.Read) => new() { [area] = access };

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? secret, string? ifMatch = null, HttpContent? content = null)
    {
        using var client = App.CreateClient();
        using var request = new HttpRequestMessage(method, path) { Content = content };
        if (secret is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        }

        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        return await client.SendAsync(request, Cancel);
    }

    private async Task<HttpResponseMessage> GetAsync(string path, string? secret, string? ifNoneMatch = null)
    {
        using var client = App.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (secret is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        }

        if (ifNoneMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-None-Match", ifNoneMatch);
        }

        return await client.SendAsync(request, Cancel);
    }

    private Task<int> RegisterAsync(int category) => App.ScopedAsync(async s =>
        (await s.GetRequiredService<RegisterAttendee>().RunAsync(category, TestData.Person($"api.{Guid.NewGuid():N}@summit.test"), null, cancellationToken: Cancel)).RegistrationId!.Value);

    [Fact]
    public async Task Every_organizer_endpoint_refuses_no_token_with_401_and_a_token_without_its_area_with_403()
    {
        var endpoints = App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => (
                Route: e.RoutePattern.RawText ?? "",
                Method: new HttpMethod(e.Metadata.GetMetadata<HttpMethodMetadata>() is { HttpMethods.Count: > 0 } methods ? methods.HttpMethods[0] : "GET"),
                Policy: e.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).FirstOrDefault(p => p?.StartsWith("api:", StringComparison.Ordinal) == true)))
            .Where(e => e.Policy is not null && e.Route.StartsWith("/api/v1", StringComparison.Ordinal))
            .ToList();
        Assert.True(endpoints.Count >= 8, $"Only {endpoints.Count} organizer endpoints found; the walk is broken.");
        Assert.Contains(endpoints, e => e.Method == HttpMethod.Post);
        foreach (var (route, method, policy) in endpoints)
        {
            var path = System.Text.RegularExpressions.Regex.Replace(route, "\\{[^}]+\\}", "1");
            using (var anonymous = await SendAsync(method, path, null, content: Json("{}")))
            {
                Assert.True(anonymous.StatusCode == HttpStatusCode.Unauthorized, $"{method} {route} without a token: {(int)anonymous.StatusCode}");
            }

            if (policy == Summit.Web.Api.ApiPolicies.AnyToken)
            {
                continue;
            }

            var area = policy!.Split(':')[1];
            var everythingElse = ApiScopes.Areas.Where(a => a != area).ToDictionary(a => a, _ => ApiAccess.ReadWrite);
            // A write needs write access: a token that may only read the area is refused too.
            var readOnly = policy.EndsWith(":write", StringComparison.Ordinal) ? new Dictionary<string, ApiAccess>(everythingElse) { [area] = ApiAccess.Read } : everythingElse;
            using var outside = await SendAsync(method, path, await TokenAsync(readOnly), content: Json("{}"));
            Assert.True(outside.StatusCode == HttpStatusCode.Forbidden, $"{method} {route} without the right access to {area}: {(int)outside.StatusCode}");
            Assert.Equal("application/problem+json", outside.Content.Headers.ContentType?.MediaType);
        }
    }

    [Fact]
    public async Task Every_organizer_write_answers_bad_bodies_with_400_413_or_415_problem_details_never_a_500()
    {
        var writes = App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => (
                Route: e.RoutePattern.RawText ?? "",
                Method: e.Metadata.GetMetadata<HttpMethodMetadata>() is { HttpMethods.Count: > 0 } methods ? methods.HttpMethods[0] : "GET",
                Policy: e.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).FirstOrDefault(p => p?.StartsWith("api:", StringComparison.Ordinal) == true)))
            .Where(e => e.Policy is not null && e.Route.StartsWith("/api/v1", StringComparison.Ordinal) && e.Method is "POST" or "PATCH" or "PUT")
            .ToList();
        Assert.True(writes.Count >= 10, $"Only {writes.Count} organizer writes found; the walk is broken.");
        var edition = await App.BuildAsync(d => d.EditionIdAsync("2021"));
        var category = await App.BuildAsync(d => d.CategoryAsync(edition));
        var registration = await RegisterAsync(category);
        var speaker = await App.BuildAsync(d => d.SpeakerAsync($"walk-{Guid.NewGuid():N}"[..20], [edition]));
        var secret = await TokenAsync(ApiScopes.Areas.ToDictionary(a => a, _ => ApiAccess.ReadWrite));
        var before = await App.WithDbAsync(db => db.Registrations.Where(r => r.Id == registration).Select(r => new { r.Status, r.Organisation, r.UpdatedAt }).FirstAsync(Cancel));
        var huge = "{\"message\": \"" + new string('x', 70 * 1024) + "\"}";
        foreach (var (route, method, _) in writes)
        {
            // Real ids where the route names one, so the body is what is refused, not the id.
            var path = route.Replace("/registrations/{id:int}", $"/registrations/{registration}", StringComparison.Ordinal)
                .Replace("/categories/{id:int}", $"/categories/{category}", StringComparison.Ordinal)
                .Replace("/speaker-profiles/{id:int}", $"/speaker-profiles/{speaker}", StringComparison.Ordinal);
            path = System.Text.RegularExpressions.Regex.Replace(path, "\\{[^}]+\\}", "1");
            foreach (var (content, expected) in new (HttpContent Content, HttpStatusCode[] Expected)[]
            {
                (Json("{\"broken\": "), [HttpStatusCode.BadRequest]),
                (Json("[1, 2, 3]"), [HttpStatusCode.BadRequest]),
                (Json("{\"categoryId\": \"seven\", \"roomId\": \"five\", \"capacity\": \"many\", \"edition\": \"x\", \"organisation\": 4}"), [HttpStatusCode.BadRequest, HttpStatusCode.NotFound]),
                (Json("{\"surelyNotAField\": 1}"), [HttpStatusCode.BadRequest, HttpStatusCode.NotFound]),
                (new StringContent("capacity=3", System.Text.Encoding.UTF8, "application/x-www-form-urlencoded"), [HttpStatusCode.UnsupportedMediaType]),
                (new StringContent(huge, System.Text.Encoding.UTF8, "application/json"), [HttpStatusCode.RequestEntityTooLarge]),
            })
            {
                var sent = await content.ReadAsStringAsync(Cancel);
                using var answer = await SendAsync(new HttpMethod(method), path, secret, content: content);
                Assert.True(expected.Contains(answer.StatusCode), $"{method} {path} with {sent[..Math.Min(60, sent.Length)]}: {(int)answer.StatusCode}");
                Assert.Equal("application/problem+json", answer.Content.Headers.ContentType?.MediaType);
            }
        }

        // Nothing of it changed the registration or the category.
        var after = await App.WithDbAsync(db => db.Registrations.Where(r => r.Id == registration).Select(r => new { r.Status, r.Organisation, r.UpdatedAt }).FirstAsync(Cancel));
        Assert.Equal(before, after);
        Assert.Null(await App.WithDbAsync(db => db.RegistrationCategories.Where(c => c.Id == category).Select(c => c.Capacity).FirstAsync(Cancel)));
    }

    [Fact]
    public async Task Registrations_page_in_id_order_with_next_links_and_stay_within_the_tokens_editions()
    {
        var (mine, other) = await App.BuildAsync(async d => (await d.EditionIdAsync($"api-{Guid.NewGuid():N}"[..12]), await d.EditionIdAsync($"api-{Guid.NewGuid():N}"[..12])));
        var (myCategory, otherCategory) = await App.BuildAsync(async d => (await d.CategoryAsync(mine), await d.CategoryAsync(other)));
        var ids = new List<int>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add(await RegisterAsync(myCategory));
        }

        var foreign = await RegisterAsync(otherCategory);
        var secret = await TokenAsync(Only(ApiScopes.Registrations), [mine]);

        var seen = new List<int>();
        string? next = "/api/v1/registrations?limit=2";
        var pages = 0;
        while (next is not null)
        {
            using var answer = await GetAsync(next, secret);
            Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
            using var json = JsonDocument.Parse(await answer.Content.ReadAsStringAsync(Cancel));
            seen.AddRange(json.RootElement.GetProperty("items").EnumerateArray().Select(r => r.GetProperty("id").GetInt32()));
            next = json.RootElement.GetProperty("next").GetString();
            pages++;
        }

        Assert.Equal(ids, seen);
        Assert.Equal(3, pages);
        Assert.DoesNotContain(foreign, seen);

        using (var outOfReach = await GetAsync($"/api/v1/registrations?edition={other}", secret))
        {
            Assert.Equal(HttpStatusCode.BadRequest, outOfReach.StatusCode);
            Assert.Contains("\"edition\"", await outOfReach.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        }

        using (var notYours = await GetAsync($"/api/v1/registrations/{foreign}", secret))
        {
            Assert.Equal(HttpStatusCode.NotFound, notYours.StatusCode);
        }

        using (var editions = await GetAsync("/api/v1/editions", secret))
        {
            using var json = JsonDocument.Parse(await editions.Content.ReadAsStringAsync(Cancel));
            Assert.Equal([mine], json.RootElement.EnumerateArray().Select(e => e.GetProperty("id").GetInt32()));
        }

        using var one = await GetAsync($"/api/v1/registrations/{ids[0]}", secret);
        Assert.Equal(HttpStatusCode.OK, one.StatusCode);
        var etag = one.Headers.ETag?.ToString();
        Assert.NotNull(etag);
        using (var json = JsonDocument.Parse(await one.Content.ReadAsStringAsync(Cancel)))
        {
            Assert.Equal("Confirmed", json.RootElement.GetProperty("status").GetString());
            Assert.Equal(mine, json.RootElement.GetProperty("editionId").GetInt32());
            Assert.EndsWith("@summit.test", json.RootElement.GetProperty("email").GetString(), StringComparison.Ordinal);
        }

        using var unchanged = await GetAsync($"/api/v1/registrations/{ids[0]}", secret, etag);
        Assert.Equal(HttpStatusCode.NotModified, unchanged.StatusCode);
    }

    private static StringContent Json(string json) => new(json, System.Text.Encoding.UTF8, "application/json");

    [Fact]
    public async Task Approving_through_the_API_confirms_emails_and_audits_as_the_token_and_a_stale_ETag_changes_nothing()
    {
        var category = await App.BuildAsync(async d => await d.CategoryAsync(await d.EditionIdAsync("2021"), approval: true));
        var first = await RegisterAsync(category);
        var second = await RegisterAsync(category);
        var secret = await TokenAsync(Only(ApiScopes.Registrations, ApiAccess.ReadWrite));
        string etag;
        using (var read = await GetAsync($"/api/v1/registrations/{first}", secret))
        {
            etag = read.Headers.ETag!.ToString();
        }

        using (var approved = await SendAsync(HttpMethod.Post, $"/api/v1/registrations/{first}/approve", secret, etag, Json("{\"message\":\"Welcome\"}")))
        {
            Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
            Assert.NotEqual(etag, approved.Headers.ETag?.ToString());
            using var json = JsonDocument.Parse(await approved.Content.ReadAsStringAsync(Cancel));
            Assert.Equal("Confirmed", json.RootElement.GetProperty("status").GetString());
        }

        var entry = await App.WithDbAsync(db => db.AuditEntries.Where(e => e.ObjectType == "Registration" && e.ObjectId == first.ToString(CultureInfo.InvariantCulture) && e.Action == "changed")
            .OrderByDescending(e => e.Id).Select(e => new { e.ActorKind, e.ActorName, e.ActorUserId }).FirstAsync(Cancel));
        Assert.Equal(Core.Audit.AuditActorKind.Token, entry.ActorKind);
        Assert.StartsWith("Test ", entry.ActorName, StringComparison.Ordinal);
        Assert.StartsWith("token:", entry.ActorUserId, StringComparison.Ordinal);

        // The same again: nothing to approve any more.
        using (var twice = await SendAsync(HttpMethod.Post, $"/api/v1/registrations/{first}/approve", secret))
        {
            Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
            Assert.Contains(ChangeRegistration.Reasons.NotPending, await twice.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        }

        // Another system read the second one, then someone changed it: its decline with the old ETag is refused.
        string old;
        using (var read = await GetAsync($"/api/v1/registrations/{second}", secret))
        {
            old = read.Headers.ETag!.ToString();
        }

        var edited = await App.ScopedAsync(s => s.GetRequiredService<ChangeRegistration>().EditDetailsAsync(second, TestData.Person($"moved.{Guid.NewGuid():N}@summit.test", "Lim", "Hui"), Cancel));
        Assert.Empty(edited);
        using (var stale = await SendAsync(HttpMethod.Post, $"/api/v1/registrations/{second}/decline", secret, old))
        {
            Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
            Assert.Equal("application/problem+json", stale.Content.Headers.ContentType?.MediaType);
        }

        using (var made = await SendAsync(HttpMethod.Post, $"/api/v1/registrations/{second}/decline", secret, "\"r1-nonsense\""))
        {
            Assert.Equal(HttpStatusCode.PreconditionFailed, made.StatusCode);
        }

        Assert.Equal(RegistrationStatus.PendingApproval, await App.WithDbAsync(db => db.Registrations.Where(r => r.Id == second).Select(r => r.Status).FirstAsync(Cancel)));
    }

    [Theory]
    [InlineData("{\"message\": ", "application/json", HttpStatusCode.BadRequest)]
    [InlineData("{\"message\": 42}", "application/json", HttpStatusCode.BadRequest)]
    [InlineData("message=hello", "application/x-www-form-urlencoded", HttpStatusCode.UnsupportedMediaType)]
    [InlineData("<message/>", "application/xml", HttpStatusCode.UnsupportedMediaType)]
    public async Task A_bad_body_answers_400_or_415_and_changes_nothing(string body, string type, HttpStatusCode expected)
    {
        var category = await App.BuildAsync(async d => await d.CategoryAsync(await d.EditionIdAsync("2021"), approval: true));
        var pending = await RegisterAsync(category);
        var secret = await TokenAsync(Only(ApiScopes.Registrations, ApiAccess.ReadWrite));

        using var answer = await SendAsync(HttpMethod.Post, $"/api/v1/registrations/{pending}/approve", secret, content: new StringContent(body, System.Text.Encoding.UTF8, type));

        Assert.Equal(expected, answer.StatusCode);
        Assert.Equal(RegistrationStatus.PendingApproval, await App.WithDbAsync(db => db.Registrations.Where(r => r.Id == pending).Select(r => r.Status).FirstAsync(Cancel)));
    }

    private static string NewPerson(int category, string email, string extra = "") =>
        $"{{\"categoryId\": {category}, \"familyNameLatin\": \"Tan\", \"givenNameLatin\": \"Wei\", \"email\": \"{email}\", \"preferredCulture\": \"en\"{extra}}}";

    [Fact]
    public async Task A_registration_made_through_the_API_follows_the_forms_rules_and_answers_201_with_its_ETag_or_400_naming_the_field()
    {
        var (edition, category, other) = await App.BuildAsync(async d =>
        {
            var e = await d.EditionIdAsync("2021");
            return (e, await d.CategoryAsync(e), await d.CategoryAsync((await d.EditionAsync()).Id));
        });
        var secret = await TokenAsync(Only(ApiScopes.Registrations, ApiAccess.ReadWrite), [edition]);
        var email = $"api.made.{Guid.NewGuid():N}@summit.test";

        using (var made = await SendAsync(HttpMethod.Post, "/api/v1/registrations", secret, content: Json(NewPerson(category, email))))
        {
            Assert.Equal(HttpStatusCode.Created, made.StatusCode);
            using var json = JsonDocument.Parse(await made.Content.ReadAsStringAsync(Cancel));
            var id = json.RootElement.GetProperty("id").GetInt32();
            Assert.Equal($"/api/v1/registrations/{id}", made.Headers.Location?.OriginalString);
            Assert.NotNull(made.Headers.ETag);
            Assert.Equal("Confirmed", json.RootElement.GetProperty("status").GetString());
            Assert.Equal(email, json.RootElement.GetProperty("email").GetString());
            var audit = await App.WithDbAsync(db => db.AuditEntries.AsNoTracking().FirstAsync(a => a.ObjectType == "Registration" && a.ObjectId == id.ToString(CultureInfo.InvariantCulture) && a.Action == "created", Cancel));
            Assert.Equal(Core.Audit.AuditActorKind.Token, audit.ActorKind);
        }

        // The same person again: 409 naming the registration that exists.
        using (var again = await SendAsync(HttpMethod.Post, "/api/v1/registrations", secret, content: Json(NewPerson(category, email))))
        {
            Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
            using var problem = JsonDocument.Parse(await again.Content.ReadAsStringAsync(Cancel));
            Assert.Equal("email", problem.RootElement.GetProperty("field").GetString());
            Assert.Equal($"/api/v1/registrations/{problem.RootElement.GetProperty("registration").GetInt32()}", again.Headers.Location?.OriginalString);
        }

        // A bad address, a category outside the token's editions, an unknown country: 400 naming the field, nothing saved.
        foreach (var (body, field) in new[]
        {
            (NewPerson(category, "not-an-address"), "email"),
            (NewPerson(other, $"x.{Guid.NewGuid():N}@summit.test"), "categoryId"),
            (NewPerson(category, $"y.{Guid.NewGuid():N}@summit.test", ", \"countryCode\": \"Atlantis\""), "countryCode"),
        })
        {
            using var refused = await SendAsync(HttpMethod.Post, "/api/v1/registrations", secret, content: Json(body));
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
            using var problem = JsonDocument.Parse(await refused.Content.ReadAsStringAsync(Cancel));
            Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty(field, out _), $"{field} not named in {problem.RootElement}");
        }

        Assert.Equal(1, await App.WithDbAsync(db => db.Registrations.CountAsync(r => r.CategoryId == category, Cancel)));
    }

    [Theory]
    [InlineData("{\"categoryId\": 1, \"emial\": \"typo@summit.test\"}", "application/json", HttpStatusCode.BadRequest)]
    [InlineData("{\"categoryId\": \"one\"}", "application/json", HttpStatusCode.BadRequest)]
    [InlineData("{\"categoryId\": 1,", "application/json", HttpStatusCode.BadRequest)]
    [InlineData("[]", "application/json", HttpStatusCode.BadRequest)]
    [InlineData("categoryId=1", "application/x-www-form-urlencoded", HttpStatusCode.UnsupportedMediaType)]
    [InlineData("HUGE", "application/json", HttpStatusCode.RequestEntityTooLarge)]
    public async Task A_bad_new_registration_answers_400_413_or_415_problem_details_and_saves_nothing(string body, string type, HttpStatusCode expected)
    {
        var secret = await TokenAsync(Only(ApiScopes.Registrations, ApiAccess.ReadWrite));
        var before = await App.WithDbAsync(db => db.Registrations.CountAsync(Cancel));
        var content = body == "HUGE" ? $"{{\"categoryId\": 1, \"organisation\": \"{new string('x', 200_000)}\"}}" : body;

        using var answer = await SendAsync(HttpMethod.Post, "/api/v1/registrations", secret, content: new StringContent(content, System.Text.Encoding.UTF8, type));

        Assert.Equal(expected, answer.StatusCode);
        Assert.Equal("application/problem+json", answer.Content.Headers.ContentType?.MediaType);
        Assert.Equal(before, await App.WithDbAsync(db => db.Registrations.CountAsync(Cancel)));
    }

    [Fact]
    public async Task Three_hundred_registrations_at_once_through_the_API_for_fifty_seats_confirm_exactly_fifty()
    {
        var category = await App.BuildAsync(async d => await d.CategoryAsync(await d.EditionIdAsync("2021"), capacity: 50));
        var secret = await TokenAsync(Only(ApiScopes.Registrations, ApiAccess.ReadWrite));
        var prefix = Guid.NewGuid().ToString("N")[..8];
        using var client = App.CreateClient();
        using var start = new ManualResetEventSlim();
        var running = Enumerable.Range(0, 300).Select(i => Task.Run(async () =>
        {
            start.Wait(Cancel);
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/registrations") { Content = Json(NewPerson(category, $"rush.{prefix}.{i}@summit.test")) };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", secret);
            using var answer = await client.SendAsync(request, Cancel);
            return (answer.StatusCode, await answer.Content.ReadAsStringAsync(Cancel));
        }, Cancel)).ToList();
        start.Set();
        var answers = await Task.WhenAll(running);

        Assert.All(answers, a => Assert.True(a.StatusCode == HttpStatusCode.Created, $"{a.StatusCode}: {a.Item2}"));
        var statuses = answers.Select(a => JsonDocument.Parse(a.Item2).RootElement.GetProperty("status").GetString()).ToList();
        Assert.Equal(50, statuses.Count(s => s == "Confirmed"));
        Assert.Equal(250, statuses.Count(s => s == "Waitlisted"));
        Assert.Equal(50, await App.WithDbAsync(db => db.Registrations.CountAsync(r => r.CategoryId == category && r.Status == RegistrationStatus.Confirmed, Cancel)));
        Assert.Equal(50, await App.WithDbAsync(db => db.RegistrationCategories.Where(c => c.Id == category).Select(c => c.Confirmed).FirstAsync(Cancel)));
        await App.ConsequencesSettledAsync(TimeSpan.FromMinutes(3));
    }

    [Fact]
    public async Task A_badge_is_checked_in_through_the_API_with_the_desks_rules_and_shows_in_arrivals_and_the_scan_log()
    {
        var (edition, category, approval) = await App.BuildAsync(async d =>
        {
            var e = (await d.EditionAsync()).Id;
            return (e, await d.CategoryAsync(e), await d.CategoryAsync(e, approval: true));
        });
        var arriving = (await App.BuildAsync(d => d.RegistrationAsync(category, $"gate.{Guid.NewGuid():N}@summit.test"))).RegistrationId!.Value;
        var waiting = (await App.BuildAsync(d => d.RegistrationAsync(approval, $"wait.{Guid.NewGuid():N}@summit.test"))).RegistrationId!.Value;
        await App.ConsequencesSettledAsync(); // the badge (and its code) follows the confirmation in a job
        var code = await App.WithDbAsync(db => db.Registrations.Where(r => r.Id == arriving).Select(r => r.BadgeCode).FirstAsync(Cancel));
        var secret = await TokenAsync(Only(ApiScopes.CheckIn, ApiAccess.ReadWrite), [edition]);
        string Body(string? c, string desk = "Gate B") => JsonSerializer.Serialize(new { edition, code = c, desk });

        using (var welcome = await SendAsync(HttpMethod.Post, "/api/v1/checkin", secret, content: Json(Body(code))))
        {
            Assert.Equal(HttpStatusCode.Created, welcome.StatusCode);
            using var json = JsonDocument.Parse(await welcome.Content.ReadAsStringAsync(Cancel));
            Assert.Equal(("Welcome", arriving, "Gate B"), (json.RootElement.GetProperty("result").GetString(), json.RootElement.GetProperty("registrationId").GetInt32(), json.RootElement.GetProperty("desk").GetString()));
        }

        using (var again = await SendAsync(HttpMethod.Post, "/api/v1/checkin", secret, content: Json(Body(code, "Gate C"))))
        {
            Assert.Equal(HttpStatusCode.OK, again.StatusCode);
            using var json = JsonDocument.Parse(await again.Content.ReadAsStringAsync(Cancel));
            Assert.Equal(("AlreadyCheckedIn", "Gate B"), (json.RootElement.GetProperty("result").GetString(), json.RootElement.GetProperty("desk").GetString()));
        }

        foreach (var (body, status, result) in new[] { (Body("ZZZZ-ZZZZ"), HttpStatusCode.NotFound, "Invalid") })
        {
            using var refused = await SendAsync(HttpMethod.Post, "/api/v1/checkin", secret, content: Json(body));
            Assert.Equal(status, refused.StatusCode);
            Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
            Assert.Equal(result, JsonDocument.Parse(await refused.Content.ReadAsStringAsync(Cancel)).RootElement.GetProperty("result").GetString());
        }

        foreach (var (body, field) in new[] { (Body(null), "code"), (JsonSerializer.Serialize(new { edition = edition + 10_000, code }), "edition") })
        {
            using var bad = await SendAsync(HttpMethod.Post, "/api/v1/checkin", secret, content: Json(body));
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
            Assert.True(JsonDocument.Parse(await bad.Content.ReadAsStringAsync(Cancel)).RootElement.GetProperty("errors").TryGetProperty(field, out _));
        }

        using (var unknown = await SendAsync(HttpMethod.Post, "/api/v1/checkin", secret, content: Json($"{{\"edition\": {edition}, \"code\": \"{code}\", \"gate\": 3}}")))
        {
            Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        }

        using (var arrivals = await GetAsync($"/api/v1/checkin/arrivals?edition={edition}", secret))
        {
            Assert.Equal(HttpStatusCode.OK, arrivals.StatusCode);
            var row = JsonDocument.Parse(await arrivals.Content.ReadAsStringAsync(Cancel)).RootElement.EnumerateArray().Single(c => c.GetProperty("categoryId").GetInt32() == category);
            Assert.Equal((1, 1), (row.GetProperty("arrived").GetInt32(), row.GetProperty("confirmed").GetInt32()));
        }

        var results = new List<string>();
        var next = $"/api/v1/checkin/scans?edition={edition}&limit=1";
        while (next is not null)
        {
            using var page = await GetAsync(next, secret);
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            using var json = JsonDocument.Parse(await page.Content.ReadAsStringAsync(Cancel));
            results.AddRange(json.RootElement.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("result").GetString()!));
            next = json.RootElement.GetProperty("next").GetString();
        }

        Assert.Equal(["Welcome", "AlreadyCheckedIn", "Invalid"], results);
        Assert.Null(await App.WithDbAsync(db => db.Registrations.Where(r => r.Id == waiting).Select(r => r.CheckedInAt).FirstAsync(Cancel)));
        var audited = await App.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(a => a.ObjectType == "Registration" && a.ObjectId == arriving.ToString(CultureInfo.InvariantCulture) && a.ActorKind == Core.Audit.AuditActorKind.Token).CountAsync(Cancel));
        Assert.True(audited > 0, "The check-in through the token is not in the audit trail.");
        using (var outside = await GetAsync($"/api/v1/checkin/arrivals?edition={edition + 10_000}", secret))
        {
            Assert.Equal(HttpStatusCode.NotFound, outside.StatusCode);
        }
    }

    [Fact]
    public async Task The_mail_log_is_read_a_page_at_a_time_by_a_token_that_reaches_every_edition_only()
    {
        var email = $"mail.log.{Guid.NewGuid():N}@summit.test";
        var (edition, registration) = await App.BuildAsync(async d =>
        {
            var e = (await d.EditionAsync()).Id;
            return (e, (await d.RegistrationAsync(await d.CategoryAsync(e), email)).RegistrationId!.Value);
        });
        await App.ConsequencesSettledAsync(); // the confirmation email's row
        var all = await TokenAsync(Only(ApiScopes.Mail));

        using (var list = await GetAsync($"/api/v1/mail?about=registration:{registration}&limit=1", all))
        {
            Assert.Equal(HttpStatusCode.OK, list.StatusCode);
            using var json = JsonDocument.Parse(await list.Content.ReadAsStringAsync(Cancel));
            var item = json.RootElement.GetProperty("items").EnumerateArray().Single();
            Assert.Equal(email, item.GetProperty("to").GetString());
            Assert.Equal(JsonValueKind.Null, item.GetProperty("text").ValueKind);
            using var one = await GetAsync($"/api/v1/mail/{item.GetProperty("id").GetInt64()}", all);
            Assert.Equal(HttpStatusCode.OK, one.StatusCode);
            Assert.False(string.IsNullOrEmpty(JsonDocument.Parse(await one.Content.ReadAsStringAsync(Cancel)).RootElement.GetProperty("text").GetString()));
        }

        using (var limited = await GetAsync("/api/v1/mail", await TokenAsync(Only(ApiScopes.Mail), [edition])))
        {
            Assert.Equal(HttpStatusCode.Forbidden, limited.StatusCode);
            Assert.Equal("application/problem+json", limited.Content.Headers.ContentType?.MediaType);
        }

        foreach (var query in new[] { "status=Lost", "status=2", "limit=0", "after=x" })
        {
            using var bad = await GetAsync($"/api/v1/mail?{query}", all);
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        }

        using var missing = await GetAsync("/api/v1/mail/999999999", all);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task Categories_are_listed_within_the_tokens_editions_with_their_seats()
    {
        var (edition, category, other) = await App.BuildAsync(async d =>
        {
            var e = await d.EditionIdAsync("2021");
            return (e, await d.CategoryAsync(e, capacity: 10), await d.CategoryAsync((await d.EditionAsync()).Id));
        });
        await App.BuildAsync(d => d.RegistrationAsync(category, $"seat.{Guid.NewGuid():N}@summit.test"));
        var secret = await TokenAsync(Only(ApiScopes.Registrations), [edition]);

        using var list = await GetAsync("/api/v1/categories", secret);
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        using var json = JsonDocument.Parse(await list.Content.ReadAsStringAsync(Cancel));
        var ids = json.RootElement.EnumerateArray().Select(c => c.GetProperty("id").GetInt32()).ToList();
        Assert.Contains(category, ids);
        Assert.DoesNotContain(other, ids);
        var mine = json.RootElement.EnumerateArray().Single(c => c.GetProperty("id").GetInt32() == category);
        Assert.Equal((10, 1, 9), (mine.GetProperty("capacity").GetInt32(), mine.GetProperty("confirmed").GetInt32(), mine.GetProperty("seatsLeft").GetInt32()));

        using var outside = await GetAsync($"/api/v1/categories/{other}", secret);
        Assert.Equal(HttpStatusCode.NotFound, outside.StatusCode);
        using var bad = await GetAsync("/api/v1/categories?edition=x", secret);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }

    [Theory]
    [InlineData("status=Maybe", "status")]
    [InlineData("status=3", "status")]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=100000", "limit")]
    [InlineData("after=-4", "after")]
    [InlineData("edition=abc", "edition")]
    [InlineData("changedSince=yesterday", "changedSince")]
    public async Task A_bad_filter_answers_400_problem_details_naming_the_field(string query, string field)
    {
        var secret = await TokenAsync(Only(ApiScopes.Registrations));

        using var answer = await GetAsync($"/api/v1/registrations?{query}", secret);

        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        Assert.Equal("application/problem+json", answer.Content.Headers.ContentType?.MediaType);
        var body = await answer.Content.ReadAsStringAsync(Cancel);
        Assert.Contains(field, body, StringComparison.OrdinalIgnoreCase);
    }

    private static StringContent Patch(string json) => new(json, System.Text.Encoding.UTF8, "application/merge-patch+json");

    private async Task<(string ETag, JsonElement Body)> ReadAsync(string path, string secret)
    {
        using var read = await GetAsync(path, secret);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        using var json = JsonDocument.Parse(await read.Content.ReadAsStringAsync(Cancel));
        return (read.Headers.ETag!.ToString(), json.RootElement.Clone());
    }

    [Fact]
    public async Task A_categorys_capacity_changes_through_the_API_never_below_its_seats_and_a_rush_does_not_make_its_ETag_stale()
    {
        var category = await App.BuildAsync(async d => await d.CategoryAsync(await d.EditionIdAsync("2021"), capacity: 2));
        await RegisterAsync(category);
        await RegisterAsync(category);
        var waiting = await RegisterAsync(category);
        var secret = await TokenAsync(Only(ApiScopes.Registrations, ApiAccess.ReadWrite));
        var (etag, _) = await ReadAsync($"/api/v1/categories/{category}", secret);
        await RegisterAsync(category); // a second on the waiting list: the seat counter moved, the settings did not

        using (var below = await SendAsync(HttpMethod.Patch, $"/api/v1/categories/{category}", secret, etag, Json("{\"capacity\": 1}")))
        {
            Assert.Equal(HttpStatusCode.BadRequest, below.StatusCode);
            Assert.Contains("2 seats already confirmed", await below.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        }

        string changed;
        using (var grown = await SendAsync(HttpMethod.Patch, $"/api/v1/categories/{category}", secret, etag, Json("{\"capacity\": 3}")))
        {
            Assert.Equal(HttpStatusCode.OK, grown.StatusCode);
            changed = grown.Headers.ETag!.ToString();
            Assert.NotEqual(etag, changed);
            using var json = JsonDocument.Parse(await grown.Content.ReadAsStringAsync(Cancel));
            Assert.Equal((3, 3), (json.RootElement.GetProperty("capacity").GetInt32(), json.RootElement.GetProperty("confirmed").GetInt32()));
        }

        Assert.Equal(RegistrationStatus.Confirmed, await App.WithDbAsync(db => db.Registrations.Where(r => r.Id == waiting).Select(r => r.Status).FirstAsync(Cancel)));
        using (var stale = await SendAsync(HttpMethod.Patch, $"/api/v1/categories/{category}", secret, etag, Json("{\"capacity\": null}")))
        {
            Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        }

        using (var unknown = await SendAsync(HttpMethod.Patch, $"/api/v1/categories/{category}", secret, changed, Json("{\"seats\": 9}")))
        {
            Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        }

        Assert.Equal(3, await App.WithDbAsync(db => db.RegistrationCategories.Where(c => c.Id == category).Select(c => c.Capacity).FirstAsync(Cancel)));
    }

    [Fact]
    public async Task A_registrations_details_are_corrected_by_merge_patch_with_the_forms_rules_and_a_stale_ETag_changes_nothing()
    {
        var category = await App.BuildAsync(async d => await d.CategoryAsync(await d.EditionIdAsync("2021")));
        var id = await RegisterAsync(category);
        var other = await RegisterAsync(category);
        var otherEmail = await App.WithDbAsync(db => db.Registrations.Where(r => r.Id == other).Select(r => r.Email).FirstAsync(Cancel));
        var secret = await TokenAsync(Only(ApiScopes.Registrations, ApiAccess.ReadWrite));
        var (etag, before) = await ReadAsync($"/api/v1/registrations/{id}", secret);

        string current;
        using (var patched = await SendAsync(HttpMethod.Patch, $"/api/v1/registrations/{id}", secret, etag, Patch("{\"organisation\": \"Bank of Chongqing\", \"dietaryNeeds\": null, \"needsInterpretation\": true}")))
        {
            Assert.Equal(HttpStatusCode.OK, patched.StatusCode);
            current = patched.Headers.ETag!.ToString();
            using var json = JsonDocument.Parse(await patched.Content.ReadAsStringAsync(Cancel));
            var after = json.RootElement;
            Assert.Equal(("Bank of Chongqing", true), (after.GetProperty("organisation").GetString(), after.GetProperty("needsInterpretation").GetBoolean()));
            Assert.Equal(JsonValueKind.Null, after.GetProperty("dietaryNeeds").ValueKind);
            // What was not sent stays as it was.
            Assert.Equal((before.GetProperty("email").GetString(), before.GetProperty("familyNameLatin").GetString()), (after.GetProperty("email").GetString(), after.GetProperty("familyNameLatin").GetString()));
        }

        foreach (var (body, status, field) in new[]
        {
            ("{\"email\": \"not an address\"}", HttpStatusCode.BadRequest, "email"),
            ("{\"organisation\": 42}", HttpStatusCode.BadRequest, "organisation"),
            ("{\"nickname\": \"Wei\"}", HttpStatusCode.BadRequest, "nickname"),
            ($"{{\"email\": \"{otherEmail}\"}}", HttpStatusCode.Conflict, "email"),
        })
        {
            using var refused = await SendAsync(HttpMethod.Patch, $"/api/v1/registrations/{id}", secret, current, Patch(body));
            Assert.True(refused.StatusCode == status, $"{body}: {(int)refused.StatusCode}");
            Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
            Assert.Contains($"\"{field}\"", await refused.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        }

        using (var stale = await SendAsync(HttpMethod.Patch, $"/api/v1/registrations/{id}", secret, etag, Patch("{\"organisation\": \"Overwritten\"}")))
        {
            Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        }

        var (_, saved) = await ReadAsync($"/api/v1/registrations/{id}", secret);
        Assert.Equal("Bank of Chongqing", saved.GetProperty("organisation").GetString());
        var entry = await App.WithDbAsync(db => db.AuditEntries.Where(e => e.ObjectType == "Registration" && e.ObjectId == id.ToString(CultureInfo.InvariantCulture) && e.Action == "changed")
            .OrderByDescending(e => e.Id).Select(e => e.ActorKind).FirstAsync(Cancel));
        Assert.Equal(Core.Audit.AuditActorKind.Token, entry);
    }

    [Fact]
    public async Task A_registration_moves_to_another_category_keeping_a_seat_only_where_there_is_one()
    {
        var (open, full) = await App.BuildAsync(async d =>
        {
            var edition = await d.EditionIdAsync("2021");
            return (await d.CategoryAsync(edition), await d.CategoryAsync(edition, capacity: 1));
        });
        await RegisterAsync(full);
        var moving = await RegisterAsync(open);
        var secret = await TokenAsync(Only(ApiScopes.Registrations, ApiAccess.ReadWrite));
        var (etag, _) = await ReadAsync($"/api/v1/registrations/{moving}", secret);

        using (var same = await SendAsync(HttpMethod.Post, $"/api/v1/registrations/{moving}/move", secret, etag, Json($"{{\"categoryId\": {open}}}")))
        {
            Assert.Equal(HttpStatusCode.BadRequest, same.StatusCode);
            Assert.Contains("categoryId", await same.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        }

        using (var moved = await SendAsync(HttpMethod.Post, $"/api/v1/registrations/{moving}/move", secret, etag, Json($"{{\"categoryId\": {full}}}")))
        {
            Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
            using var json = JsonDocument.Parse(await moved.Content.ReadAsStringAsync(Cancel));
            Assert.Equal((full, "Waitlisted"), (json.RootElement.GetProperty("categoryId").GetInt32(), json.RootElement.GetProperty("status").GetString()));
        }

        using (var stale = await SendAsync(HttpMethod.Post, $"/api/v1/registrations/{moving}/move", secret, etag, Json($"{{\"categoryId\": {open}}}")))
        {
            Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        }

        Assert.Equal(full, await App.WithDbAsync(db => db.Registrations.Where(r => r.Id == moving).Select(r => r.CategoryId).FirstAsync(Cancel)));
        using var signups = await GetAsync($"/api/v1/registrations/{moving}/signups", secret);
        Assert.Equal(HttpStatusCode.OK, signups.StatusCode);
        Assert.Equal("[]", await signups.Content.ReadAsStringAsync(Cancel));
        using var missing = await GetAsync("/api/v1/registrations/999999999/signups", secret);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task Speaker_profiles_are_created_and_changed_through_the_API_within_the_tokens_editions_and_a_stale_ETag_changes_nothing()
    {
        var (mine, other) = await App.BuildAsync(async d => ((await d.EditionAsync()).Id, (await d.EditionAsync()).Id));
        var elsewhere = await App.BuildAsync(d => d.SpeakerAsync($"elsewhere-{Guid.NewGuid():N}"[..20], [other]));
        var secret = await TokenAsync(Only(ApiScopes.Speakers, ApiAccess.ReadWrite), [mine]);
        var family = $"Tan{Guid.NewGuid():N}"[..10];

        int id;
        string etag;
        using (var made = await SendAsync(HttpMethod.Post, "/api/v1/speaker-profiles", secret, content: Json(
            $"{{\"familyNameLatin\": \"{family}\", \"givenNameLatin\": \"Wei\", \"familyNameZh\": \"陈\", \"givenNameZh\": \"伟\", \"contactEmail\": \"wei@bank.example\", \"positions\": [{{\"titleEn\": \"Chief economist\", \"organisationEn\": \"Bank\"}}], \"links\": [{{\"kind\": \"LinkedIn\", \"url\": \"https://www.linkedin.com/in/wei\"}}], \"editions\": [{mine}]}}")))
        {
            Assert.Equal(HttpStatusCode.Created, made.StatusCode);
            etag = made.Headers.ETag!.ToString();
            using var json = JsonDocument.Parse(await made.Content.ReadAsStringAsync(Cancel));
            id = json.RootElement.GetProperty("id").GetInt32();
            Assert.Equal($"wei-{family.ToLowerInvariant()}", json.RootElement.GetProperty("slug").GetString()); // from the Latin name as written (given name first)
            Assert.Equal(("陈伟", "wei@bank.example", "LinkedIn"), (json.RootElement.GetProperty("nameZh").GetString(), json.RootElement.GetProperty("contactEmail").GetString(),
                json.RootElement.GetProperty("links")[0].GetProperty("kind").GetString()));
        }

        using (var patched = await SendAsync(HttpMethod.Patch, $"/api/v1/speaker-profiles/{id}", secret, etag, Patch("{\"honorificEn\": \"Dr\", \"links\": []}")))
        {
            Assert.Equal(HttpStatusCode.OK, patched.StatusCode);
            using var json = JsonDocument.Parse(await patched.Content.ReadAsStringAsync(Cancel));
            Assert.Equal(("Dr", 0, 1), (json.RootElement.GetProperty("honorificEn").GetString(), json.RootElement.GetProperty("links").GetArrayLength(), json.RootElement.GetProperty("positions").GetArrayLength()));
        }

        using (var stale = await SendAsync(HttpMethod.Patch, $"/api/v1/speaker-profiles/{id}", secret, etag, Patch("{\"honorificEn\": \"Prof\"}")))
        {
            Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        }

        foreach (var (body, field) in new[]
        {
            ("{\"links\": [{\"kind\": \"Fax\", \"url\": \"https://x.example\"}]}", "links"),
            ("{\"countryCode\": \"Atlantis\"}", "countryCode"),
            ("{\"editions\": [" + other.ToString(CultureInfo.InvariantCulture) + "]}", "editions"),
            ("{\"nickname\": \"Wei\"}", "nickname"),
            ("{\"positions\": 3}", "positions"),
        })
        {
            using var refused = await SendAsync(HttpMethod.Patch, $"/api/v1/speaker-profiles/{id}", secret, content: Patch(body));
            Assert.True(refused.StatusCode == HttpStatusCode.BadRequest, $"{body}: {(int)refused.StatusCode}");
            Assert.Contains($"\"{field}\"", await refused.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        }

        Assert.Equal("Dr", await App.WithDbAsync(db => db.Speakers.Where(x => x.Id == id).Select(x => x.HonorificEn).FirstAsync(Cancel)));
        using (var outside = await GetAsync($"/api/v1/speaker-profiles/{elsewhere}", secret))
        {
            Assert.Equal(HttpStatusCode.NotFound, outside.StatusCode);
        }

        using var list = await GetAsync("/api/v1/speaker-profiles?limit=500", secret);
        using var page = JsonDocument.Parse(await list.Content.ReadAsStringAsync(Cancel));
        var ids = page.RootElement.GetProperty("items").EnumerateArray().Select(x => x.GetProperty("id").GetInt32()).ToList();
        Assert.Contains(id, ids);
        Assert.DoesNotContain(elsewhere, ids);
        var entry = await App.WithDbAsync(db => db.AuditEntries.Where(e => e.ObjectType == "Speaker" && e.ObjectId == id.ToString(CultureInfo.InvariantCulture))
            .OrderByDescending(e => e.Id).Select(e => e.ActorKind).FirstAsync(Cancel));
        Assert.Equal(Core.Audit.AuditActorKind.Token, entry);
    }

    [Fact]
    public async Task A_session_moves_through_the_API_with_the_editors_clash_rules_and_the_published_changelog_is_read()
    {
        var edition = await App.BuildAsync(async d => (await d.EditionAsync()).Id);
        var (hall, small, type) = await App.BuildAsync(async d => (await d.RoomAsync(edition), await d.RoomAsync(edition), await d.SessionTypeAsync(edition)));
        var nine = new DateTimeOffset(2030, 11, 5, 1, 0, 0, TimeSpan.Zero); // 09:00 in Chongqing
        var (first, second) = await App.ScopedAsync(async s =>
        {
            var save = s.GetRequiredService<Core.Scheduling.SaveSession>();
            var a = (await save.RunAsync(edition, null, new Core.Scheduling.SessionDetails("Green finance", "绿色金融", null, null, type, null, Core.Scheduling.SessionLanguage.English, false, null, []), Cancel)).SessionId!.Value;
            var b = (await save.RunAsync(edition, null, new Core.Scheduling.SessionDetails("Digital trade", "数字贸易", null, null, type, null, Core.Scheduling.SessionLanguage.English, false, null, []), Cancel)).SessionId!.Value;
            var place = s.GetRequiredService<Core.Scheduling.ScheduleSession>();
            Assert.True((await place.PlaceAsync(edition, a, hall, nine, nine.AddHours(1), Cancel)).Succeeded);
            Assert.True((await place.PlaceAsync(edition, b, small, nine, nine.AddHours(1), Cancel)).Succeeded);
            Assert.True((await s.GetRequiredService<Core.Scheduling.PublishSchedule>().RunAsync(edition, null, null, cancellationToken: Cancel)).Succeeded);
            return (a, b);
        });
        var secret = await TokenAsync(Only(ApiScopes.Programme, ApiAccess.ReadWrite), [edition]);
        var (etag, _) = await ReadAsync($"/api/v1/programme/sessions/{second}", secret);
        string Move(int room, DateTimeOffset from, DateTimeOffset to) => JsonSerializer.Serialize(new { roomId = room, startsAt = from, endsAt = to });

        using (var clash = await SendAsync(HttpMethod.Post, $"/api/v1/programme/sessions/{second}/move", secret, etag, Json(Move(hall, nine.AddMinutes(30), nine.AddHours(2)))))
        {
            Assert.Equal(HttpStatusCode.Conflict, clash.StatusCode);
            var text = await clash.Content.ReadAsStringAsync(Cancel);
            Assert.Contains("\"field\":\"roomId\"", text, StringComparison.Ordinal);
            Assert.Contains("Green finance", text, StringComparison.Ordinal);
        }

        using (var backwards = await SendAsync(HttpMethod.Post, $"/api/v1/programme/sessions/{second}/move", secret, etag, Json(Move(hall, nine.AddHours(3), nine.AddHours(2)))))
        {
            Assert.Equal(HttpStatusCode.BadRequest, backwards.StatusCode);
            Assert.Contains("endsAt", await backwards.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        }

        using (var unreadable = await SendAsync(HttpMethod.Post, $"/api/v1/programme/sessions/{second}/move", secret, etag, Json("{\"roomId\": 1, \"startsAt\": \"tomorrow\", \"endsAt\": \"2030-11-05T02:00:00Z\"}")))
        {
            Assert.Equal(HttpStatusCode.BadRequest, unreadable.StatusCode);
            Assert.Equal("application/problem+json", unreadable.Content.Headers.ContentType?.MediaType);
            using var json = JsonDocument.Parse(await unreadable.Content.ReadAsStringAsync(Cancel));
            Assert.True(json.RootElement.GetProperty("errors").TryGetProperty("startsAt", out _), json.RootElement.ToString());
        }

        using (var moved = await SendAsync(HttpMethod.Post, $"/api/v1/programme/sessions/{second}/move", secret, etag, Json(Move(hall, nine.AddHours(1), nine.AddHours(2)))))
        {
            Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
            using var json = JsonDocument.Parse(await moved.Content.ReadAsStringAsync(Cancel));
            Assert.Equal((hall, nine.AddHours(1)), (json.RootElement.GetProperty("roomId").GetInt32(), json.RootElement.GetProperty("startsAt").GetDateTimeOffset()));
        }

        using (var stale = await SendAsync(HttpMethod.Post, $"/api/v1/programme/sessions/{second}/move", secret, etag, Json(Move(small, nine, nine.AddHours(1)))))
        {
            Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        }

        Assert.Equal(hall, await App.WithDbAsync(db => db.Sessions.Where(x => x.Id == second).Select(x => x.RoomId).FirstAsync(Cancel)));
        using var versions = await GetAsync($"/api/v1/programme/versions?edition={edition}", secret);
        using var list = JsonDocument.Parse(await versions.Content.ReadAsStringAsync(Cancel));
        var version = list.RootElement[0];
        Assert.Equal((1, 2), (version.GetProperty("number").GetInt32(), version.GetProperty("changeCount").GetInt32()));
        using var one = await GetAsync($"/api/v1/programme/versions/{version.GetProperty("id").GetInt32()}", secret);
        using var changelog = JsonDocument.Parse(await one.Content.ReadAsStringAsync(Cancel));
        Assert.Equal([first, second], changelog.RootElement.GetProperty("changes").EnumerateArray().Select(c => c.GetProperty("sessionId").GetInt32()).Order().ToArray());
        using var working = await GetAsync($"/api/v1/programme/sessions?edition={edition}&limit=1", secret);
        using var workingPage = JsonDocument.Parse(await working.Content.ReadAsStringAsync(Cancel));
        Assert.Equal(first, workingPage.RootElement.GetProperty("items")[0].GetProperty("id").GetInt32());
        Assert.NotEqual(JsonValueKind.Null, workingPage.RootElement.GetProperty("next").ValueKind);
        using var outside = await GetAsync("/api/v1/programme/sessions?edition=999999", secret);
        Assert.Equal(HttpStatusCode.BadRequest, outside.StatusCode);
    }
}

public sealed class OrganizerApiTestsOnSqlite(SqliteApp app) : OrganizerApiTests<SqliteApp>(app), IClassFixture<SqliteApp>;

public sealed class OrganizerApiTestsOnPostgres(PostgresApp app) : OrganizerApiTests<PostgresApp>(app), IClassFixture<PostgresApp>;
