using GraphQL.Types;

namespace Kurobe.Api.GraphQL.Asking;

/// <summary>The arguments of <c>ask</c> and <c>askStream</c>, as the client sent them.</summary>
internal sealed class AskInput
{
    public string Question { get; set; } = "";

    public string? DataSourceId { get; set; }

    public string? Engine { get; set; }
}

internal sealed class AskInputGraphType : InputObjectGraphType<AskInput>
{
    public AskInputGraphType()
    {
        Name = "AskInput";
        Description = "A question in plain language.";
        Field<NonNullGraphType<StringGraphType>>("question").Description("The question, 1 to 1,000 characters.");
        Field<IdGraphType>("dataSourceId").Description("The source to ask; the default source when omitted.");
        Field<StringGraphType>("engine").Description("The text-to-SQL profile in engines.yaml; \"default\" when omitted.");
    }
}
