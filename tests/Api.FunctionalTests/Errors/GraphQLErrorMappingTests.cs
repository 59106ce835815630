using Kurobe.Api.GraphQL;
using Kurobe.Api.GraphQL.Errors;
using Kurobe.Application.Common.Errors;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Kurobe.Api.FunctionalTests.Errors;

public sealed class GraphQLErrorMappingTests
{
    public static TheoryData<Exception, string> Mappings => new()
    {
        { new RequestValidationException([new InputFailure("sql", "sql must not be empty.")]), ErrorCodes.BadUserInput },
        { new Domain.Common.DomainRuleException("bad name"), ErrorCodes.BadUserInput },
        { new NotFoundException("no such thing"), ErrorCodes.NotFound },
        { new QueryFailedException("Catalog Error"), ErrorCodes.QueryFailed },
        { new QueryTimeoutException(TimeSpan.FromSeconds(3)), ErrorCodes.QueryTimeout },
        { new QueryCancelledException("cancelled"), ErrorCodes.QueryCancelled },
        { new DataSourceUnavailableException("down"), ErrorCodes.DataSourceUnavailable },
        { new InvalidOperationException("secret connection string Password=hunter2"), ErrorCodes.InternalServerError },
    };

    [Theory]
    [MemberData(nameof(Mappings))]
    public void Each_exception_type_has_exactly_one_code(Exception exception, string code)
    {
        var mapping = Mapping("Production");

        var info = mapping.GetInfo(mapping.ToError(exception));

        info.Extensions!["code"].ShouldBe(code);
    }

    [Fact]
    public void Unexpected_failures_hide_their_message_and_details_outside_development()
    {
        var mapping = Mapping("Production");

        var info = mapping.GetInfo(mapping.ToError(new InvalidOperationException("Password=hunter2")));

        info.Message.ShouldNotContain("hunter2");
        info.Extensions!.ContainsKey("details").ShouldBeFalse();
    }

    [Fact]
    public void Development_shows_exception_details_to_the_developer()
    {
        var mapping = Mapping("Development");

        var info = mapping.GetInfo(mapping.ToError(new InvalidOperationException("boom")));

        info.Extensions!["details"].ShouldBeOfType<string>().ShouldContain("boom");
    }

    private static GraphQLErrorMapping Mapping(string environment) =>
        new(Options.Create(new GraphQLServerOptions()), new Environment(environment), NullLogger<GraphQLErrorMapping>.Instance);

    private sealed class Environment(string name) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;

        public string ApplicationName { get; set; } = "Kurobe";

        public string ContentRootPath { get; set; } = "";

        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
