using GraphQL;
using GraphQL.Types;
using Kurobe.Api.GraphQL.Execution;
using Kurobe.Application.DataSources.CreateDataSource;
using Kurobe.Application.DataSources.DeleteDataSource;
using Kurobe.Application.DataSources.InvalidateResultCache;
using Kurobe.Application.DataSources.RefreshDataSourceSchema;
using Kurobe.Application.DataSources.TestDataSourceConnection;
using Kurobe.Application.DataSources.UpdateDataSource;
using Kurobe.Domain.DataSources;

namespace Kurobe.Api.GraphQL.DataSources;

internal sealed class DataSourcesMutationFields : IMutationFields
{
    public void AddTo(ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<DataSourceGraphType>>("createDataSource")
            .Description("Adds a data source. Its secret is encrypted at rest and never returned.")
            .Argument<NonNullGraphType<CreateDataSourceInputGraphType>>("input")
            .ResolveAsync(async context =>
            {
                var input = context.GetArgument<Dictionary<string, object?>>("input");
                return await context.SendAsync(new CreateDataSourceCommand(
                    DataSourceName.Create((string)input["name"]!),
                    DataSourceInputs.Connection(input, required: true)!,
                    DataSourceInputs.Optional<string?>(input, "secret"),
                    DataSourceInputs.Optional<int?>(input, "queryTimeoutSeconds"),
                    DataSourceInputs.Optional<int?>(input, "cacheTtlSeconds")));
            });

        mutation.Field<NonNullGraphType<DataSourceGraphType>>("updateDataSource")
            .Description("Changes a data source created through the API; omitted fields stay as they are.")
            .Argument<NonNullGraphType<UpdateDataSourceInputGraphType>>("input")
            .ResolveAsync(async context =>
            {
                var input = context.GetArgument<Dictionary<string, object?>>("input");
                var name = DataSourceInputs.ChangeOf<string?>(input, "name");
                return await context.SendAsync(new UpdateDataSourceCommand(
                    GraphQLIds.ParseDataSourceId((string)input["id"]!, "id"),
                    name.IsSet ? Application.Common.Change.To(DataSourceName.Create(name.Value ?? "")) : default,
                    DataSourceInputs.Connection(input, required: false) is { } connection ? Application.Common.Change.To<DataSourceConnection?>(connection) : default,
                    DataSourceInputs.ChangeOf<string?>(input, "secret"),
                    DataSourceInputs.ChangeOf<int?>(input, "queryTimeoutSeconds"),
                    DataSourceInputs.ChangeOf<int?>(input, "cacheTtlSeconds")));
            });

        mutation.Field<NonNullGraphType<DeleteDataSourcePayloadGraphType>>("deleteDataSource")
            .Description("Deletes a data source created through the API, closing its connections and dropping its cached results.")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .ResolveAsync(async context => await context.SendAsync(new DeleteDataSourceCommand(ParseId(context))));

        mutation.Field<NonNullGraphType<DataSourceStatusGraphType>>("testDataSourceConnection")
            .Description("Connects to the source now. A failure is reported in the result (health UNHEALTHY, lastError), not as an error.")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .ResolveAsync(async context => await context.SendAsync(new TestDataSourceConnectionCommand(ParseId(context))));

        mutation.Field<NonNullGraphType<DataSourceSchemaGraphType>>("refreshDataSourceSchema")
            .Description("Reads the source's tables and columns from its engine again.")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .ResolveAsync(async context => await context.SendAsync(new RefreshDataSourceSchemaCommand(ParseId(context))));

        mutation.Field<NonNullGraphType<InvalidateResultCachePayloadGraphType>>("invalidateResultCache")
            .Description("Drops every cached runQuery result of a source, for when its data changed.")
            .Argument<NonNullGraphType<IdGraphType>>("dataSourceId")
            .ResolveAsync(async context => await context.SendAsync(
                new InvalidateResultCacheCommand(GraphQLIds.ParseDataSourceId(context.GetArgument<string>("dataSourceId"), "dataSourceId"))));
    }

    private static DataSourceId ParseId(IResolveFieldContext context) => GraphQLIds.ParseDataSourceId(context.GetArgument<string>("id"), "id");
}

internal sealed class DeleteDataSourcePayloadGraphType : ObjectGraphType<DataSourceId>
{
    public DeleteDataSourcePayloadGraphType()
    {
        Name = "DeleteDataSourcePayload";
        Field<NonNullGraphType<IdGraphType>>("id").Description("The deleted source.").Resolve(c => c.Source.ToString());
    }
}

internal sealed class InvalidateResultCachePayloadGraphType : ObjectGraphType<DataSourceId>
{
    public InvalidateResultCachePayloadGraphType()
    {
        Name = "InvalidateResultCachePayload";
        Field<NonNullGraphType<IdGraphType>>("dataSourceId").Resolve(c => c.Source.ToString());
    }
}
