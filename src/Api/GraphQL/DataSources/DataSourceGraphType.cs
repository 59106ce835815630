using GraphQL.Types;
using Kurobe.Api.GraphQL.Execution;
using Kurobe.Application.DataSources;
using Kurobe.Application.DataSources.GetDataSourceSchema;

namespace Kurobe.Api.GraphQL.DataSources;

internal sealed class DataSourceGraphType : ObjectGraphType<DataSourceView>
{
    public DataSourceGraphType()
    {
        Name = "DataSource";
        Description = "A database Kurobe can query. Its secret is never returned; hasSecret says whether one is set.";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => c.Source.Id.ToString());
        Field<NonNullGraphType<StringGraphType>>("name").Description("Unique, human-chosen handle, e.g. \"demo\".").Resolve(c => c.Source.Name);
        Field<NonNullGraphType<DataSourceKindGraphType>>("kind").Resolve(c => c.Source.Kind);
        Field<NonNullGraphType<StringGraphType>>("target")
            .Description("Where the data lives, for display: a file name, host:port/database or the Trino coordinator.")
            .Resolve(c => c.Source.Connection.Target);
        Field<NonNullGraphType<DataSourceConnectionGraphType>>("connection").Resolve(c => c.Source.Connection);
        Field<NonNullGraphType<DataSourceOriginGraphType>>("origin").Resolve(c => c.Source.Origin);
        Field<NonNullGraphType<BooleanGraphType>>("isDefault")
            .Description("True for the source used when a request names none.")
            .Resolve(c => c.Source.IsDefault);
        Field<NonNullGraphType<BooleanGraphType>>("hasSecret").Resolve(c => c.Source.HasSecret);
        Field<IntGraphType>("queryTimeoutSeconds")
            .Description("The source's default time limit; null means the server's.")
            .Resolve(c => c.Source.Limits.QueryTimeoutSeconds);
        Field<IntGraphType>("cacheTtlSeconds")
            .Description("How long runQuery results stay cached (0: not cached); null means the server's default.")
            .Resolve(c => c.Source.Limits.CacheTtlSeconds);
        Field<NonNullGraphType<IntGraphType>>("revision")
            .Description("Counts changes to how the source is reached.")
            .Resolve(c => c.Source.Revision);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("createdAt").Resolve(c => c.Source.CreatedAt);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("updatedAt").Resolve(c => c.Source.UpdatedAt);
        Field<NonNullGraphType<DataSourceStatusGraphType>>("status")
            .Description("The latest health check (the server checks every source on an interval).")
            .Resolve(c => c.Source.Status);
        Field<NonNullGraphType<DataSourceSchemaGraphType>>("schema")
            .Description("Tables and columns, read from the engine and cached; refreshDataSourceSchema reads them again.")
            .ResolveAsync(async c => await c.SendAsync(new GetDataSourceSchemaQuery(c.Source.Id)));
    }
}
