namespace Kurobe.Infrastructure.IntegrationTests.Services;

/// <summary>
/// The real PostgreSQL and Redis the integration tests use, found through environment variables that
/// <c>scripts/services.sh start</c> prints. Without them the tests skip with a clear message, unless
/// <c>KUROBE_TEST_SERVICES_REQUIRED=1</c> (as in CI), where a missing service fails the run instead.
/// </summary>
public static class TestServices
{
    public static string PostgresConnectionString => Require("KUROBE_TEST_POSTGRES", "PostgreSQL");

    public static string RedisConfiguration => Require("KUROBE_TEST_REDIS", "Redis");

    /// <summary>The Redis server's pid file, for tests that stop and pause it.</summary>
    public static string RedisPidFile => Require("KUROBE_TEST_REDIS_PIDFILE", "Redis");

    private static string Require(string variable, string service)
    {
        var value = Environment.GetEnvironmentVariable(variable);
        if (!string.IsNullOrWhiteSpace(value))
        {
            return value;
        }

        var message = $"{service} is not available: run `scripts/services.sh start` and export what it prints ({variable}).";
        if (Environment.GetEnvironmentVariable("KUROBE_TEST_SERVICES_REQUIRED") == "1")
        {
            throw new InvalidOperationException(message);
        }

        Assert.Skip(message);
        return "";
    }
}
