using Kurobe.Infrastructure.Demo;
using Microsoft.Extensions.Logging.Abstractions;

namespace Kurobe.Infrastructure.IntegrationTests.Demo;

[Collection(SharedDemoDatabase.Name)]
public sealed class DemoDatabaseDeterminismTests(DemoDatabaseFixture fixture) : IDisposable
{
    private readonly TempDirectory _directory = new();

    /// <summary>
    /// Bytes are compared at scale 1; from about scale 5 on DuckDB leaves uninitialised gaps in full string blocks
    /// (see <see cref="DemoDatabaseBuilder"/>), where only the content fingerprint is guaranteed to match.
    /// </summary>
    [Fact]
    public async Task Building_the_same_scale_twice_gives_an_identical_file()
    {
        var path = _directory.Combine("demo.duckdb");

        await BuildAsync(path, scale: 1);

        (await DemoDatabaseFixture.HashFileAsync(path)).ShouldBe(fixture.FileSha256);
        using var rebuilt = DemoDatabaseReader.Open(path);
        rebuilt.ContentFingerprint().ShouldBe(fixture.Database.ContentFingerprint());
    }

    [Fact]
    public async Task A_different_scale_gives_different_data()
    {
        var path = _directory.Combine("demo.duckdb");

        await BuildAsync(path, scale: 2);

        using var scaled = DemoDatabaseReader.Open(path);
        scaled.Count("SELECT count(*) FROM customers").ShouldBe(4_000);
        scaled.Count("SELECT count(*) FROM products").ShouldBe(300);
        scaled.Count("SELECT count(*) FROM orders").ShouldBe(200_000);
        scaled.ContentFingerprint().ShouldNotBe(fixture.Database.ContentFingerprint());
        scaled.Text("SELECT customer_name FROM customers WHERE customer_id = 1")
            .ShouldNotBe(fixture.Database.Text("SELECT customer_name FROM customers WHERE customer_id = 1"));
    }

    public void Dispose() => _directory.Dispose();

    private static Task BuildAsync(string path, int scale) =>
        new DemoDatabaseBuilder(NullLogger<DemoDatabaseBuilder>.Instance).BuildAsync(path, scale, TestContext.Current.CancellationToken);
}
