using Kurobe.Application.Common.Errors;
using Kurobe.Domain.DataSources;
using Kurobe.Domain.Tenancy;
using Kurobe.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Kurobe.Infrastructure.IntegrationTests.Persistence;

/// <summary>
/// The metadata store's contract, run against each provider. Tests in a class share one store, so each test uses
/// names of its own. Timestamps are stored in UTC to the microsecond on both providers.
/// </summary>
public abstract class DataSourceStoreTests(MetadataStoreFixture fixture)
{
    public enum ConnectionKind
    {
        DuckDb,
        Postgres,
        Trino,
        TrinoWithoutCatalog,
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Migrations_apply_to_an_empty_store()
    {
        _ = fixture.Services;
        fixture.FirstMigrationExitCode.ShouldBe(0);
        await using var scope = fixture.OpenStore();
        var all = scope.Context.Database.GetMigrations().ToList();
        all.ShouldContain(m => m.EndsWith("_DataSources", StringComparison.Ordinal));
        fixture.PendingBeforeFirstMigration.ShouldBe(all);
        (await scope.Context.Database.GetAppliedMigrationsAsync(Ct)).ShouldBe(all);
    }

    [Fact]
    public async Task Migrating_again_is_a_no_op_even_when_two_run_at_once()
    {
        var results = await Task.WhenAll(
            MetadataStoreCommands.MigrateAsync(fixture.Services, Ct),
            MetadataStoreCommands.MigrateAsync(fixture.Services, Ct));

        results.ShouldBe([0, 0]);
        await using var scope = fixture.OpenStore();
        (await scope.Context.Database.GetPendingMigrationsAsync(Ct)).ShouldBeEmpty();
        (await scope.Context.Database.GetAppliedMigrationsAsync(Ct)).ShouldBe(scope.Context.Database.GetMigrations());
    }

    [Fact]
    public async Task The_model_has_no_changes_missing_from_the_migrations()
    {
        await using var scope = fixture.OpenStore();
        scope.Context.Provider.ShouldBe(fixture.Provider);
        scope.Context.Database.HasPendingModelChanges().ShouldBeFalse(
            "the model changed without a migration: run `dotnet ef migrations add` for each provider (see docs/decisions/0005-metadata-store.md)");
    }

    [Theory]
    [InlineData(ConnectionKind.DuckDb)]
    [InlineData(ConnectionKind.Postgres)]
    [InlineData(ConnectionKind.Trino)]
    [InlineData(ConnectionKind.TrinoWithoutCatalog)]
    public async Task Each_kind_of_source_reads_back_as_it_was_saved(ConnectionKind kind)
    {
        var createdAt = new DateTimeOffset(2026, 5, 6, 7, 8, 9, TimeSpan.FromHours(9)).AddTicks(1_234_567);
        var source = new DataSource(TenantId.Default, new DataSourceId(Guid.NewGuid()), NewName("kind"), Connection(kind), DataSourceOrigin.Api, createdAt);
        if (kind == ConnectionKind.DuckDb)
        {
            source.Reconnect(new DuckDbConnection("/srv/data/other.duckdb"), createdAt.AddMinutes(1));
        }
        else
        {
            source.ReplaceSecret(new ProtectedSecret("CfDJ8-ciphertext+/="), createdAt.AddMinutes(1));
        }

        source.ChangeLimits(new DataSourceLimits(45, 0), createdAt.AddMinutes(2).AddTicks(9));
        await AddAsync(source);

        await using var scope = fixture.OpenStore();
        var byId = await scope.Store.FindAsync(source.Id, Ct);
        var byName = await scope.Store.FindByNameAsync(source.Name, Ct);
        var listed = (await scope.Store.ListAsync(Ct)).Single(s => s.Id == source.Id);

        foreach (var stored in new[] { byId, byName, listed })
        {
            stored.ShouldNotBeNull();
            stored.Id.ShouldBe(source.Id);
            stored.Name.ShouldBe(source.Name);
            stored.Kind.ShouldBe(source.Kind);
            stored.Connection.ShouldBe(source.Connection);
            stored.Connection.GetType().ShouldBe(source.Connection.GetType());
            stored.Secret.ShouldBe(source.Secret);
            stored.Limits.ShouldBe(new DataSourceLimits(45, 0));
            stored.Revision.ShouldBe(2);
            stored.Origin.ShouldBe(DataSourceOrigin.Api);
            stored.IsDefault.ShouldBeFalse();
            stored.CreatedAt.ShouldBe(ToMicroseconds(createdAt));
            stored.CreatedAt.Offset.ShouldBe(TimeSpan.Zero);
            stored.UpdatedAt.ShouldBe(ToMicroseconds(createdAt.AddMinutes(2).AddTicks(9)));
        }
    }

