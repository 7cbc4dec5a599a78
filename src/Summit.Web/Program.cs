using Summit.Core;
using Summit.Jobs;
using Summit.Web.Hosting;

if (OrganizerCommand.Matches(args))
{
    return await OrganizerCommand.RunAsync(args);
}

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddSummitCore(builder.Configuration);
builder.Services.AddSummitJobs(builder.Configuration);
builder.Services.AddSummitWeb(builder.Configuration, builder.Environment);

var app = builder.Build();
await app.InitializeSummitAsync();
app.UseSummitPipeline();
app.MapSummitEndpoints();
await app.RunAsync();
return 0;

/// <summary>The entry point, public so that WebApplicationFactory&lt;Program&gt; can start the app in tests.</summary>
public partial class Program;
