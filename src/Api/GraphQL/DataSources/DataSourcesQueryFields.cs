using GraphQL;
using GraphQL.Types;
using Kurobe.Api.GraphQL.Execution;
using Kurobe.Application.DataSources.GetDataSource;
using Kurobe.Application.DataSources.ListDataSources;

namespace Kurobe.Api.GraphQL.DataSources;

internal sealed class DataSourcesQueryFields : IQueryFields
{
    public void AddTo(ObjectGraphType query)
    {
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<DataSourceGraphType>>>>("dataSources")
            .Description("Every data source, the default first.")
            .ResolveAsync(async context => await context.SendAsync(new ListDataSourcesQuery()));

        query.Field<DataSourceGraphType>("dataSource")
            .Description("One data source, or null when there is none with the id.")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .ResolveAsync(async context => await context.SendAsync(
                new GetDataSourceQuery(GraphQLIds.ParseDataSourceId(context.GetArgument<string>("id"), "id"))));
    }
}
