using System.Text.Encodings.Web;
using System.Text.Unicode;
using System.Threading.RateLimiting;
using Hangfire;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Summit.Core.Accounts;
using Summit.Core.Data;
using Summit.Core.Demo;
using Summit.Core.Scheduling;
using Summit.Jobs;
using Summit.Jobs.Hosting;
using Summit.Jobs.Accounts;
using Summit.Web.Api;
using Summit.Web.Localization;
using Summit.Web.Scheduling;
using Summit.Web.Speakers;

namespace Summit.Web.Hosting;

public static class SummitWebServices
{
    public const string OrganizerPolicy = "Organizer";

    /// <summary>The door: organizers and check-in staff (who get nothing else).</summary>
    public const string CheckInPolicy = "CheckIn";

    /// <summary>The newsroom: Press accounts, Press editors and organizers (who are editors).</summary>
    public const string NewsroomPolicy = "Newsroom";
    public const string FormsRateLimit = "forms";

    /// <summary>The door: per signed-in volunteer, not per address (desks share the venue's network), and generous.</summary>
    public const string CheckInRateLimit = "checkin";

    /// <summary>Requests per token (or, without one, per address) to the organizer API.</summary>
    public const string ApiRateLimit = "api";

    public static IServiceCollection AddSummitWeb(this IServiceCollection services, IConfiguration configuration, IWebHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(environment);
        var securePolicy = environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;

        services.AddOptions<WebOptions>()
            .Bind(configuration.GetSection(WebOptions.Section))
            .Configure(o => o.IsDevelopment = environment.IsDevelopment())
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddLocalization(o => o.ResourcesPath = "Resources");
        // Every label looked up once per culture (CachingStringLocalizerFactory), not through the resource manager's locks each time.
        services.AddSingleton<ResourceManagerStringLocalizerFactory>();
        services.AddSingleton<IStringLocalizerFactory, Summit.Web.Localization.CachingStringLocalizerFactory>();
        // Chinese text is written as characters, not as &#x…; entities: pages stay readable and half the size.
        services.AddWebEncoders(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.Configure<RouteOptions>(o => o.LowercaseUrls = true);
        services.AddRazorPages(o =>
            {
                o.Conventions.AuthorizeFolder("/Admin", OrganizerPolicy);
                o.Conventions.AuthorizeFolder("/CheckIn", CheckInPolicy);
                o.Conventions.AuthorizeFolder("/Newsroom", NewsroomPolicy);
                o.Conventions.AuthorizeFolder("/Account/Manage");
                o.Conventions.AuthorizeFolder("/My");
                o.Conventions.AddPageRoute("/Speakers/Index", "{edition}/speakers");
            })
            .AddMvcOptions(o => o.Filters.Add<HandlerRequiredFilter>())
            // No client-side validation library is served: the server checks every form. With it on, each form carried
            // data-val-* attributes for nothing, and an empty error summary whose hidden item's inline style the site's
            // own CSP refuses (a console error and a stray bullet under every form's heading).
            .AddViewOptions(o => o.HtmlHelperOptions.ClientValidationEnabled = false)
            .AddViewLocalization()
            .AddDataAnnotationsLocalization(o => o.DataAnnotationLocalizerProvider = (_, factory) => factory.Create(typeof(SharedResource)));
        services.AddOptions<MvcOptions>().Configure<IStringLocalizerFactory>((mvc, factory) => LocalizedBindingMessages.Apply(mvc, factory.Create(typeof(SharedResource))));

        services.Configure<RequestLocalizationOptions>(o =>
        {
            o.SetDefaultCulture(Cultures.English).AddSupportedCultures(Cultures.Supported).AddSupportedUICultures(Cultures.Supported);
            o.FallBackToParentCultures = true;
            o.FallBackToParentUICultures = true;
            o.RequestCultureProviders =
            [
                new QueryStringRequestCultureProvider(),
                new CookieRequestCultureProvider { CookieName = Cultures.CookieName },
                new AcceptLanguageHeaderRequestCultureProvider(),
            ];
        });

        services.AddAuthentication(o =>
            {
                o.DefaultScheme = IdentityConstants.ApplicationScheme;
                o.DefaultSignInScheme = IdentityConstants.ExternalScheme;
            })
            .AddIdentityCookies();
        services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, Api.ApiTokenAuthenticationHandler>(Api.ApiTokenAuthenticationHandler.SchemeName, null);
        new IdentityBuilder(typeof(SummitUser), typeof(IdentityRole), services)
            .AddSignInManager<SummitSignInManager>()
            .AddErrorDescriber<LocalizedIdentityErrorDescriber>();
        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/account/login";
            o.LogoutPath = "/account/logout";
            o.AccessDeniedPath = "/account/access-denied";
            o.Cookie.Name = Summit.Web.Scheduling.PersonalState.SignInCookie;
            o.SlidingExpiration = true;
        });
        // Passkeys belong to the public address: its host is the relying party, and only its origin may use them.
        services.AddOptions<IdentityPasskeyOptions>().Configure<Summit.Core.Site.SiteLinks>((o, links) =>
        {
            o.ServerDomain = links.Root.Host;
            var origin = links.Root.GetLeftPart(UriPartial.Authority);
            o.ValidateOrigin = context => ValueTask.FromResult(!context.CrossOrigin && string.Equals(context.Origin, origin, StringComparison.OrdinalIgnoreCase));
        });
        // Server-side sessions: the cookie carries a key to an AccountSessions row, which sign-out deletes (issue 21).
        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
            .Configure<DatabaseTicketStore, IOptions<SessionLimits>>((o, store, sessions) =>
            {
                o.SessionStore = store;
                o.ExpireTimeSpan = sessions.Value.Idle;
            });
        foreach (var scheme in new[] { IdentityConstants.ApplicationScheme, IdentityConstants.ExternalScheme, IdentityConstants.TwoFactorUserIdScheme, IdentityConstants.TwoFactorRememberMeScheme })
        {
            services.Configure<CookieAuthenticationOptions>(scheme, o =>
            {
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Lax;
                o.Cookie.SecurePolicy = securePolicy;
            });
        }

