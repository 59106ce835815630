using System.Net;
using Kurobe.Api.FunctionalTests.Infrastructure;
using Kurobe.Application.Identity.Ports;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Kurobe.Api.FunctionalTests.Security;

/// <summary>The first start: the default tenant and its bootstrap owner key, from the environment or generated.</summary>
public sealed class BootstrapTests
{
    [Fact]
    public async Task Without_KUROBE_BOOTSTRAP_API_KEY_a_key_is_generated_into_an_owner_only_file_and_works()
    {
        var directory = Path.Combine(Path.GetTempPath(), "kurobe-functional-tests", $"{Environment.ProcessId}-{Guid.NewGuid():N}");
        string key;
        await using (var factory = KurobeApiFactory.InDataDirectory(directory, deleteOnDispose: false).WithSetting("KUROBE_BOOTSTRAP_API_KEY", null))
        {
            factory.DefaultApiKey = null;
            using var client = factory.CreateAnonymousClient();
            var path = Path.Combine(directory, "bootstrap-api-key");
            File.Exists(path).ShouldBeTrue();
            if (!OperatingSystem.IsWindows())
            {
                File.GetUnixFileMode(path).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }

            key = (await File.ReadAllTextAsync(path, TestContext.Current.CancellationToken)).Trim();
            key.ShouldNotBe(KurobeApiFactory.BootstrapApiKey);
            var (response, body) = await client.PostGraphQLAsAsync("{ me { name role } }", authorization: $"Bearer {key}");
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            body.GetProperty("data").GetProperty("me").GetProperty("role").GetString().ShouldBe("OWNER");
            response.Dispose();
        }

        // A second start on the same store changes nothing: same tenant, same single bootstrap key, same file.
        await using var again = KurobeApiFactory.InDataDirectory(directory, deleteOnDispose: true).WithSetting("KUROBE_BOOTSTRAP_API_KEY", null);
        again.DefaultApiKey = key;
        using var second = again.CreateClient();
        var keys = await second.PostGraphQLAsync("{ apiKeys { name } }", cancellationToken: TestContext.Current.CancellationToken);
        keys.TryGetProperty("data", out _).ShouldBeTrue(keys.GetRawText());
        keys.GetProperty("data").GetProperty("apiKeys").EnumerateArray().Select(k => k.GetProperty("name").GetString()).ShouldBe(["bootstrap"]);
        (await File.ReadAllTextAsync(Path.Combine(directory, "bootstrap-api-key"), TestContext.Current.CancellationToken)).Trim().ShouldBe(key);
        await using var scope = again.Services.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<IIdentityStore>();
        (await store.FindTenantBySlugAsync("default", TestContext.Current.CancellationToken)).ShouldNotBeNull();
    }

    [Fact]
    public async Task KUROBE_BOOTSTRAP_API_KEY_becomes_the_owner_key_and_no_file_is_written()
    {
        await using var factory = KurobeApiFactory.WithOwnDataDirectory(out var directory);
        using var client = factory.CreateClient();

        var me = await client.PostGraphQLAsync("{ me { kind name role } }", cancellationToken: TestContext.Current.CancellationToken);

        me.GetProperty("data").GetProperty("me").GetProperty("name").GetString().ShouldBe("bootstrap");
        me.GetProperty("data").GetProperty("me").GetProperty("role").GetString().ShouldBe("OWNER");
        File.Exists(Path.Combine(directory, "bootstrap-api-key")).ShouldBeFalse();
    }

    [Fact]
    public void A_malformed_KUROBE_BOOTSTRAP_API_KEY_stops_the_server_at_start()
    {
        using var factory = KurobeApiFactory.WithOwnDataDirectory(out _).WithSetting("KUROBE_BOOTSTRAP_API_KEY", "kb_not-a-valid-key");

        var error = Should.Throw<OptionsValidationException>(() => factory.CreateClient());

        error.Message.ShouldContain("KUROBE_BOOTSTRAP_API_KEY");
    }
}