    [Fact]
    public async Task Server_default_limits_and_no_secret_read_back_as_such()
    {
        var source = NewSource("plain");
        await AddAsync(source);

        await using var scope = fixture.OpenStore();
        var stored = (await scope.Store.FindAsync(source.Id, Ct)).ShouldNotBeNull();
        stored.Secret.ShouldBeNull();
        stored.HasSecret.ShouldBeFalse();
        stored.Limits.ShouldBe(DataSourceLimits.ServerDefaults);
        stored.Revision.ShouldBe(1);
    }

    [Fact]
    public async Task Finding_what_is_not_there_gives_null()
    {
        await using var scope = fixture.OpenStore();
        (await scope.Store.FindAsync(new DataSourceId(Guid.NewGuid()), Ct)).ShouldBeNull();
        (await scope.Store.FindByNameAsync(NewName("missing"), Ct)).ShouldBeNull();
    }

    [Fact]
    public async Task Sources_are_listed_by_name_in_ordinal_order()
    {
        var prefix = $"order{Guid.NewGuid():N}"[..20];
        string[] suffixes = ["b", "a_b", "a-b", "ab", "a9"];
        foreach (var suffix in suffixes)
        {
            await AddAsync(NewSource(DataSourceName.Create($"{prefix}{suffix}")));
        }

        await using var scope = fixture.OpenStore();
        var names = (await scope.Store.ListAsync(Ct)).Select(s => s.Name.Value).Where(n => n.StartsWith(prefix, StringComparison.Ordinal)).ToList();
        names.ShouldBe(suffixes.Select(s => prefix + s).Order(StringComparer.Ordinal).ToList());
    }

    [Fact]
    public async Task A_name_can_be_taken_only_once()
    {
        var first = NewSource("taken");
        await AddAsync(first);

        await using var scope = fixture.OpenStore();
        var second = NewSource(first.Name);
        var conflict = await Should.ThrowAsync<ConflictException>(() => scope.Store.AddAsync(second, Ct));
        conflict.Message.ShouldBe($"A data source named '{first.Name}' already exists.");

        // The failed add leaves the store usable.
        var third = NewSource("after-conflict");
        await scope.Store.AddAsync(third, Ct);
        (await scope.Store.FindAsync(third.Id, Ct)).ShouldNotBeNull();
        (await scope.Store.FindAsync(second.Id, Ct)).ShouldBeNull();
    }

    [Fact]
    public async Task Renaming_to_a_taken_name_is_a_conflict()
    {
        var first = NewSource("one");
        var second = NewSource("two");
        await AddAsync(first);
        await AddAsync(second);

        await using var scope = fixture.OpenStore();
        var loaded = (await scope.Store.FindAsync(second.Id, Ct)).ShouldNotBeNull();
        loaded.Rename(first.Name, fixture.Clock.GetUtcNow());
        var conflict = await Should.ThrowAsync<ConflictException>(() => scope.Store.UpdateAsync(loaded, Ct));
        conflict.Message.ShouldBe($"A data source named '{first.Name}' already exists.");
    }

    [Fact]
    public async Task Adding_the_same_id_twice_is_a_conflict()
    {
        var source = NewSource("same-id");
        await AddAsync(source);

        await using var scope = fixture.OpenStore();
        var twin = new DataSource(TenantId.Default, source.Id, NewName("twin"), source.Connection, DataSourceOrigin.Api, source.CreatedAt);
        await Should.ThrowAsync<ConflictException>(() => scope.Store.AddAsync(twin, Ct));
    }

