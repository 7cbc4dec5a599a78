using Hangfire;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Extensions.Options;
using Summit.Core;
using Summit.Jobs;
using Summit.Jobs.Hosting;
using Summit.Web.Api;
using Summit.Web.Hosting;
using Summit.Web.Press;
using Summit.Web.Scheduling;
using Summit.Web.Speakers;

if (OrganizerCommand.Matches(args))
{
    return await OrganizerCommand.RunAsync(args);
}

if (Summit.Jobs.Hosting.MigrateCommand.Matches(args))
{
    return await Summit.Jobs.Hosting.MigrateCommand.RunAsync(args);
}

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddSummitCore(builder.Configuration);
builder.Services.AddSummitJobs(builder.Configuration);
builder.Services.AddSummitWeb(builder.Configuration, builder.Environment);

await using var app = builder.Build();

// The pipeline, in the order a request meets it.
app.UseMiddleware<StartingMiddleware>();
if (app.Services.GetRequiredService<IOptions<WebOptions>>().Value.BehindProxy)
{
    app.UseForwardedHeaders();
}

app.UseMiddleware<RefuseTraceMiddleware>();

// Malformed requests (a body over the limits, a broken form or JSON) are the client's fault: 4xx, never 500.
static int StatusOf(Exception e) => e switch
{
    BadHttpRequestException bad => bad.StatusCode,
    InvalidDataException => StatusCodes.Status400BadRequest,
    // Every database connection busy for longer than the pool's timeout (a rush): "busy, try again", not a bug.
    Npgsql.NpgsqlException { InnerException: TimeoutException } => StatusCodes.Status503ServiceUnavailable,
    InvalidOperationException { InnerException: Npgsql.NpgsqlException { InnerException: TimeoutException } } => StatusCodes.Status503ServiceUnavailable,
    _ => StatusCodes.Status500InternalServerError,
};

// The API answers a failure with problem details (a chunked body over the limit, JSON that cannot be bound in
// Development, where minimal APIs throw), the site with its error page.
app.UseWhen(SummitWebServices.IsApi, api => api.UseExceptionHandler(new ExceptionHandlerOptions
{
    StatusCodeSelector = StatusOf,
    ExceptionHandler = Summit.Web.Api.ApiRequest.WriteFailureAsync,
    // A client's malformed request is answered, not logged as the server's error.
    SuppressDiagnosticsCallback = c => c.Exception is BadHttpRequestException,
}));
app.UseWhen(context => !SummitWebServices.IsApi(context), site => site.UseExceptionHandler(new ExceptionHandlerOptions { ExceptionHandlingPath = "/error", StatusCodeSelector = StatusOf }));
if (!app.Environment.IsDevelopment())
{
    // Outside Development: HSTS on every response, and every cookie Secure, whatever scheme the request arrived by.
    app.UseMiddleware<StrictTransportMiddleware>();
    app.UseCookiePolicy(new CookiePolicyOptions { Secure = CookieSecurePolicy.Always });
}

app.UseMiddleware<SecurityHeadersMiddleware>();
// Pages explain an error status with a page; the JSON API answers with RFC 7807 problem details.
app.UseWhen(SummitWebServices.IsApi, api =>
{
    api.UseStatusCodePages();
    // Kestrel enforces the API's body limit as the body is read (chunked too); a declared length over it is refused at once.
    api.Use((context, next) =>
    {
        if (context.Request.ContentLength > Summit.Web.Api.OrganizerApi.BodyLimit)
        {
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return Task.CompletedTask;
        }

        return next(context);
    });
});
app.UseWhen(context => !SummitWebServices.IsApi(context), site => site.UseStatusCodePagesWithReExecute("/status/{0}"));
app.UseMiddleware<RejectControlCharactersMiddleware>();
app.UseMiddleware<ConnectionFirstMiddleware>();
app.UseStaticFiles();
app.UseRouting();
app.UseRequestLocalization();
// Before authentication: a cached programme page costs no cookie decryption and no session lookup, and pages shared
// by everyone signed in are served from it too (decision 0020; ProgrammeCachePolicy decides what may be).
// Web:OutputCache=false renders every page afresh: for measuring rendering (bench/pages.sh), or chasing a stale page.
if (app.Configuration.GetValue("Web:OutputCache", true))
{
    app.UseOutputCache();
}

app.UseAuthentication();
app.UseMiddleware<StrongSignInMiddleware>();
app.UseMiddleware<AuditActorMiddleware>();
app.UseRateLimiter();
app.UseAuthorization();
app.UseHangfireDashboard("/admin/jobs", new DashboardOptions
{
    Authorization = [new OrganizerDashboardFilter()],
    AsyncAuthorization = [],
    AppPath = "/admin",
    DashboardTitle = "Summit jobs",
    DisplayStorageConnectionString = false,
});

// The endpoints: pages, health, the API and its OpenAPI document, media, feeds.
app.MapRazorPages();
app.MapSummitHealth();
app.MapOpenApi();
app.MapSpeakersApi();
app.MapTokenApi();
app.MapOrganizerApi();
app.MapCheckInApi();
app.MapPressAndMailApi();
app.MapSpeakerProfilesApi();
app.MapWorkingProgrammeApi();
app.MapSpeakerMedia();
app.MapPressEndpoints();
app.MapProgrammeFeeds();
app.MapProgrammeApi();
app.MapPersonalState();

// Listening first, so that /health/live and /health/ready answer while the start (schema, roles, demo) runs.
await app.StartAsync();
await app.StartSummitAsync();
await app.WaitForShutdownAsync();
return 0;

/// <summary>The entry point, public so that WebApplicationFactory&lt;Program&gt; can start the app in tests.</summary>
public partial class Program;
