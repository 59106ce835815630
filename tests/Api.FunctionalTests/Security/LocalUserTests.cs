using System.Net;
using Kurobe.Api.FunctionalTests.Infrastructure;

namespace Kurobe.Api.FunctionalTests.Security;

/// <summary>A server with a store of its own, so that its members are only those its tests create.</summary>
public sealed class IsolatedServer : IAsyncDisposable
{
    public KurobeApiFactory Factory { get; } = KurobeApiFactory.WithOwnDataDirectory(out _);

    public ValueTask DisposeAsync() => Factory.DisposeAsync();
}

/// <summary>Local users: created by owners, logging in with a password for a short-lived token; members and roles.</summary>
public sealed class LocalUserTests(IsolatedServer server) : IClassFixture<IsolatedServer>
{
    private KurobeApiFactory Factory => server.Factory;

    private const string Password = "correct horse battery staple";

    [Fact]
    public async Task A_user_created_by_an_owner_logs_in_without_credentials_and_the_token_authenticates_them()
    {
        var email = await CreateUserAsync("ANALYST");
        using var anonymous = Factory.CreateAnonymousClient();

        var (response, body) = await anonymous.PostGraphQLAsAsync(Login(email.ToUpperInvariant(), Password, "default"));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var login = body.GetProperty("data").GetProperty("login");
        login.GetProperty("tokenType").GetString().ShouldBe("Bearer");
        var expiresAt = login.GetProperty("expiresAt").GetDateTimeOffset();
        expiresAt.ShouldBeInRange(DateTimeOffset.UtcNow.AddMinutes(14), DateTimeOffset.UtcNow.AddMinutes(16));
        var token = login.GetProperty("accessToken").GetString()!;

        var (ok, me) = await anonymous.PostGraphQLAsAsync("{ me { kind name role tenant { slug } } }", authorization: $"Bearer {token}");
        ok.StatusCode.ShouldBe(HttpStatusCode.OK);
        var principal = me.GetProperty("data").GetProperty("me");
        principal.GetProperty("kind").GetString().ShouldBe("USER");
        principal.GetProperty("name").GetString().ShouldBe("Test User");
        principal.GetProperty("role").GetString().ShouldBe("ANALYST");
        principal.GetProperty("tenant").GetProperty("slug").GetString().ShouldBe("default");
        response.Dispose();
        ok.Dispose();
    }

    [Fact]
    public async Task A_wrong_password_an_unknown_user_and_an_unknown_tenant_get_the_same_UNAUTHENTICATED_message()
    {
        var email = await CreateUserAsync("VIEWER");
        using var anonymous = Factory.CreateAnonymousClient();

        var messages = new List<string>();
        foreach (var query in new[]
                 {
                     Login(email, "wrong password entirely", "default"),
                     Login("nobody-" + Guid.NewGuid().ToString("N") + "@example.com", Password, "default"),
                     Login(email, Password, "no-such-tenant"),
                 })
        {
            var (response, body) = await anonymous.PostGraphQLAsAsync(query);
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            body.ErrorCode().ShouldBe("UNAUTHENTICATED");
            messages.Add(body.GetProperty("errors")[0].GetProperty("message").GetString()!);
            response.Dispose();
        }

        messages.Distinct().Count().ShouldBe(1);
    }

    [Fact]
    public async Task Only_login_runs_without_credentials()
    {
        using var anonymous = Factory.CreateAnonymousClient();

        var (response, _) = await anonymous.PostGraphQLAsAsync(
            """mutation { login(input: { email: "a@b.c", password: "x", tenant: "default" }) { accessToken } createApiKey(input: { name: "x", role: OWNER }) { secret } }""");

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        response.Dispose();
    }

