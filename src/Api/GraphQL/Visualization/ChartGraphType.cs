using GraphQL.Types;
using Kurobe.Api.GraphQL.Scalars;
using Kurobe.Plugins.Abstractions.Visualization;

namespace Kurobe.Api.GraphQL.Visualization;

internal sealed class ChartGraphType : ObjectGraphType<ChartRecommendation>
{
    public ChartGraphType()
    {
        Name = "Chart";
        Description = "A recommended chart for a result.";
        Field<NonNullGraphType<ChartKindGraphType>>("kind").Resolve(c => c.Source.Kind);
        Field<NonNullGraphType<StringGraphType>>("title").Resolve(c => c.Source.Title);
        Field<NonNullGraphType<StringGraphType>>("reason").Description("Why this chart.").Resolve(c => c.Source.Reason);
        Field<NonNullGraphType<ChartEncodingsGraphType>>("encodings").Resolve(c => c.Source.Encodings);
        Field<NonNullGraphType<JsonGraphType>>("vegaLite")
            .Description("A Vega-Lite v5 specification; bind the result's rows (as objects keyed by column name) to the data named \"result\".")
            .Resolve(c => c.Source.VegaLite);
    }
}

internal sealed class ChartEncodingsGraphType : ObjectGraphType<ChartEncodings>
{
    public ChartEncodingsGraphType()
    {
        Name = "ChartEncodings";
        Description = "Which columns go on which channel; channels the chart does not use are null.";
        Field<FieldEncodingGraphType>("x").Resolve(c => c.Source.X);
        Field<FieldEncodingGraphType>("y").Resolve(c => c.Source.Y);
        Field<FieldEncodingGraphType>("series").Resolve(c => c.Source.Series);
        Field<FieldEncodingGraphType>("value").Resolve(c => c.Source.Value);
    }
}

internal sealed class FieldEncodingGraphType : ObjectGraphType<FieldEncoding>
{
    public FieldEncodingGraphType()
    {
        Name = "FieldEncoding";
        Field<NonNullGraphType<StringGraphType>>("field").Description("The column's name.").Resolve(c => c.Source.Field);
        Field<NonNullGraphType<FieldTypeGraphType>>("type").Resolve(c => c.Source.Type);
        Field<NonNullGraphType<StringGraphType>>("title").Resolve(c => c.Source.Title);
    }
}

internal sealed class ChartKindGraphType : EnumerationGraphType<ChartKind>
{
    public ChartKindGraphType()
    {
        Name = "ChartKind";
    }
}

internal sealed class FieldTypeGraphType : EnumerationGraphType<Kurobe.Plugins.Abstractions.Visualization.FieldType>
{
    public FieldTypeGraphType()
    {
        Name = "FieldType";
        Description = "How a field's values are read, in Vega-Lite's terms.";
    }
}
