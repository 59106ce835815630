using GraphQL;
using GraphQL.Types;
using Kurobe.Api.GraphQL.Execution;
using Kurobe.Application.Asking.Ask;
using Kurobe.Application.Asking.AskStream;
using Kurobe.Application.Asking.DeleteVerifiedExample;
using Kurobe.Application.Asking.GetAskHistory;
using Kurobe.Application.Asking.GiveAskFeedback;
using Kurobe.Application.Asking.ListVerifiedExamples;

namespace Kurobe.Api.GraphQL.Asking;

internal sealed class AskingQueryFields : IQueryFields
{
    public void AddTo(ObjectGraphType query)
    {
        query.Field<NonNullGraphType<AskHistoryConnectionGraphType>>("askHistory")
            .Description("The tenant's asks, newest first.")
            .Argument<IntGraphType>("first", "How many, 1 to 100; 20 when omitted.")
            .Argument<StringGraphType>("after", "The endCursor of the previous page.")
            .ResolveAsync(async context => await context.SendAsync(
                new GetAskHistoryQuery(context.GetArgument<int?>("first") ?? 20, context.GetArgument<string?>("after"))));

        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<VerifiedExampleGraphType>>>>("verifiedExamples")
            .Description("The tenant's verified examples for a source, newest first.")
            .Argument<NonNullGraphType<IdGraphType>>("dataSourceId")
            .ResolveAsync(async context => await context.SendAsync(
                new ListVerifiedExamplesQuery(GraphQLIds.ParseDataSourceId(context.GetArgument<string>("dataSourceId"), "dataSourceId"))));
    }
}

internal sealed class AskingMutationFields : IMutationFields
{
    public void AddTo(ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<AskResultGraphType>>("ask")
            .Description("Answers a question in plain language: an engine writes SQL, which is checked, run like runQuery and charted. "
                + "A question the engine cannot answer is a result with sql and rows null and a CANNOT_ANSWER problem, not an error.")
            .Argument<NonNullGraphType<AskInputGraphType>>("input")
            .ResolveAsync(async context =>
            {
                var input = context.GetArgument<AskInput>("input");
                return await context.SendAsync(new AskCommand(
                    input.Question, GraphQLIds.ParseOptionalDataSourceId(input.DataSourceId, "dataSourceId"), input.Engine));
            });

        mutation.Field<NonNullGraphType<AskFeedbackPayloadGraphType>>("askFeedback")
            .Description("Rates an answer. UP, or a correctedSql that passes the gate and the source's check, makes the question and SQL a verified example.")
            .Argument<NonNullGraphType<AskFeedbackInputGraphType>>("input")
            .ResolveAsync(async context =>
            {
                var input = context.GetArgument<AskFeedbackInput>("input");
                return await context.SendAsync(new GiveAskFeedbackCommand(
                    GraphQLIds.ParseGuid(input.AskId, "askId", "an ask id"), input.Rating, input.CorrectedSql));
            });

        mutation.Field<NonNullGraphType<DeleteVerifiedExamplePayloadGraphType>>("deleteVerifiedExample")
            .Description("Deletes a verified example; later questions no longer get it.")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .ResolveAsync(async context => await context.SendAsync(
                new DeleteVerifiedExampleCommand(GraphQLIds.ParseGuid(context.GetArgument<string>("id"), "id", "a verified example id"))));
    }
}

internal sealed class AskingSubscriptionFields : ISubscriptionFields
{
    public void AddTo(ObjectGraphType subscription) =>
        subscription.Field<NonNullGraphType<AskStreamEventGraphType>>("askStream")
            .Description("Answers a question step by step: UNDERSTOOD, SQL_READY, ROWS (repeated), CHART, then DONE, or FAILED with the problems. "
                + "Completing the subscription cancels the engine call and the query.")
            .Argument<NonNullGraphType<AskInputGraphType>>("input")
            .ResolveStream(context =>
            {
                var input = context.GetArgument<AskInput>("input");
                return context.CreateStream(new AskStreamCommand(
                    input.Question, GraphQLIds.ParseOptionalDataSourceId(input.DataSourceId, "dataSourceId"), input.Engine));
            });
}
