using GraphQL.Types;
using Kurobe.Api.GraphQL.Querying;
using Kurobe.Api.GraphQL.Scalars;
using Kurobe.Api.GraphQL.Visualization;
using Kurobe.Application.Asking.AskStream;

namespace Kurobe.Api.GraphQL.Asking;

internal sealed class AskPhaseGraphType : EnumerationGraphType
{
    public AskPhaseGraphType()
    {
        Name = "AskPhase";
        Description = "The steps of a streamed answer.";
        Add("UNDERSTOOD", AskPhase.Understood, "The engine read the question: explanation, confidence, engine.");
        Add("SQL_READY", AskPhase.SqlReady, "The SQL passed the checks and is about to run: sql.");
        Add("ROWS", AskPhase.Rows, "A batch of rows (repeats); the first carries the columns.");
        Add("CHART", AskPhase.Chart, "A chart recommended from the first batch; follows the first ROWS event.");
        Add("DONE", AskPhase.Done, "The last event of an answer: rowCount, truncated, usage, timings.");
        Add("FAILED", AskPhase.Failed, "The last event of an ask without a (complete) answer: problems.");
    }
}

internal sealed class AskStreamEventGraphType : ObjectGraphType<AskStreamEvent>
{
    public AskStreamEventGraphType()
    {
        Name = "AskStreamEvent";
        Description = "One step of a streamed answer; fields that do not belong to its phase are null.";
        Field<NonNullGraphType<IdGraphType>>("askId").Description("The ask's id in history, for askFeedback.").Resolve(c => c.Source.AskId.ToString("D"));
        Field<NonNullGraphType<AskPhaseGraphType>>("phase").Resolve(c => c.Source.Phase);
        Field<NonNullGraphType<StringGraphType>>("question").Resolve(c => c.Source.Question);
        Field<AskEngineGraphType>("engine").Resolve(c => c.Source.Engine);
        Field<StringGraphType>("explanation").Resolve(c => c.Source.Explanation);
        Field<FloatGraphType>("confidence").Resolve(c => c.Source.Confidence);
        Field<StringGraphType>("sql").Resolve(c => c.Source.Sql);
        Field<ListGraphType<NonNullGraphType<ResultColumnGraphType>>>("columns").Description("On the first ROWS event.").Resolve(c => c.Source.Columns);
        Field<JsonGraphType>("rows").Description("ROWS: this batch's rows, an array of row arrays as queryStream sends them.").Resolve(c => c.Source.Rows);
        Field<NonNullGraphType<IntGraphType>>("rowCount").Description("ROWS: rows so far, this batch included; DONE: the total.").Resolve(c => (int)c.Source.RowCount);
        Field<NonNullGraphType<BooleanGraphType>>("truncated").Resolve(c => c.Source.Truncated);
        Field<ChartGraphType>("chart").Resolve(c => c.Source.Chart);
        Field<ListGraphType<NonNullGraphType<AskProblemGraphType>>>("problems").Description("FAILED: why there is no (complete) answer.").Resolve(c => c.Source.Problems);
        Field<AskUsageGraphType>("usage").Resolve(c => c.Source.Usage);
        Field<AskTimingsGraphType>("timings").Resolve(c => c.Source.Timings);
    }
}
