using Kurobe.Application.DataSources.ListDataSources;
using Kurobe.Application.UnitTests.Fakes;

namespace Kurobe.Application.UnitTests.DataSources;

public sealed class ListDataSourcesQueryHandlerTests
{
    [Fact]
    public async Task Lists_the_default_first_then_by_name()
    {
        var catalog = new FakeDataSources(FakeDataSources.DuckDb("zeta"), FakeDataSources.DuckDb("alpha"), FakeDataSources.DuckDb("demo", isDefault: true));

        var sources = await new ListDataSourcesQueryHandler(catalog, new Kurobe.Application.DataSources.Health.DataSourceStatusBoard()).Handle(new ListDataSourcesQuery(), CancellationToken.None);

        sources.Select(s => s.Name).ShouldBe(["demo", "alpha", "zeta"]);
        sources[0].IsDefault.ShouldBeTrue();
    }
}
