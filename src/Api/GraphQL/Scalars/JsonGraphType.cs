using GraphQL.Types;
using GraphQLParser.AST;

namespace Kurobe.Api.GraphQL.Scalars;

/// <summary>Any JSON value. Result rows use it: an array of row arrays, values in column order.</summary>
internal sealed class JsonGraphType : ScalarGraphType
{
    public JsonGraphType()
    {
        Name = "JSON";
        Description = "Any JSON value. Query rows are an array of row arrays in column order: numbers as JSON numbers, "
            + "dates, times and timestamps as ISO-8601 strings, intervals as ISO-8601 durations, bytes as base64.";
    }

    public override object? Serialize(object? value) => value;

    public override object? ParseValue(object? value) => value;

    public override object? ParseLiteral(GraphQLValue value) => value switch
    {
        GraphQLNullValue => null,
        GraphQLBooleanValue boolean => boolean.BoolValue,
        GraphQLStringValue text => (string)text.Value,
        GraphQLIntValue integer => long.Parse(integer.Value.Span, System.Globalization.CultureInfo.InvariantCulture),
        GraphQLFloatValue number => double.Parse(number.Value.Span, System.Globalization.CultureInfo.InvariantCulture),
        GraphQLEnumValue enumeration => (string)enumeration.Name.Value,
        GraphQLListValue list => list.Values?.Select(ParseLiteral).ToList() ?? [],
        GraphQLObjectValue record => record.Fields?.ToDictionary(f => (string)f.Name.Value, f => ParseLiteral(f.Value)) ?? [],
        _ => ThrowLiteralConversionError(value),
    };
}
