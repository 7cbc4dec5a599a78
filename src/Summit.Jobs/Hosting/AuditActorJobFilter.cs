using Hangfire.Server;
using Summit.Core.Audit;

namespace Summit.Jobs.Hosting;

/// <summary>
/// Names the job as the actor of what it writes ("system: SendRemindersJob"). Hangfire calls the filter and then the
/// job on the same thread, so the ambient actor set here is the one the job's saves read.
/// </summary>
internal sealed class AuditActorJobFilter : IServerFilter
{
    private const string Key = "Summit.AuditActor";

    public void OnPerforming(PerformingContext context) =>
        context.Items[Key] = AuditActor.Use(AuditActor.Job(context.BackgroundJob.Job.Type.Name));

    public void OnPerformed(PerformedContext context)
    {
        if (context.Items.TryGetValue(Key, out var scope) && scope is IDisposable disposable)
        {
            disposable.Dispose();
        }
    }
}
