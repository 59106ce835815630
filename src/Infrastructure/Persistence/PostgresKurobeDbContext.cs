using Kurobe.Application.Common.Security;
using Microsoft.EntityFrameworkCore;

namespace Kurobe.Infrastructure.Persistence;

/// <summary>The shared store for several server nodes: a PostgreSQL database. Migrations in <c>Migrations/Postgres</c>.</summary>
internal sealed class PostgresKurobeDbContext(DbContextOptions<PostgresKurobeDbContext> options, ICurrentPrincipal? principal = null)
    : KurobeDbContext(options, principal)
{
    public override MetadataStoreProvider Provider => MetadataStoreProvider.Postgres;
}
