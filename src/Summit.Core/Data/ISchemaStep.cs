namespace Summit.Core.Data;

/// <summary>Schema that is not EF's (Hangfire's tables), brought up to date with the migrations, under the same lock.</summary>
public interface ISchemaStep
{
    Task ApplyAsync(CancellationToken cancellationToken);
}
