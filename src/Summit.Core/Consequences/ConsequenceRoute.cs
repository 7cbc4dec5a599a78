using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Summit.Core.Consequences;

/// <summary>Carries out one kind of consequence of one event. Must be idempotent: it may run twice (check state first).</summary>
public interface IConsequenceHandler<in TEvent>
    where TEvent : class
{
    Task HandleAsync(TEvent happened, CancellationToken cancellationToken);
}

/// <summary>One handler of one event type, under a stable name, on a queue.</summary>
public sealed class ConsequenceRoute
{
    private readonly Func<IServiceProvider, string, CancellationToken, Task> invoke;
    private readonly Func<object, bool> applies;

    private ConsequenceRoute(string name, string queue, Type eventType, Func<object, bool> applies, Func<IServiceProvider, string, CancellationToken, Task> invoke)
    {
        Name = name;
        Queue = queue;
        EventType = eventType;
        this.applies = applies;
        this.invoke = invoke;
    }

    public string Name { get; }

    public string Queue { get; }

    public Type EventType { get; }

    /// <param name="when">Which events concern the handler at all (a badge only a confirmation or its end): the others get no row.</param>
    public static ConsequenceRoute For<TEvent, THandler>(string queue, Func<TEvent, bool>? when = null)
        where TEvent : class
        where THandler : class, IConsequenceHandler<TEvent> =>
        new($"{typeof(THandler).Name}.{typeof(TEvent).Name}", queue, typeof(TEvent), happened => when is null || when((TEvent)happened), (services, payload, cancellationToken) =>
        {
            var happened = JsonSerializer.Deserialize<TEvent>(payload) ?? throw new InvalidOperationException($"The payload of {typeof(TEvent).Name} is empty.");
            return services.GetRequiredService<THandler>().HandleAsync(happened, cancellationToken);
        });

    /// <summary>Runs the handler, resolved from <paramref name="services"/>, on the stored payload.</summary>
    public Task InvokeAsync(IServiceProvider services, string payload, CancellationToken cancellationToken) => invoke(services, payload, cancellationToken);

    /// <summary>Whether this event concerns the handler (else no row is written for it).</summary>
    public bool AppliesTo(object happened) => applies(happened);
}

/// <summary>Every route, by name and by event type.</summary>
public sealed class ConsequenceRoutes(IEnumerable<ConsequenceRoute> routes)
{
    private readonly Dictionary<string, ConsequenceRoute> byName = routes.ToDictionary(r => r.Name, StringComparer.Ordinal);

    public ConsequenceRoute? Find(string name) => byName.GetValueOrDefault(name);

    public IEnumerable<ConsequenceRoute> Of(Type eventType) => byName.Values.Where(r => r.EventType == eventType);
}

public static class ConsequenceServices
{
    /// <summary>Registers <typeparamref name="THandler"/> (scoped) as a consequence of every <typeparamref name="TEvent"/> recorded.</summary>
    public static IServiceCollection AddConsequence<TEvent, THandler>(this IServiceCollection services, string queue, Func<TEvent, bool>? when = null)
        where TEvent : class
        where THandler : class, IConsequenceHandler<TEvent>
    {
        services.AddSingleton(ConsequenceRoute.For<TEvent, THandler>(queue, when));
        services.TryAddScoped<THandler>();
        return services;
    }
}
