using Kurobe.Domain.Common;
using Kurobe.Domain.DataSources;

namespace Kurobe.Domain.UnitTests.DataSources;

public sealed class DataSourceNameTests
{
    [Theory]
    [InlineData("demo")]
    [InlineData("sales_eu-2")]
    [InlineData("a")]
    public void Accepts_lowercase_handles(string name) => DataSourceName.Create(name).Value.ShouldBe(name);

    [Theory]
    [InlineData("")]
    [InlineData("Demo")]
    [InlineData("2fast")]
    [InlineData("_private")]
    [InlineData("has space")]
    [InlineData("emoji🙂")]
    [InlineData("semi;colon")]
    public void Refuses_anything_else_with_a_plain_reason(string name)
    {
        var error = Should.Throw<DomainRuleException>(() => DataSourceName.Create(name));
        error.Message.ShouldContain("lowercase letters");
    }

    [Fact]
    public void Refuses_names_longer_than_63_characters()
    {
        DataSourceName.IsValid(new string('a', 63)).ShouldBeTrue();
        DataSourceName.IsValid(new string('a', 64)).ShouldBeFalse();
    }
}
