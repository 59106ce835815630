using Kurobe.Application.Common.Errors;
using Kurobe.Application.Querying.Ports;
using Kurobe.Domain.DataSources;
using Kurobe.TrinoFake;

namespace Kurobe.Infrastructure.IntegrationTests.Trino;

/// <summary>Each test runs its own coordinator, since the fake's required credentials are server-wide.</summary>
public sealed class TrinoAuthenticationTests
{
    private const string Sql = "SELECT 1";
    private const string Password = "pa55-w0rd-that-must-not-leak";
    private static readonly EngineLimits Limits = new(TimeSpan.FromSeconds(30));

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Basic_authentication_sends_the_user_and_the_decrypted_password_on_every_request()
    {
        await using var fake = await StartAsync();
        fake.Server.RequireBasic("alice", Password);

        await using (var cursor = await fake.Connector.OpenAsync(fake.Source(authentication: TrinoAuthentication.Basic, secret: Password), Sql, Limits, Token))
        {
            (await cursor.ReadAsync(10, Token)).RowCount.ShouldBe(1);
        }

        fake.Server.Requests.Count.ShouldBeGreaterThan(2);
        fake.Server.Requests.ShouldAllBe(r => r.Header("Authorization") == fake.Server.RequiredAuthorization);
    }

    [Fact]
    public async Task Bearer_authentication_sends_the_token()
    {
        await using var fake = await StartAsync();
        fake.Server.RequireBearer("eyJ.token.sig");

        await using var cursor = await fake.Connector.OpenAsync(fake.Source(authentication: TrinoAuthentication.Bearer, secret: "eyJ.token.sig"), Sql, Limits, Token);

        (await cursor.ReadAsync(10, Token)).RowCount.ShouldBe(1);
        fake.Server.Requests.ShouldAllBe(r => r.Header("Authorization") == "Bearer eyJ.token.sig");
    }

    [Fact]
    public async Task A_wrong_password_fails_plainly_without_revealing_any_secret()
    {
        await using var fake = await StartAsync();
        fake.Server.RequireBasic("alice", "the-right-one");

        var exception = await Should.ThrowAsync<DataSourceUnavailableException>(
            () => fake.Connector.OpenAsync(fake.Source(authentication: TrinoAuthentication.Basic, secret: Password), Sql, Limits, Token));

        exception.Message.ShouldContain("Authentication failed");
        exception.ToString().ShouldNotContain(Password);
        exception.ToString().ShouldNotContain("the-right-one");
    }

    [Fact]
    public async Task A_source_that_needs_a_secret_and_has_none_fails_before_any_request()
    {
        await using var fake = await StartAsync();

        await Should.ThrowAsync<DataSourceUnavailableException>(
            () => fake.Connector.OpenAsync(fake.Source(authentication: TrinoAuthentication.Bearer), Sql, Limits, Token));

        fake.Server.Requests.ShouldBeEmpty();
    }

    private static async Task<FakeTrinoFixture> StartAsync()
    {
        var fake = new FakeTrinoFixture();
        await fake.InitializeAsync();
        fake.Server.AddScenario(Sql, new TrinoScenario { Columns = [new("_col0", "integer")], RowCount = 1, Row = _ => [1] });
        return fake;
    }
}
