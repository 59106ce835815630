using Kurobe.Application.Common.Security;
using Microsoft.EntityFrameworkCore;

namespace Kurobe.Infrastructure.Persistence;

/// <summary>The embedded store: one SQLite file in the data directory. Migrations in <c>Migrations/Sqlite</c>.</summary>
internal sealed class SqliteKurobeDbContext(DbContextOptions<SqliteKurobeDbContext> options, ICurrentPrincipal? principal = null)
    : KurobeDbContext(options, principal)
{
    public override MetadataStoreProvider Provider => MetadataStoreProvider.Sqlite;

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite has no timestamp type: fixed-width UTC ISO 8601 text sorts, compares and reads back exactly.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<SqliteTimestampConverter>();
    }
}
