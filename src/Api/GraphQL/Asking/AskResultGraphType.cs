using GraphQL.Types;
using Kurobe.Api.GraphQL.Querying;
using Kurobe.Api.GraphQL.Scalars;
using Kurobe.Api.GraphQL.Visualization;
using Kurobe.Application.Asking;

namespace Kurobe.Api.GraphQL.Asking;

internal sealed class AskResultGraphType : ObjectGraphType<AskResult>
{
    public AskResultGraphType()
    {
        Name = "AskResult";
        Description = "An answer to a question, or the problems that stopped it. A question the engine cannot answer has sql and rows null and a CANNOT_ANSWER problem.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("The ask's id in history, for askFeedback.").Resolve(c => c.Source.Id.ToString("D"));
        Field<NonNullGraphType<StringGraphType>>("question").Resolve(c => c.Source.Question);
        Field<IdGraphType>("dataSourceId").Resolve(c => c.Source.DataSourceId?.ToString());
        Field<StringGraphType>("sql").Description("The SQL that answers the question; null when it was not answered.").Resolve(c => c.Source.Sql);
        Field<ListGraphType<NonNullGraphType<ResultColumnGraphType>>>("columns").Resolve(c => c.Source.Columns);
        Field<JsonGraphType>("rows")
            .Description("An array of row arrays, values in column order, as runQuery returns them; null when the question was not answered.")
            .Resolve(c => c.Source.Rows);
        Field<NonNullGraphType<IntGraphType>>("rowCount").Resolve(c => (int)c.Source.RowCount);
        Field<NonNullGraphType<BooleanGraphType>>("truncated").Description("True when the answer had more rows than the server's cap.").Resolve(c => c.Source.Truncated);
        Field<ChartGraphType>("chart").Description("A recommended chart; null when no visualization engine answered.").Resolve(c => c.Source.Chart);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<AskProblemGraphType>>>>("problems")
            .Description("Why there is no (complete) answer; empty when there is one.")
            .Resolve(c => c.Source.Problems);
        Field<AskEngineGraphType>("engine").Description("The text-to-SQL engine that was asked.").Resolve(c => c.Source.Engine);
        Field<StringGraphType>("explanation").Description("How the engine read the question.").Resolve(c => c.Source.Explanation);
        Field<FloatGraphType>("confidence").Description("From 0 to 1, when the engine estimates one.").Resolve(c => c.Source.Confidence);
        Field<AskUsageGraphType>("usage").Description("Tokens and cost, for engines that call a language model.").Resolve(c => c.Source.Usage);
        Field<NonNullGraphType<IntGraphType>>("corrections").Description("How many times the engine was asked to correct its SQL.").Resolve(c => c.Source.Corrections);
        Field<NonNullGraphType<AskTimingsGraphType>>("timings").Resolve(c => c.Source.Timings);
    }
}

internal sealed class AskProblemGraphType : ObjectGraphType<AskProblem>
{
    public AskProblemGraphType()
    {
        Name = "AskProblem";
        Description = "Why a question got no (complete) answer; codes are listed in docs/errors.md.";
        Field<NonNullGraphType<StringGraphType>>("code").Resolve(c => c.Source.Code);
        Field<NonNullGraphType<StringGraphType>>("message").Resolve(c => c.Source.Message);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("suggestions")
            .Description("Rephrasings or terms of the data that would work.")
            .Resolve(c => c.Source.Suggestions);
    }
}

internal sealed class AskEngineGraphType : ObjectGraphType<AskEngine>
{
    public AskEngineGraphType()
    {
        Name = "AskEngine";
        Description = "The text-to-SQL engine profile and provider that answered.";
        Field<NonNullGraphType<StringGraphType>>("provider").Resolve(c => c.Source.Provider);
        Field<NonNullGraphType<StringGraphType>>("profile").Resolve(c => c.Source.Profile);
    }
}

internal sealed class AskUsageGraphType : ObjectGraphType<AskUsage>
{
    public AskUsageGraphType()
    {
        Name = "AskUsage";
        Description = "What the engine's calls to a language model used, corrections included.";
        Field<NonNullGraphType<IntGraphType>>("inputTokens").Resolve(c => (int)Math.Min(c.Source.InputTokens, int.MaxValue));
        Field<NonNullGraphType<IntGraphType>>("outputTokens").Resolve(c => (int)Math.Min(c.Source.OutputTokens, int.MaxValue));
        Field<FloatGraphType>("costUsd").Description("The cost in US dollars, when the engine knows its prices.").Resolve(c => (double?)c.Source.CostUsd);
    }
}

internal sealed class AskTimingsGraphType : ObjectGraphType<AskTimings>
{
    public AskTimingsGraphType()
    {
        Name = "AskTimings";
        Description = "Where an ask spent its time, in milliseconds.";
        Field<NonNullGraphType<FloatGraphType>>("prepareMs").Description("Resolving the source, model, schema, known values and examples.").Resolve(c => Math.Round(c.Source.PrepareMs, 3));
        Field<NonNullGraphType<FloatGraphType>>("engineMs").Description("Calls to the text-to-SQL engine.").Resolve(c => Math.Round(c.Source.EngineMs, 3));
        Field<NonNullGraphType<FloatGraphType>>("checkMs").Description("Checking the generated SQL with the gate and the source.").Resolve(c => Math.Round(c.Source.CheckMs, 3));
        Field<NonNullGraphType<FloatGraphType>>("queryMs").Description("Running the SQL.").Resolve(c => Math.Round(c.Source.QueryMs, 3));
        Field<NonNullGraphType<FloatGraphType>>("totalMs").Resolve(c => Math.Round(c.Source.TotalMs, 3));
    }
}