    [Fact]
    public async Task Updates_are_saved_and_can_follow_one_another()
    {
        var source = new DataSource(TenantId.Default, new DataSourceId(Guid.NewGuid()), NewName("edit"), Connection(ConnectionKind.Postgres), DataSourceOrigin.Api, fixture.Clock.GetUtcNow());
        await AddAsync(source);

        await using (var scope = fixture.OpenStore())
        {
            var loaded = (await scope.Store.FindAsync(source.Id, Ct)).ShouldNotBeNull();
            var renamed = NewName("edited");
            loaded.Rename(renamed, fixture.Clock.GetUtcNow());
            await scope.Store.UpdateAsync(loaded, Ct);
            loaded.ReplaceSecret(new ProtectedSecret("new-ciphertext"), fixture.Clock.GetUtcNow());
            await scope.Store.UpdateAsync(loaded, Ct);
            loaded.ChangeLimits(new DataSourceLimits(10, 60), fixture.Clock.GetUtcNow());
            await scope.Store.UpdateAsync(loaded, Ct);
        }

        await using (var scope = fixture.OpenStore())
        {
            var stored = (await scope.Store.FindAsync(source.Id, Ct)).ShouldNotBeNull();
            stored.Name.Value.ShouldStartWith("edited-");
            stored.Secret.ShouldBe(new ProtectedSecret("new-ciphertext"));
            stored.Revision.ShouldBe(2);
            stored.Limits.ShouldBe(new DataSourceLimits(10, 60));
        }
    }

    [Fact]
    public async Task Updated_at_moves_on_update_while_created_at_stays()
    {
        var createdAt = fixture.Clock.GetUtcNow();
        var source = NewSource("times", createdAt);
        await AddAsync(source);

        await using var scope = fixture.OpenStore();
        var loaded = (await scope.Store.FindAsync(source.Id, Ct)).ShouldNotBeNull();
        var renamedAt = createdAt.AddSeconds(30).AddTicks(3);
        loaded.Rename(NewName("times-renamed"), renamedAt);
        await scope.Store.UpdateAsync(loaded, Ct);

        var renamed = (await scope.Store.FindAsync(source.Id, Ct)).ShouldNotBeNull();
        renamed.CreatedAt.ShouldBe(ToMicroseconds(createdAt));
        renamed.UpdatedAt.ShouldBe(ToMicroseconds(renamedAt));

        // A save that left the time alone is stamped by the store's clock.
        fixture.Clock.Advance(TimeSpan.FromMinutes(5));
        renamed.Reconnect(renamed.Connection, renamedAt);
        await scope.Store.UpdateAsync(renamed, Ct);

        var saved = (await scope.Store.FindAsync(source.Id, Ct)).ShouldNotBeNull();
        saved.CreatedAt.ShouldBe(ToMicroseconds(createdAt));
        saved.UpdatedAt.ShouldBe(ToMicroseconds(fixture.Clock.GetUtcNow()));
    }

    [Fact]
    public async Task A_concurrent_edit_is_a_conflict_even_when_the_revision_did_not_move()
    {
        var source = NewSource("race");
        await AddAsync(source);

        await using var first = fixture.OpenStore();
        await using var second = fixture.OpenStore();
        var mine = (await first.Store.FindAsync(source.Id, Ct)).ShouldNotBeNull();
        var theirs = (await second.Store.FindAsync(source.Id, Ct)).ShouldNotBeNull();

        theirs.Rename(NewName("race-theirs"), fixture.Clock.GetUtcNow());
        await second.Store.UpdateAsync(theirs, Ct);

        mine.ChangeLimits(new DataSourceLimits(5, null), fixture.Clock.GetUtcNow());
        var conflict = await Should.ThrowAsync<ConflictException>(() => first.Store.UpdateAsync(mine, Ct));
        conflict.Message.ShouldBe("The data source was changed by someone else; reload it and try again.");

        var stored = (await first.Store.FindAsync(source.Id, Ct)).ShouldNotBeNull();
        stored.Name.ShouldBe(theirs.Name);
        stored.Limits.ShouldBe(DataSourceLimits.ServerDefaults);

        // Reloaded, the edit goes through.
        stored.ChangeLimits(new DataSourceLimits(5, null), fixture.Clock.GetUtcNow());
        await first.Store.UpdateAsync(stored, Ct);
    }

