using GraphQLParser.AST;

namespace Kurobe.Api.GraphQL.Execution;

/// <summary>The operation types a transport can carry (GET carries only queries; HTTP carries no subscriptions).</summary>
[Flags]
internal enum AllowedOperations
{
    None = 0,
    Query = 1,
    Mutation = 2,
    Subscription = 4,
    All = Query | Mutation | Subscription,
}

internal static class AllowedOperationsExtensions
{
    public static bool Permits(this AllowedOperations allowed, OperationType operation) => operation switch
    {
        OperationType.Query => allowed.HasFlag(AllowedOperations.Query),
        OperationType.Mutation => allowed.HasFlag(AllowedOperations.Mutation),
        OperationType.Subscription => allowed.HasFlag(AllowedOperations.Subscription),
        _ => false,
    };
}
