using System.Diagnostics;
using System.Security.Claims;
using GraphQL;
using GraphQL.Transport;
using GraphQL.Types;
using GraphQL.Validation;
using GraphQL.Validation.Complexity;
using GraphQL.Validation.Rules.Custom;
using GraphQLParser.AST;
using Kurobe.Api.GraphQL.Errors;
using Kurobe.Application.Common.Diagnostics;
using Microsoft.Extensions.Options;

namespace Kurobe.Api.GraphQL.Execution;

/// <summary>How a transport runs one operation: who asks, through what, and which operation types it can carry.</summary>
internal sealed record GraphQLOperationContext(
    IServiceProvider RequestServices,
    ClaimsPrincipal User,
    AllowedOperations AllowedOperations,
    Func<OperationType, string> DescribeNotAllowed,
    GraphQLUserContext UserContext);

/// <summary>Parses, validates (with Kurobe's limits) and executes GraphQL requests for every transport alike.</summary>
internal sealed class GraphQLExecutor
{
    private readonly IDocumentExecuter _executer;
    private readonly ISchema _schema;
    private readonly GraphQLErrorMapping _errors;
    private readonly IValidationRule[] _limits;

    public GraphQLExecutor(IDocumentExecuter executer, ISchema schema, GraphQLErrorMapping errors, IOptions<GraphQLServerOptions> options)
    {
        _executer = executer;
        _schema = schema;
        _errors = errors;
        var settings = options.Value;
        _limits =
        [
            new ComplexityValidationRule(new ComplexityOptions
            {
                MaxDepth = settings.MaxQueryDepth,
                MaxComplexity = settings.MaxQueryComplexity,
            }),
            .. settings.EnableIntrospection ? Array.Empty<IValidationRule>() : [NoIntrospectionValidationRule.Instance],
        ];
    }

    public async Task<ExecutionResult> ExecuteAsync(GraphQLRequest request, GraphQLOperationContext context, CancellationToken cancellationToken)
    {
        using var activity = KurobeDiagnostics.ActivitySource.StartActivity("graphql.execute");
        var result = await _executer.ExecuteAsync(new ExecutionOptions
        {
            Schema = _schema,
            Query = request.Query,
            OperationName = request.OperationName,
            Variables = request.Variables,
            Extensions = request.Extensions,
            RequestServices = context.RequestServices,
            User = context.User,
            UserContext = context.UserContext,
            CancellationToken = cancellationToken,
            ValidationRules =
            [
                .. DocumentValidator.CoreRules,
                new OperationTypeValidationRule(context.AllowedOperations, context.DescribeNotAllowed),
                .. _limits,
            ],
            UnhandledExceptionDelegate = _errors.HandleUnhandledExceptionAsync,
            ThrowOnUnhandledException = false,
        });
        if (activity is not null)
        {
            activity.SetTag("graphql.operation.name", request.OperationName ?? result.Operation?.Name?.StringValue);
            activity.SetTag("graphql.operation.type", result.Operation?.Operation.ToString().ToLowerInvariant());
            if (result.Errors is { Count: > 0 } errors)
            {
                activity.SetTag("graphql.error.codes", string.Join(',', errors.Select(e => _errors.GetInfo(e).Extensions?["code"]).Distinct()));
                if (!result.Executed)
                {
                    activity.SetStatus(ActivityStatusCode.Error);
                }
            }
        }

        return result;
    }
}
