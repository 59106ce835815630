using Kurobe.Application.Common.Errors;
using Kurobe.Domain.DataSources;

namespace Kurobe.Api.GraphQL;

/// <summary>Turns GraphQL <c>ID</c> inputs into the application's ids, failing with the input's name.</summary>
internal static class GraphQLIds
{
    public static DataSourceId? ParseOptionalDataSourceId(string? id, string inputName)
    {
        if (id is null)
        {
            return null;
        }

        return DataSourceId.TryParse(id, out var parsed)
            ? parsed
            : throw Invalid(inputName, $"{inputName} '{id}' is not a data source id.");
    }

    public static DataSourceId ParseDataSourceId(string id, string inputName) =>
        DataSourceId.TryParse(id, out var parsed) ? parsed : throw Invalid(inputName, $"{inputName} '{id}' is not a data source id.");

    public static Guid ParseGuid(string id, string inputName, string what) =>
        Guid.TryParse(id, out var parsed) ? parsed : throw Invalid(inputName, $"{inputName} '{id}' is not {what}.");

    private static RequestValidationException Invalid(string inputName, string message) =>
        new([new InputFailure(inputName, message)]);
}