        // Role changes and sign-outs elsewhere reach every session within a minute (Identity's default is 30).
        services.Configure<SecurityStampValidatorOptions>(o =>
        {
            o.ValidationInterval = TimeSpan.FromMinutes(1);
            // The principal rebuilt from the database is the same session: it keeps its id and how it signed in.
            o.OnRefreshingPrincipal = context =>
            {
                if (context.NewPrincipal?.Identities.FirstOrDefault() is { } identity && context.CurrentPrincipal is { } current)
                {
                    foreach (var type in new[] { DatabaseTicketStore.SessionIdClaim, DatabaseTicketStore.MethodClaim })
                    {
                        if (current.FindFirst(type) is { } claim && identity.FindFirst(type) is null)
                        {
                            identity.AddClaim(new System.Security.Claims.Claim(type, claim.Value));
                        }
                    }
                }

                return Task.CompletedTask;
            };
        });
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = Summit.Web.Scheduling.PersonalState.AntiforgeryCookie;
            // Not a credential; with Always, antiforgery throws on every form page served over plain HTTP
            // (a proxy that does not forward the scheme), turning a configuration slip into 500s everywhere.
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.Cookie.SameSite = SameSiteMode.Lax;
        });
        services.AddAuthorizationBuilder()
            .AddPolicy(OrganizerPolicy, p => p.RequireRole(Roles.Organizer))
            .AddPolicy(CheckInPolicy, p => p.RequireRole(Roles.Organizer, Roles.CheckIn))
            .AddPolicy(NewsroomPolicy, p => p.RequireRole(Roles.Organizer, Roles.Press, Roles.Editor))
            .AddApiPolicies();
        services.AddSummitHealth(configuration);
        services.AddSummitMemory(configuration);
        services.AddHostedService<Summit.Jobs.Hosting.DrainOnShutdown>();
        services.AddProblemDetails();
        services.AddOpenApi();
        // Numbers are numbers: "42" for an id is refused (400), and the OpenAPI document types ids as integer, not
        // [integer, string], so generated clients get plain ints.
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.Strict);
        // A body that cannot be bound throws (in every environment), so the API's exception handler can name the field.
        services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);

        var formsPerMinute = configuration.GetValue("RateLimits:FormsPerMinute", 30);
        // On PostgreSQL the form and API limits hold for the deployment, counted in the database (several nodes do
        // not allow several times the limit); on SQLite there is one machine, and the process's own counter is exact.
        var shared = configuration.GetValue("RateLimits:Shared", (configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions()).Provider == DatabaseProvider.Postgres);
        RateLimitPartition<string> PerMinute(HttpContext context, string key, int limit) => shared
            ? RateLimitPartition.Get(key, k => new SharedWindowLimiter(k, limit, TimeSpan.FromMinutes(1), context.RequestServices.GetRequiredService<IHttpContextAccessor>()))
            : RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions { PermitLimit = limit, Window = TimeSpan.FromMinutes(1) });

        var apiPerMinute = configuration.GetValue("RateLimits:ApiPerMinute", 600);
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = async (rejected, cancellationToken) =>
            {
                var retry = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? Math.Max(1, (int)Math.Ceiling(after.TotalSeconds)) : 60;
                rejected.HttpContext.Response.Headers.RetryAfter = retry.ToString(System.Globalization.CultureInfo.InvariantCulture);
                if (IsApi(rejected.HttpContext))
                {
                    await rejected.HttpContext.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                    {
                        HttpContext = rejected.HttpContext,
                        ProblemDetails = { Status = StatusCodes.Status429TooManyRequests, Title = "Too many requests", Detail = $"Try again in {retry} s." },
                    });
                }
            };
            o.AddPolicy(ApiRateLimit, context => PerMinute(
                context,
                context.User.FindFirst(Api.ApiTokenAuthenticationHandler.TokenClaim)?.Value is { } token ? $"api:token:{token}" : $"api:address:{context.Connection.RemoteIpAddress}",
                apiPerMinute));
            o.AddPolicy(FormsRateLimit, context => HttpMethods.IsPost(context.Request.Method)
                ? PerMinute(context, $"forms:{context.Connection.RemoteIpAddress?.ToString() ?? "unknown"}", formsPerMinute)
                : RateLimitPartition.GetNoLimiter("reads"));
            o.AddPolicy(CheckInRateLimit, context => RateLimitPartition.GetFixedWindowLimiter(
                context.User.Identity?.Name ?? context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = 600, Window = TimeSpan.FromMinutes(1) }));
        });

        // Forms are text; uploads (speaker photos) set their own larger limits where they are accepted.
        services.Configure<FormOptions>(o =>
        {
            o.ValueLengthLimit = 256 * 1024;
            o.ValueCountLimit = 512;
        });
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            o.KnownIPNetworks.Clear();
            o.KnownProxies.Clear();
        });

        services.AddOutputCache(o =>
        {
            o.AddPolicy(ProgrammeCachePolicy.Name, new ProgrammeCachePolicy());
            o.AddPolicy(PersonalPageCachePolicy.Name, new PersonalPageCachePolicy());
            o.SizeLimit = ProgrammeCachePolicy.SizeLimit;
        });
        services.AddMemoryCache();
        services.AddSingleton<ProgrammeVersions>();
        services.AddSingleton<PublicProgrammes>();
        services.AddSingleton<Summit.Web.Press.PublishedArticlePages>();
        services.AddScoped<ISchedulePublishedHandler, EvictProgrammeCache>();
        services.AddScoped<Summit.Core.Site.ILocalCacheEviction, OutputCacheEviction>();
        services.AddSingleton<CacheEvictionListener>();
        services.AddHostedService(sp => sp.GetRequiredService<CacheEvictionListener>());

        services.AddScoped<Summit.Core.Press.IArticleListener, Summit.Web.Press.EvictPressCoverage>();

        services.AddHttpContextAccessor();
        return services;
    }

    /// <summary>The JSON API answers errors with problem details; the site explains them with a page.</summary>
    public static bool IsApi(HttpContext context) =>
        context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
        || context.Request.Path.StartsWithSegments("/openapi", StringComparison.OrdinalIgnoreCase);
}
