using Kurobe.Application.Common;
using Kurobe.Application.Common.Errors;
using Kurobe.Domain.DataSources;

namespace Kurobe.Api.GraphQL.DataSources;

/// <summary>Reads the data source input objects into the application's commands. Omitted and null fields differ.</summary>
internal static class DataSourceInputs
{
    private static readonly string[] ConnectionFields = ["duckdb", "postgres", "trino"];

    public static DataSourceConnection? Connection(IDictionary<string, object?> input, bool required)
    {
        var given = ConnectionFields.Where(input.ContainsKey).ToList();
        if (given.Count > 1 || (required && given.Count == 0))
        {
            throw new RequestValidationException([new InputFailure("input", "Give exactly one of duckdb, postgres or trino.")]);
        }

        if (given.Count == 0)
        {
            return null;
        }

        var fields = input[given[0]] as IDictionary<string, object?>
            ?? throw new RequestValidationException([new InputFailure(given[0], $"{given[0]} cannot be null.")]);
        return given[0] switch
        {
            "duckdb" => new DuckDbConnection((string)fields["path"]!),
            "postgres" => new PostgresConnection(
                (string)fields["host"]!,
                Optional<int?>(fields, "port") ?? PostgresConnection.DefaultPort,
                (string)fields["database"]!,
                (string)fields["username"]!,
                Optional<PostgresSslMode?>(fields, "sslMode") ?? PostgresSslMode.Prefer),
            _ => new TrinoConnection(
                Uri.TryCreate((string)fields["endpoint"]!, UriKind.Absolute, out var endpoint)
                    ? endpoint
                    : throw new RequestValidationException([new InputFailure("trino.endpoint", "The endpoint must be an absolute URL.")]),
                (string)fields["user"]!,
                Optional<string?>(fields, "catalog"),
                Optional<string?>(fields, "schema"),
                Optional<TrinoAuthentication?>(fields, "authentication") ?? TrinoAuthentication.None),
        };
    }

    public static T? Optional<T>(IDictionary<string, object?> input, string field) =>
        input.TryGetValue(field, out var value) && value is not null ? (T)value : default;

    public static Change<T> ChangeOf<T>(IDictionary<string, object?> input, string field) =>
        input.TryGetValue(field, out var value) ? Change.To(value is null ? default! : (T)value) : Change.Keep<T>();
}
