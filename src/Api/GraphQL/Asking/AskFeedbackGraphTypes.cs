using GraphQL.Types;
using Kurobe.Application.Asking.GiveAskFeedback;
using Kurobe.Application.Asking.Ports;

namespace Kurobe.Api.GraphQL.Asking;

/// <summary>The arguments of <c>askFeedback</c>, as the client sent them.</summary>
internal sealed class AskFeedbackInput
{
    public string AskId { get; set; } = "";

    public AskRating Rating { get; set; }

    public string? CorrectedSql { get; set; }
}

internal sealed class AskFeedbackInputGraphType : InputObjectGraphType<AskFeedbackInput>
{
    public AskFeedbackInputGraphType()
    {
        Name = "AskFeedbackInput";
        Field<NonNullGraphType<IdGraphType>>("askId");
        Field<NonNullGraphType<AskRatingGraphType>>("rating");
        Field<StringGraphType>("correctedSql").Description("SQL that answers the question correctly; it must pass the gate and the source's check.");
    }
}

internal sealed class AskFeedbackPayloadGraphType : ObjectGraphType<AskFeedbackResult>
{
    public AskFeedbackPayloadGraphType()
    {
        Name = "AskFeedbackPayload";
        Field<NonNullGraphType<IdGraphType>>("askId").Resolve(c => c.Source.AskId.ToString("D"));
        Field<NonNullGraphType<AskRatingGraphType>>("rating").Resolve(c => c.Source.Rating);
        Field<VerifiedExampleGraphType>("verifiedExample")
            .Description("The verified example the feedback made of the question and its SQL; null for DOWN without correctedSql.")
            .Resolve(c => c.Source.Example);
    }
}

internal sealed class VerifiedExampleGraphType : ObjectGraphType<VerifiedExampleEntry>
{
    public VerifiedExampleGraphType()
    {
        Name = "VerifiedExample";
        Description = "A question and SQL a person verified; engines get them as examples for later questions on the source.";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => c.Source.Id.ToString("D"));
        Field<NonNullGraphType<IdGraphType>>("dataSourceId").Resolve(c => c.Source.DataSourceId.ToString());
        Field<NonNullGraphType<StringGraphType>>("question").Resolve(c => c.Source.Question);
        Field<NonNullGraphType<StringGraphType>>("sql").Resolve(c => c.Source.Sql);
        Field<IdGraphType>("askId").Resolve(c => c.Source.AskId?.ToString("D"));
        Field<NonNullGraphType<StringGraphType>>("createdBy").Resolve(c => c.Source.CreatedBy);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("createdAt").Resolve(c => c.Source.CreatedAt);
    }
}

internal sealed class DeleteVerifiedExamplePayloadGraphType : ObjectGraphType<Guid>
{
    public DeleteVerifiedExamplePayloadGraphType()
    {
        Name = "DeleteVerifiedExamplePayload";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => c.Source.ToString("D"));
    }
}
