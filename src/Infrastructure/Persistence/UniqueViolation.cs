using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Kurobe.Infrastructure.Persistence;

/// <summary>Recognises a unique-constraint violation on either provider, and which constraint it was.</summary>
internal static class UniqueViolation
{
    private const int SqliteConstraintUnique = 2067;
    private const int SqliteConstraintPrimaryKey = 1555;

    /// <summary>True when saving broke a unique index or primary key; <paramref name="onPrimaryKey"/> tells which.</summary>
    public static bool Matches(DbUpdateException exception, out bool onPrimaryKey)
    {
        switch (exception.InnerException)
        {
            case PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } postgres:
                onPrimaryKey = postgres.ConstraintName?.StartsWith("pk_", StringComparison.Ordinal) == true;
                return true;
            case SqliteException { SqliteExtendedErrorCode: SqliteConstraintUnique or SqliteConstraintPrimaryKey } sqlite:
                onPrimaryKey = sqlite.SqliteExtendedErrorCode == SqliteConstraintPrimaryKey;
                return true;
            default:
                onPrimaryKey = false;
                return false;
        }
    }
}
