using System.Data.Common;
using Microsoft.EntityFrameworkCore;

namespace Kurobe.Infrastructure.IntegrationTests.Persistence;

public sealed class SqliteDataSourceStoreTests(SqliteStoreFixture fixture)
    : DataSourceStoreTests(fixture), IClassFixture<SqliteStoreFixture>
{
    [Fact]
    public async Task The_store_is_one_file_in_the_data_directory_in_wal_mode_with_foreign_keys_on()
    {
        File.Exists(fixture.DatabasePath).ShouldBeTrue();
        await using var scope = fixture.OpenStore();
        var connection = scope.Context.Database.GetDbConnection();
        await scope.Context.Database.OpenConnectionAsync(TestContext.Current.CancellationToken);
        (await ScalarAsync(connection, "PRAGMA journal_mode")).ShouldBe("wal");
        (await ScalarAsync(connection, "PRAGMA foreign_keys")).ShouldBe(1L);
    }

    [Fact]
    public async Task Timestamps_are_stored_as_sortable_utc_text()
    {
        await using var scope = fixture.OpenStore();
        var connection = scope.Context.Database.GetDbConnection();
        await scope.Context.Database.OpenConnectionAsync(TestContext.Current.CancellationToken);
        var column = await ScalarAsync(connection, "SELECT type FROM pragma_table_info('data_sources') WHERE name = 'created_at'");
        column.ShouldBe("TEXT");
    }

    private static async Task<object?> ScalarAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync(TestContext.Current.CancellationToken);
    }
}
