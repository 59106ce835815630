using System.Globalization;
using GraphQL;
using Kurobe.Api.FunctionalTests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Kurobe.Api.FunctionalTests.WebSockets;

/// <summary>
/// The server the WebSocket tests share: the real application in memory, in its own data directory, with limits
/// small enough to hit quickly (init timeout 500 ms, 3 operations per connection, 64 KiB messages) and one test-only
/// hook: a document containing <see cref="ServerFailureHook.Marker"/> makes the executer throw, as an unexpected
/// server failure would.
/// </summary>
public sealed class GraphQLWsServerFixture : IAsyncLifetime
{
    public const int MaxOperationsPerConnection = 3;
    public const int MaxRequestBytes = 64 * 1024;
    public static readonly TimeSpan ConnectionInitTimeout = TimeSpan.FromMilliseconds(500);

    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "kurobe-ws-tests", Guid.NewGuid().ToString("N"));

    public GraphQLWsServerFixture()
    {
        Factory = new GraphQLWsApiFactory();
        Factory
            .WithSetting("Kurobe:Storage:DataDirectory", _dataDirectory)
            .WithSetting("Kurobe:DuckDb:Threads", "2")
            .WithSetting("Kurobe:GraphQL:ConnectionInitTimeout", ConnectionInitTimeout.ToString("c", CultureInfo.InvariantCulture))
            .WithSetting("Kurobe:GraphQL:MaxOperationsPerConnection", MaxOperationsPerConnection.ToString(CultureInfo.InvariantCulture))
            .WithSetting("Kurobe:GraphQL:MaxRequestBytes", MaxRequestBytes.ToString(CultureInfo.InvariantCulture));
    }

    public KurobeApiFactory Factory { get; }

    public ValueTask InitializeAsync()
    {
        // Starts the host (and builds the demo database) once, before the first test.
        _ = Factory.Server;
        return ValueTask.CompletedTask;
    }

    public Task<GraphQLWsTestClient> ConnectAsync() => GraphQLWsTestClient.ConnectAsync(Factory);

    /// <summary>A second connection that is initialised, for looking at the server from the side.</summary>
    public async Task<GraphQLWsTestClient> ConnectAndInitAsync()
    {
        var client = await ConnectAsync();
        await client.InitAndAckAsync();
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        await Factory.DisposeAsync();
        TestDirectories.TryDelete(_dataDirectory);
    }

    private sealed class GraphQLWsApiFactory : KurobeApiFactory
    {
        private static IDocumentExecuter Create(ServiceDescriptor descriptor, IServiceProvider provider) =>
            descriptor.ImplementationInstance as IDocumentExecuter
            ?? descriptor.ImplementationFactory?.Invoke(provider) as IDocumentExecuter
            ?? (IDocumentExecuter)ActivatorUtilities.CreateInstance(provider, descriptor.ImplementationType!);

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services =>
            {
                var original = services.Last(d => d.ServiceType == typeof(IDocumentExecuter));
                services.AddSingleton<IDocumentExecuter>(provider => new ServerFailureHook(Create(original, provider)));
            });
        }
    }
}

[CollectionDefinition(Name)]
public sealed class GraphQLWsTestGroup : ICollectionFixture<GraphQLWsServerFixture>
{
    public const string Name = "GraphQL over WebSocket";
}

/// <summary>
/// Wraps the document executer: for documents carrying the marker (in a comment) it throws instead of returning a
/// result, as an unexpected server failure would (GraphQL.NET turns failures inside execution into errors itself).
/// </summary>
internal sealed class ServerFailureHook(IDocumentExecuter inner) : IDocumentExecuter
{
    public const string Marker = "kurobe-test-server-failure";

    public Task<ExecutionResult> ExecuteAsync(ExecutionOptions options) =>
        options.Query?.Contains(Marker, StringComparison.Ordinal) == true
            ? throw new InvalidOperationException("A simulated server failure.")
            : inner.ExecuteAsync(options);
}

internal static class TestDirectories
{
    public static void TryDelete(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // DuckDB may still hold the file for a moment; the OS cleans temp eventually.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}

/// <summary>Looks at the server's running SQL queries through <c>runningQueries</c>.</summary>
internal static class RunningQueries
{
    private static int _next;

    /// <summary>The running queries whose SQL contains <paramref name="sqlFragment"/>, as (sql, rowsRead).</summary>
    public static async Task<List<(string Sql, double RowsRead)>> FindAsync(GraphQLWsTestClient observer, string sqlFragment)
    {
        var id = $"running-{Interlocked.Increment(ref _next)}";
        var payload = await observer.QueryAsync(id, "{ runningQueries { id sql rowsRead } }");
        return
        [
            .. payload["data"]!["runningQueries"]!.AsArray()
                .Select(q => ((string)q!["sql"]!, (double)q["rowsRead"]!))
                .Where(q => q.Item1.Contains(sqlFragment, StringComparison.Ordinal)),
        ];
    }

    /// <summary>Waits until no running query's SQL contains <paramref name="sqlFragment"/>; false if one still does after the timeout.</summary>
    public static async Task<bool> WaitUntilGoneAsync(GraphQLWsTestClient observer, string sqlFragment, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            if ((await FindAsync(observer, sqlFragment)).Count == 0)
            {
                return true;
            }

            if (DateTime.UtcNow > deadline)
            {
                return false;
            }

            await Task.Delay(50, TestContext.Current.CancellationToken);
        }
    }

    /// <summary>Waits until a running query's SQL contains <paramref name="sqlFragment"/>.</summary>
    public static async Task<(string Sql, double RowsRead)> WaitUntilRunningAsync(GraphQLWsTestClient observer, string sqlFragment, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var found = await FindAsync(observer, sqlFragment);
            if (found.Count > 0)
            {
                return found[0];
            }

            DateTime.UtcNow.ShouldBeLessThan(deadline, $"no running query with '{sqlFragment}'");
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }
    }

}
