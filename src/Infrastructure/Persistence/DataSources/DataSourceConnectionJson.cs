using System.Text;
using System.Text.Json;
using Kurobe.Domain.DataSources;

namespace Kurobe.Infrastructure.Persistence.DataSources;

/// <summary>
/// Writes a <see cref="DataSourceConnection"/> as JSON with a <c>kind</c> discriminator, and reads it back. Written by
/// hand so the stored format is explicit, stable and reviewed, and the Domain needs no serialization attributes.
/// </summary>
/// <example><c>{"kind":"postgres","host":"db","port":5432,"database":"sales","username":"kurobe","sslMode":"require"}</c></example>
internal static class DataSourceConnectionJson
{
    public static string KindName(DataSourceKind kind) => kind switch
    {
        DataSourceKind.DuckDb => "duckdb",
        DataSourceKind.Postgres => "postgres",
        DataSourceKind.Trino => "trino",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown data source kind."),
    };

    public static string Write(DataSourceConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("kind", KindName(connection.Kind));
            switch (connection)
            {
                case DuckDbConnection duckDb:
                    json.WriteString("path", duckDb.Path);
                    break;
                case PostgresConnection postgres:
                    json.WriteString("host", postgres.Host);
                    json.WriteNumber("port", postgres.Port);
                    json.WriteString("database", postgres.Database);
                    json.WriteString("username", postgres.Username);
                    json.WriteString("sslMode", SslModeName(postgres.SslMode));
                    break;
                case TrinoConnection trino:
                    json.WriteString("endpoint", trino.Endpoint.OriginalString);
                    json.WriteString("user", trino.User);
                    json.WriteString("catalog", trino.Catalog);
                    json.WriteString("schema", trino.Schema);
                    json.WriteString("authentication", AuthenticationName(trino.Authentication));
                    break;
                default:
                    throw new ArgumentException($"Cannot store a {connection.GetType().Name}.", nameof(connection));
            }

            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    public static DataSourceConnection Read(string text)
    {
        using var document = JsonDocument.Parse(text);
        var json = document.RootElement;
        var kind = Text(json, "kind");
        return kind switch
        {
            "duckdb" => new DuckDbConnection(Text(json, "path")),
            "postgres" => new PostgresConnection(
                Text(json, "host"),
                json.GetProperty("port").GetInt32(),
                Text(json, "database"),
                Text(json, "username"),
                ParseSslMode(Text(json, "sslMode"))),
            "trino" => new TrinoConnection(
                new Uri(Text(json, "endpoint"), UriKind.Absolute),
                Text(json, "user"),
                OptionalText(json, "catalog"),
                OptionalText(json, "schema"),
                ParseAuthentication(Text(json, "authentication"))),
            _ => throw Corrupt($"unknown kind '{kind}'"),
        };
    }

    private static string SslModeName(PostgresSslMode mode) => mode switch
    {
        PostgresSslMode.Prefer => "prefer",
        PostgresSslMode.Disable => "disable",
        PostgresSslMode.Require => "require",
        PostgresSslMode.VerifyFull => "verify-full",
        _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, "Unknown SSL mode."),
    };

    private static PostgresSslMode ParseSslMode(string name) => name switch
    {
        "prefer" => PostgresSslMode.Prefer,
        "disable" => PostgresSslMode.Disable,
        "require" => PostgresSslMode.Require,
        "verify-full" => PostgresSslMode.VerifyFull,
        _ => throw Corrupt($"unknown SSL mode '{name}'"),
    };

    private static string AuthenticationName(TrinoAuthentication authentication) => authentication switch
    {
        TrinoAuthentication.None => "none",
        TrinoAuthentication.Basic => "basic",
        TrinoAuthentication.Bearer => "bearer",
        _ => throw new ArgumentOutOfRangeException(nameof(authentication), authentication, "Unknown Trino authentication."),
    };

    private static TrinoAuthentication ParseAuthentication(string name) => name switch
    {
        "none" => TrinoAuthentication.None,
        "basic" => TrinoAuthentication.Basic,
        "bearer" => TrinoAuthentication.Bearer,
        _ => throw Corrupt($"unknown Trino authentication '{name}'"),
    };

    private static string Text(JsonElement json, string property) =>
        OptionalText(json, property) ?? throw Corrupt($"'{property}' is missing");

    private static string? OptionalText(JsonElement json, string property) =>
        json.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static InvalidOperationException Corrupt(string problem) =>
        new($"A stored data source connection cannot be read: {problem}.");
}
