using GraphQL.Transport;
using GraphQLParser;
using GraphQLParser.AST;
using GraphQLParser.Exceptions;

namespace Kurobe.Api.Security;

/// <summary>
/// Recognises the one kind of request served without credentials: a mutation whose root fields are all in a given
/// set (<c>login</c>). Anything it cannot read for sure (a parse error, fragments at the root) needs credentials.
/// </summary>
internal static class AnonymousOperations
{
    public static bool IsAnonymous(GraphQLRequest request, IReadOnlySet<string> anonymousFields)
    {
        if (string.IsNullOrEmpty(request.Query))
        {
            return false;
        }

        GraphQLDocument document;
        try
        {
            document = Parser.Parse(request.Query, new ParserOptions { Ignore = IgnoreOptions.All });
        }
        catch (GraphQLParserException)
        {
            return false;
        }

        var operations = document.Definitions.OfType<GraphQLOperationDefinition>().ToList();
        var operation = request.OperationName is { } name
            ? operations.SingleOrDefault(o => o.Name?.StringValue == name)
            : operations.Count == 1 ? operations[0] : null;
        return operation is { Operation: OperationType.Mutation }
            && operation.SelectionSet.Selections.All(s => s is GraphQLField field && anonymousFields.Contains(field.Name.StringValue));
    }
}
