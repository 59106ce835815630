using GraphQL;
using Kurobe.Api.GraphQL.Subscriptions;
using Mediator;

namespace Kurobe.Api.GraphQL.Execution;

/// <summary>
/// How resolvers hand work to the application: one Mediator message per root field, each in a DI scope of its own
/// (root fields may run in parallel, and scoped services must not be shared between them).
/// </summary>
internal static class ResolveFieldContextExtensions
{
    public static async Task<TResponse> SendAsync<TResponse>(this IResolveFieldContext context, IQuery<TResponse> query)
    {
        await using var scope = context.RequestServices!.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ISender>().Send(query, context.CancellationToken);
    }

    public static async Task<TResponse> SendAsync<TResponse>(this IResolveFieldContext context, ICommand<TResponse> command)
    {
        await using var scope = context.RequestServices!.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ISender>().Send(command, context.CancellationToken);
    }

    /// <summary>A subscription's source stream: it owns its scope, and honours the transport's back-pressure.</summary>
    public static IObservable<object?> CreateStream<T>(this IResolveFieldContext context, IStreamQuery<T> query) =>
        context.CreateStream<T>((sender, token) => sender.CreateStream(query, token));

    /// <inheritdoc cref="CreateStream{T}(IResolveFieldContext, IStreamQuery{T})"/>
    public static IObservable<object?> CreateStream<T>(this IResolveFieldContext context, IStreamCommand<T> command) =>
        context.CreateStream<T>((sender, token) => sender.CreateStream(command, token));

    private static MediatorStreamObservable<T> CreateStream<T>(this IResolveFieldContext context, Func<ISender, CancellationToken, IAsyncEnumerable<T>> createStream) =>
        new MediatorStreamObservable<T>(
            context.RequestServices!.GetRequiredService<IServiceScopeFactory>(),
            createStream,
            (context.UserContext as GraphQLUserContext)?.StreamFlowControl ?? UnboundedFlowControl.Instance);
}
