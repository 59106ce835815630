using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Kurobe.Infrastructure.Persistence;

// For `dotnet ef migrations add <Name> --context SqliteKurobeDbContext|PostgresKurobeDbContext`: the tools build
// the model from these without a host or a database (see docs/decisions/0005-metadata-store.md).

internal sealed class SqliteKurobeDbContextFactory : IDesignTimeDbContextFactory<SqliteKurobeDbContext>
{
    public SqliteKurobeDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteKurobeDbContext>()
            .UseSqlite($"Data Source={MetadataStoreOptions.SqliteFileName}")
            .Options);
}

internal sealed class PostgresKurobeDbContextFactory : IDesignTimeDbContextFactory<PostgresKurobeDbContext>
{
    public PostgresKurobeDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresKurobeDbContext>()
            .UseNpgsql("Host=localhost;Database=kurobe")
            .Options);
}
