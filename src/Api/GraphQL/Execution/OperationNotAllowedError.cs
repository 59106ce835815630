using GraphQL.Validation;
using GraphQLParser.AST;

namespace Kurobe.Api.GraphQL.Execution;

/// <summary>The selected operation's type cannot run over this transport (a mutation over GET, a subscription over HTTP).</summary>
internal sealed class OperationNotAllowedError : ValidationError
{
    public OperationNotAllowedError(ValidationContext context, GraphQLOperationDefinition operation, string message)
        : base(context.Document.Source, null, message, operation)
    {
        OperationType = operation.Operation;
    }

    public OperationType OperationType { get; }
}

internal sealed class OperationTypeValidationRule(AllowedOperations allowed, Func<OperationType, string> describe) : ValidationRuleBase
{
    public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context)
    {
        if (context.Operation is { } operation && !allowed.Permits(operation.Operation))
        {
            context.ReportError(new OperationNotAllowedError(context, operation, describe(operation.Operation)));
        }

        return default;
    }
}