    [Fact]
    public async Task Owners_manage_members_and_the_last_owner_cannot_be_removed_or_demoted()
    {
        using var owner = Factory.CreateClient();
        var email = await CreateUserAsync("OWNER");
        var members = await owner.PostGraphQLAsync("{ members { userId email role } }", cancellationToken: TestContext.Current.CancellationToken);
        var member = members.GetProperty("data").GetProperty("members").EnumerateArray().Single(m => m.GetProperty("email").GetString() == email);
        var userId = member.GetProperty("userId").GetString()!;
        members.GetProperty("data").GetProperty("members").EnumerateArray().Count(m => m.GetProperty("role").GetString() == "OWNER").ShouldBe(1);

        var demote = await owner.PostGraphQLAsync($$"""mutation { changeMemberRole(userId: "{{userId}}", role: VIEWER) { role } }""", cancellationToken: TestContext.Current.CancellationToken);
        demote.ErrorCode().ShouldBe("CONFLICT");
        var remove = await owner.PostGraphQLAsync($$"""mutation { removeMember(userId: "{{userId}}") { userId } }""", cancellationToken: TestContext.Current.CancellationToken);
        remove.ErrorCode().ShouldBe("CONFLICT");

        var second = await CreateUserAsync("VIEWER");
        var secondId = (await owner.PostGraphQLAsync("{ members { userId email } }", cancellationToken: TestContext.Current.CancellationToken))
            .GetProperty("data").GetProperty("members").EnumerateArray().Single(m => m.GetProperty("email").GetString() == second).GetProperty("userId").GetString()!;
        var changed = await owner.PostGraphQLAsync($$"""mutation { changeMemberRole(userId: "{{secondId}}", role: ADMIN) { role } }""", cancellationToken: TestContext.Current.CancellationToken);
        changed.GetProperty("data").GetProperty("changeMemberRole").GetProperty("role").GetString().ShouldBe("ADMIN");
        var removed = await owner.PostGraphQLAsync($$"""mutation { removeMember(userId: "{{secondId}}") { userId } }""", cancellationToken: TestContext.Current.CancellationToken);
        removed.GetProperty("data").GetProperty("removeMember").GetProperty("userId").GetString().ShouldBe(secondId);

        // Removed from the tenant, the user can no longer log in to it.
        using var anonymous = Factory.CreateAnonymousClient();
        var (_, login) = await anonymous.PostGraphQLAsAsync(Login(second, Password, "default"));
        login.ErrorCode().ShouldBe("UNAUTHENTICATED");
    }

    [Fact]
    public async Task Creating_users_needs_an_owner_and_a_fresh_email()
    {
        var email = await CreateUserAsync("ADMIN");
        using var anonymous = Factory.CreateAnonymousClient();
        var (_, login) = await anonymous.PostGraphQLAsAsync(Login(email, Password, "default"));
        var adminToken = login.GetProperty("data").GetProperty("login").GetProperty("accessToken").GetString()!;

        var (_, forbidden) = await anonymous.PostGraphQLAsAsync(CreateUser("x" + email, "VIEWER"), authorization: $"Bearer {adminToken}");
        forbidden.ErrorCode().ShouldBe("FORBIDDEN");

        using var owner = Factory.CreateClient();
        var duplicate = await owner.PostGraphQLAsync(CreateUser(email, "VIEWER"), cancellationToken: TestContext.Current.CancellationToken);
        duplicate.ErrorCode().ShouldBe("CONFLICT");

        var weak = await owner.PostGraphQLAsync(CreateUser("weak" + email, "VIEWER", "short"), cancellationToken: TestContext.Current.CancellationToken);
        weak.ErrorCode().ShouldBe("BAD_USER_INPUT");
    }

    private async Task<string> CreateUserAsync(string role)
    {
        var email = $"user-{Guid.NewGuid():N}@example.com";
        using var owner = Factory.CreateClient();
        var created = await owner.PostGraphQLAsync(CreateUser(email, role), cancellationToken: TestContext.Current.CancellationToken);
        created.GetProperty("data").GetProperty("createUser").GetProperty("role").GetString().ShouldBe(role);
        return email;
    }

    private static string CreateUser(string email, string role, string password = Password) =>
        $$"""mutation { createUser(input: { email: "{{email}}", displayName: "Test User", password: "{{password}}", role: {{role}} }) { userId email role } }""";

    private static string Login(string email, string password, string tenant) =>
        $$"""mutation { login(input: { email: "{{email}}", password: "{{password}}", tenant: "{{tenant}}" }) { accessToken tokenType expiresAt } }""";
}
