using GraphQL.Types;
using Kurobe.Api.GraphQL.Querying;
using Kurobe.Application.DataSources.Schema;
using Kurobe.Plugins.Abstractions;

namespace Kurobe.Api.GraphQL.DataSources;

internal sealed class DataSourceSchemaGraphType : ObjectGraphType<SchemaSnapshot>
{
    public DataSourceSchemaGraphType()
    {
        Name = "DataSourceSchema";
        Description = "The tables and columns of a data source, as its engine describes them.";
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("readAt").Description("When it was read from the engine.").Resolve(c => c.Source.ReadAt);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<TableSchemaGraphType>>>>("tables").Resolve(c => c.Source.Schema.Tables);
    }
}

internal sealed class TableSchemaGraphType : ObjectGraphType<TableSchema>
{
    public TableSchemaGraphType()
    {
        Name = "TableSchema";
        Field<NonNullGraphType<StringGraphType>>("schema").Description("The schema holding the table; catalog.schema for Trino.").Resolve(c => c.Source.Schema);
        Field<NonNullGraphType<StringGraphType>>("name").Resolve(c => c.Source.Name);
        Field<NonNullGraphType<BooleanGraphType>>("isView").Resolve(c => c.Source.IsView);
        Field<FloatGraphType>("rowEstimate")
            .Description("The engine's estimate of the row count, when it keeps one.")
            .Resolve(c => c.Source.RowEstimate is { } rows ? (double)rows : null);
        Field<StringGraphType>("description").Resolve(c => c.Source.Description);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ColumnSchemaGraphType>>>>("columns").Resolve(c => c.Source.Columns);
    }
}

internal sealed class ColumnSchemaGraphType : ObjectGraphType<ColumnSchema>
{
    public ColumnSchemaGraphType()
    {
        Name = "ColumnSchema";
        Field<NonNullGraphType<StringGraphType>>("name").Resolve(c => c.Source.Name);
        Field<NonNullGraphType<StringGraphType>>("type").Description("The engine's own name for the type.").Resolve(c => c.Source.Type);
        Field<NonNullGraphType<ValueKindGraphType>>("kind").Resolve(c => c.Source.Kind);
        Field<NonNullGraphType<BooleanGraphType>>("nullable").Resolve(c => c.Source.Nullable);
        Field<StringGraphType>("description").Resolve(c => c.Source.Description);
    }
}
