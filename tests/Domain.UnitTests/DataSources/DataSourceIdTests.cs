using Kurobe.Domain.DataSources;

namespace Kurobe.Domain.UnitTests.DataSources;

public sealed class DataSourceIdTests
{
    [Fact]
    public void A_configured_source_keeps_its_id_across_restarts_and_machines()
    {
        var id = DataSourceId.ForConfiguredSource(DataSourceName.Create("demo"));

        id.ShouldBe(DataSourceId.ForConfiguredSource(DataSourceName.Create("demo")));
        id.ToString().ShouldBe("4709826e-9df8-50d3-8cd3-56c8b14eecd5");
    }

    [Fact]
    public void Configured_ids_are_rfc_9562_version_5_uuids_that_differ_by_name()
    {
        var demo = DataSourceId.ForConfiguredSource(DataSourceName.Create("demo")).ToString();
        var other = DataSourceId.ForConfiguredSource(DataSourceName.Create("other")).ToString();

        demo[14].ShouldBe('5');
        "89ab".ShouldContain(demo[19]);
        other.ShouldNotBe(demo);
    }

    [Theory]
    [InlineData("4709826e-9df8-50d3-8cd3-56c8b14eecd5", true)]
    [InlineData("not-an-id", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void Parses_only_uuids(string? text, bool valid) => DataSourceId.TryParse(text, out _).ShouldBe(valid);
}
