using Kurobe.Application.Querying;
using Kurobe.Application.Querying.RunSql;
using Kurobe.Application.Querying.StreamSql;
using Microsoft.Extensions.Options;

namespace Kurobe.Application.UnitTests.Querying;

public sealed class SqlRequestValidatorTests
{
    private static readonly IOptions<QueryOptions> Limits = Options.Create(new QueryOptions { MaxRows = 1_000, MaxStreamRows = 5_000, MaxTimeoutSeconds = 300, MaxSqlLength = 50 });

    [Theory]
    [InlineData("select 1", null, null, true)]
    [InlineData("select 1", 1, 1, true)]
    [InlineData("select 1", 1_000, 300, true)]
    [InlineData("", null, null, false)]
    [InlineData("   ", null, null, false)]
    [InlineData("select 1", 0, null, false)]
    [InlineData("select 1", 1_001, null, false)]
    [InlineData("select 1", -5, null, false)]
    [InlineData("select 1", null, 0, false)]
    [InlineData("select 1", null, 301, false)]
    public void Run_sql_inputs_are_checked(string sql, int? maxRows, int? timeoutSeconds, bool valid) =>
        new RunSqlQueryValidator(Limits, Microsoft.Extensions.Options.Options.Create(new Kurobe.Application.Querying.Caching.ResultCacheOptions())).Validate(new RunSqlQuery(null, sql, maxRows, timeoutSeconds)).IsValid.ShouldBe(valid);

    [Fact]
    public void Sql_longer_than_the_limit_is_refused_with_the_limit_in_the_message()
    {
        var result = new RunSqlQueryValidator(Limits, Microsoft.Extensions.Options.Options.Create(new Kurobe.Application.Querying.Caching.ResultCacheOptions())).Validate(new RunSqlQuery(null, "select " + new string('1', 60), null, null));

        result.Errors.ShouldHaveSingleItem().ErrorMessage.ShouldBe("sql must be at most 50 characters long.");
    }

    [Fact]
    public void A_too_large_run_query_points_to_query_stream()
    {
        var result = new RunSqlQueryValidator(Limits, Microsoft.Extensions.Options.Options.Create(new Kurobe.Application.Querying.Caching.ResultCacheOptions())).Validate(new RunSqlQuery(null, "select 1", 2_000, null));

        result.Errors.ShouldHaveSingleItem().ErrorMessage.ShouldContain("use queryStream");
    }

    [Theory]
    [InlineData(5_000, true)]
    [InlineData(5_001, false)]
    [InlineData(0, false)]
    public void Streams_have_their_own_row_limit(int maxRows, bool valid) =>
        new StreamSqlQueryValidator(Limits).Validate(new StreamSqlQuery(null, "select 1", maxRows, null)).IsValid.ShouldBe(valid);
}
