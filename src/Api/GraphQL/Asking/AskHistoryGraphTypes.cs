using GraphQL.Types;
using Kurobe.Application.Asking;
using Kurobe.Application.Asking.GetAskHistory;
using Kurobe.Application.Asking.Ports;

namespace Kurobe.Api.GraphQL.Asking;

internal sealed class AskHistoryConnectionGraphType : ObjectGraphType<AskHistoryResult>
{
    public AskHistoryConnectionGraphType()
    {
        Name = "AskHistoryConnection";
        Description = "A page of the tenant's asks, newest first.";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<AskHistoryEdgeGraphType>>>>("edges").Resolve(c => c.Source.Entries);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<AskRecordGraphType>>>>("nodes").Resolve(c => c.Source.Entries.Select(e => e.Ask));
        Field<NonNullGraphType<AskHistoryPageInfoGraphType>>("pageInfo").Resolve(c => c.Source);
    }
}

internal sealed class AskHistoryEdgeGraphType : ObjectGraphType<AskHistoryEntry>
{
    public AskHistoryEdgeGraphType()
    {
        Name = "AskHistoryEdge";
        Field<NonNullGraphType<StringGraphType>>("cursor").Resolve(c => c.Source.Cursor);
        Field<NonNullGraphType<AskRecordGraphType>>("node").Resolve(c => c.Source.Ask);
    }
}

internal sealed class AskHistoryPageInfoGraphType : ObjectGraphType<AskHistoryResult>
{
    public AskHistoryPageInfoGraphType()
    {
        Name = "AskHistoryPageInfo";
        Field<NonNullGraphType<BooleanGraphType>>("hasNextPage").Resolve(c => c.Source.HasNextPage);
        Field<StringGraphType>("endCursor").Description("Pass it as after for the next page.").Resolve(c => c.Source.EndCursor);
    }
}

internal sealed class AskRecordGraphType : ObjectGraphType<AskRecord>
{
    public AskRecordGraphType()
    {
        Name = "AskRecord";
        Description = "A question asked, as history keeps it.";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => c.Source.Id.ToString("D"));
        Field<NonNullGraphType<StringGraphType>>("question").Resolve(c => c.Source.Question);
        Field<IdGraphType>("dataSourceId").Resolve(c => c.Source.DataSourceId?.ToString());
        Field<StringGraphType>("sql").Description("The SQL that ran, or the last one the engine wrote.").Resolve(c => c.Source.Sql);
        Field<NonNullGraphType<AskOutcomeGraphType>>("outcome").Resolve(c => c.Source.Outcome);
        Field<StringGraphType>("problemCode").Resolve(c => c.Source.ProblemCode);
        Field<AskEngineGraphType>("engine")
            .Resolve(c => c.Source.EngineProvider is { } provider ? new AskEngine(provider, c.Source.EngineProfile ?? "default") : null);
        Field<NonNullGraphType<StringGraphType>>("askedBy").Description("The id of the principal who asked.").Resolve(c => c.Source.PrincipalId);
        Field<NonNullGraphType<FloatGraphType>>("durationMs").Resolve(c => c.Source.DurationMs);
        Field<NonNullGraphType<IntGraphType>>("rowCount").Resolve(c => (int)c.Source.RowCount);
        Field<AskRatingGraphType>("rating").Resolve(c => c.Source.Rating);
        Field<StringGraphType>("correctedSql").Resolve(c => c.Source.CorrectedSql);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("createdAt").Resolve(c => c.Source.CreatedAt);
    }
}

internal sealed class AskOutcomeGraphType : EnumerationGraphType
{
    public AskOutcomeGraphType()
    {
        Name = "AskOutcome";
        Add("ANSWERED", AskOutcome.Answered, "SQL ran and rows came back.");
        Add("REFUSED", AskOutcome.Refused, "The engine could not answer (or its SQL kept failing).");
        Add("FAILED", AskOutcome.Failed, "An engine or the source failed.");
        Add("CANCELLED", AskOutcome.Cancelled, "The caller left before the answer was complete.");
    }
}

internal sealed class AskRatingGraphType : EnumerationGraphType
{
    public AskRatingGraphType()
    {
        Name = "AskRating";
        Add("UP", AskRating.Up, "The answer is right.");
        Add("DOWN", AskRating.Down, "The answer is wrong.");
    }
}
