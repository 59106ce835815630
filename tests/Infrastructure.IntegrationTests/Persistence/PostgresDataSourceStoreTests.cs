using Npgsql;

namespace Kurobe.Infrastructure.IntegrationTests.Persistence;

public sealed class PostgresDataSourceStoreTests(PostgresStoreFixture fixture)
    : DataSourceStoreTests(fixture), IClassFixture<PostgresStoreFixture>
{
    [Theory]
    [InlineData("id", "uuid")]
    [InlineData("connection", "jsonb")]
    [InlineData("created_at", "timestamp with time zone")]
    [InlineData("updated_at", "timestamp with time zone")]
    public async Task Columns_use_the_native_types(string column, string type)
    {
        _ = fixture.Services;
        await using var connection = new NpgsqlConnection(fixture.ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand(
            "SELECT data_type FROM information_schema.columns WHERE table_schema = 'public' AND table_name = 'data_sources' AND column_name = @column",
            connection);
        command.Parameters.AddWithValue("column", column);
        (await command.ExecuteScalarAsync(TestContext.Current.CancellationToken)).ShouldBe(type);
    }
}
