using GraphQL;
using GraphQL.Types;
using Kurobe.Api.FunctionalTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Kurobe.Api.FunctionalTests.Schema;

/// <summary>
/// The GraphQL schema is a public contract. Any change must show up as a reviewed diff of schema.graphql: when the
/// printed schema differs, the test writes schema.received.graphql beside it and fails. Review the difference; if it
/// is intended, copy the received file over schema.graphql (or run the tests once with KUROBE_ACCEPT_SCHEMA=1).
/// </summary>
public sealed class SchemaSnapshotTests(KurobeApiFactory factory) : IClassFixture<KurobeApiFactory>
{
    [Fact]
    public void The_printed_schema_matches_the_committed_schema_graphql()
    {
        var schema = factory.Services.GetRequiredService<ISchema>();
        var printed = schema.Print(new() { IncludeDescriptions = true, IncludeDeprecationReasons = true }).ReplaceLineEndings("\n").TrimEnd() + "\n";

        var committedPath = RepositoryFiles.PathOf("schema.graphql");
        var receivedPath = RepositoryFiles.PathOf("schema.received.graphql");
        var committed = File.Exists(committedPath) ? File.ReadAllText(committedPath).ReplaceLineEndings("\n") : "";
        if (committed == printed)
        {
            File.Delete(receivedPath);
            return;
        }

        if (Environment.GetEnvironmentVariable("KUROBE_ACCEPT_SCHEMA") == "1")
        {
            File.WriteAllText(committedPath, printed);
            return;
        }

        File.WriteAllText(receivedPath, printed);
        Assert.Fail($"The GraphQL schema changed. Compare schema.graphql with schema.received.graphql; if the change is intended, copy the received file over schema.graphql.");
    }
}
