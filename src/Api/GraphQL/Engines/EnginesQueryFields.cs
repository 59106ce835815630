using GraphQL.Types;
using Kurobe.Api.GraphQL.Execution;
using Kurobe.Application.Engines.ListEngines;

namespace Kurobe.Api.GraphQL.Engines;

internal sealed class EnginesQueryFields : IQueryFields
{
    public void AddTo(ObjectGraphType query) =>
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<EngineGraphType>>>>("engines")
            .Description("Every configured engine profile, by kind and profile.")
            .ResolveAsync(async context => await context.SendAsync(new ListEnginesQuery()));
}
