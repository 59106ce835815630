using Kurobe.Api.GraphQL.Subscriptions;

namespace Kurobe.Api.GraphQL.Execution;

/// <summary>What a transport tells the resolvers about the operation it runs.</summary>
internal sealed class GraphQLUserContext : Dictionary<string, object?>
{
    public IStreamFlowControl StreamFlowControl { get; init; } = UnboundedFlowControl.Instance;
}