    [Fact]
    public async Task Concurrent_reconnects_are_a_conflict()
    {
        var source = NewSource("reconnect");
        await AddAsync(source);

        await using var first = fixture.OpenStore();
        await using var second = fixture.OpenStore();
        var mine = (await first.Store.FindAsync(source.Id, Ct)).ShouldNotBeNull();
        var theirs = (await second.Store.FindAsync(source.Id, Ct)).ShouldNotBeNull();

        theirs.Reconnect(new DuckDbConnection("/srv/theirs.duckdb"), fixture.Clock.GetUtcNow());
        mine.Reconnect(new DuckDbConnection("/srv/mine.duckdb"), fixture.Clock.GetUtcNow());
        await second.Store.UpdateAsync(theirs, Ct);

        await Should.ThrowAsync<ConflictException>(() => first.Store.UpdateAsync(mine, Ct));
    }

    [Fact]
    public async Task Updating_a_deleted_source_is_not_found()
    {
        var source = NewSource("gone");
        await AddAsync(source);

        await using var first = fixture.OpenStore();
        var mine = (await first.Store.FindAsync(source.Id, Ct)).ShouldNotBeNull();
        await using (var second = fixture.OpenStore())
        {
            (await second.Store.RemoveAsync(source.Id, Ct)).ShouldBeTrue();
        }

        mine.ChangeLimits(new DataSourceLimits(5, 5), fixture.Clock.GetUtcNow());
        var notFound = await Should.ThrowAsync<NotFoundException>(() => first.Store.UpdateAsync(mine, Ct));
        notFound.Message.ShouldContain(source.Name.Value);
    }

    [Fact]
    public async Task Removing_twice_returns_false_the_second_time()
    {
        var source = NewSource("remove");
        await AddAsync(source);

        await using var scope = fixture.OpenStore();
        (await scope.Store.RemoveAsync(source.Id, Ct)).ShouldBeTrue();
        (await scope.Store.RemoveAsync(source.Id, Ct)).ShouldBeFalse();
        (await scope.Store.FindAsync(source.Id, Ct)).ShouldBeNull();
    }

    [Fact]
    public async Task A_source_not_read_from_the_store_cannot_be_updated()
    {
        await using var scope = fixture.OpenStore();
        await Should.ThrowAsync<InvalidOperationException>(() => scope.Store.UpdateAsync(NewSource("unread"), Ct));
    }

    internal static DateTimeOffset ToMicroseconds(DateTimeOffset value)
    {
        var utc = value.ToUniversalTime();
        return utc.AddTicks(-(utc.Ticks % TimeSpan.TicksPerMicrosecond));
    }

    private static DataSourceName NewName(string prefix) => DataSourceName.Create($"{prefix}-{Guid.NewGuid():N}");

    private static DataSourceConnection Connection(ConnectionKind kind) => kind switch
    {
        ConnectionKind.DuckDb => new DuckDbConnection("/srv/data/sales \"q1\".duckdb"),
        ConnectionKind.Postgres => new PostgresConnection("db.internal", 6543, "sales", "reporter", PostgresSslMode.VerifyFull),
        ConnectionKind.Trino => new TrinoConnection(new Uri("https://trino.internal:8443/"), "kurobe", "hive", "sales", TrinoAuthentication.Bearer),
        ConnectionKind.TrinoWithoutCatalog => new TrinoConnection(new Uri("http://trino:8080"), "kurobe", null, null, TrinoAuthentication.None),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    private DataSource NewSource(string prefix, DateTimeOffset? createdAt = null) => NewSource(NewName(prefix), createdAt);

    private DataSource NewSource(DataSourceName name, DateTimeOffset? createdAt = null) =>
        new(TenantId.Default, new DataSourceId(Guid.NewGuid()), name, new DuckDbConnection("/srv/data/test.duckdb"), DataSourceOrigin.Api, createdAt ?? fixture.Clock.GetUtcNow());

    private async Task AddAsync(DataSource source)
    {
        await using var scope = fixture.OpenStore();
        await scope.Store.AddAsync(source, Ct);
    }
}
