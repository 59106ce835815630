using Kurobe.Infrastructure.Demo;
using Microsoft.Extensions.Logging.Abstractions;

namespace Kurobe.Infrastructure.IntegrationTests.Demo;

public sealed class DemoDatabaseBuilderTests : IDisposable
{
    private static readonly byte[] ExistingContent = "an existing database"u8.ToArray();

    private readonly TempDirectory _directory = new();

    private string DatabasePath => _directory.Combine("demo.duckdb");

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(1001)]
    public async Task Scales_outside_1_to_1000_are_rejected(int scale)
    {
        var builder = new DemoDatabaseBuilder(NullLogger<DemoDatabaseBuilder>.Instance);

        await Should.ThrowAsync<ArgumentOutOfRangeException>(
            () => builder.BuildAsync(DatabasePath, scale, TestContext.Current.CancellationToken));

        _directory.EntryNames().ShouldBeEmpty();
    }

    [Fact]
    public async Task Cancelling_mid_build_leaves_neither_the_database_nor_a_temporary_file()
    {
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var builder = new DemoDatabaseBuilder(
            new CallbackLogger<DemoDatabaseBuilder>(DemoDatabaseBuilder.BatchWrittenEventId, cancellation.Cancel));

        await Should.ThrowAsync<OperationCanceledException>(() => builder.BuildAsync(DatabasePath, 1, cancellation.Token));

        _directory.EntryNames().ShouldBeEmpty();
    }

    [Fact]
    public async Task A_cancelled_token_stops_the_build_before_it_writes_anything()
    {
        var builder = new DemoDatabaseBuilder(NullLogger<DemoDatabaseBuilder>.Instance);

        await Should.ThrowAsync<OperationCanceledException>(() => builder.BuildAsync(DatabasePath, 1, new CancellationToken(canceled: true)));

        _directory.EntryNames().ShouldBeEmpty();
    }

    [Fact]
    public async Task An_existing_database_is_not_overwritten()
    {
        await File.WriteAllBytesAsync(DatabasePath, ExistingContent, TestContext.Current.CancellationToken);
        var builder = new DemoDatabaseBuilder(NullLogger<DemoDatabaseBuilder>.Instance);

        await builder.BuildAsync(DatabasePath, 1, TestContext.Current.CancellationToken);

        (await File.ReadAllBytesAsync(DatabasePath, TestContext.Current.CancellationToken)).ShouldBe(ExistingContent);
        _directory.EntryNames().ShouldBe(["demo.duckdb"]);
    }

    [Fact]
    public async Task A_database_that_appears_during_the_build_is_kept_and_the_temporary_file_removed()
    {
        var builder = new DemoDatabaseBuilder(new CallbackLogger<DemoDatabaseBuilder>(
            DemoDatabaseBuilder.BatchWrittenEventId,
            () => File.WriteAllBytes(DatabasePath, ExistingContent)));

        await builder.BuildAsync(DatabasePath, 1, TestContext.Current.CancellationToken);

        (await File.ReadAllBytesAsync(DatabasePath, TestContext.Current.CancellationToken)).ShouldBe(ExistingContent);
        _directory.EntryNames().ShouldBe(["demo.duckdb"]);
    }

    [Fact]
    public async Task The_database_is_created_together_with_its_missing_directory()
    {
        var nestedPath = Path.Combine(_directory.FullPath, "data", "demo.duckdb");
        var builder = new DemoDatabaseBuilder(NullLogger<DemoDatabaseBuilder>.Instance);

        await builder.BuildAsync(nestedPath, 1, TestContext.Current.CancellationToken);

        Directory.GetFiles(Path.GetDirectoryName(nestedPath)!).Select(Path.GetFileName).ShouldBe(["demo.duckdb"]);
        using var database = DemoDatabaseReader.Open(nestedPath);
        database.Count("SELECT count(*) FROM orders").ShouldBe(100_000);
    }

    public void Dispose() => _directory.Dispose();
}
