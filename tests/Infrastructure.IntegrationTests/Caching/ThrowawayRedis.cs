using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Kurobe.Infrastructure.IntegrationTests.Caching;

/// <summary>
/// A private redis-server on a free loopback port, for tests that kill and pause Redis: the shared test Redis is
/// never touched. Skips (or, with <c>KUROBE_TEST_SERVICES_REQUIRED=1</c>, fails) when redis-server is not on PATH.
/// </summary>
internal sealed class ThrowawayRedis : IAsyncDisposable
{
    private readonly string _executable;
    private Process? _process;
    private bool _paused;

    private ThrowawayRedis(string executable, int port)
    {
        _executable = executable;
        Port = port;
    }

    public int Port { get; }

    public string Configuration => $"127.0.0.1:{Port}";

    public static async Task<ThrowawayRedis> StartAsync()
    {
        var redis = new ThrowawayRedis(FindExecutable(), FreePort());
        await redis.LaunchAsync();
        return redis;
    }

    /// <summary>A loopback port nothing listens on (at the moment of asking).</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public void Kill()
    {
        if (_process is { HasExited: false } process)
        {
            process.Kill();
            process.WaitForExit();
        }

        _paused = false;
    }

    /// <summary>Freezes the server (SIGSTOP): connections stay open, nothing answers.</summary>
    public void Pause()
    {
        Signal("STOP");
        _paused = true;
    }

    public void Resume()
    {
        Signal("CONT");
        _paused = false;
    }

    /// <summary>Starts a fresh, empty server on the same port.</summary>
    public Task RestartAsync()
    {
        Kill();
        return LaunchAsync();
    }

    public ValueTask DisposeAsync()
    {
        if (_paused)
        {
            Resume();
        }

        Kill();
        _process?.Dispose();
        return ValueTask.CompletedTask;
    }

    private async Task LaunchAsync()
    {
        var start = new ProcessStartInfo(_executable)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[] { "--port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--daemonize", "no" })
        {
            start.ArgumentList.Add(argument);
        }

        _process?.Dispose();
        _process = Process.Start(start) ?? throw new InvalidOperationException("redis-server did not start.");
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        var deadline = Stopwatch.StartNew();
        while (!await AnswersPingAsync())
        {
            if (_process.HasExited || deadline.Elapsed > TimeSpan.FromSeconds(15))
            {
                throw new InvalidOperationException($"redis-server on port {Port} did not answer within 15 s.");
            }

            await Task.Delay(50);
        }
    }

    private async Task<bool> AnswersPingAsync()
    {
        try
        {
            using var client = new TcpClient();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(1));
            await client.ConnectAsync(IPAddress.Loopback, Port, timeout.Token);
            var stream = client.GetStream();
            await stream.WriteAsync("PING\r\n"u8.ToArray(), timeout.Token);
            var buffer = new byte[16];
            var read = await stream.ReadAsync(buffer, timeout.Token);
            return Encoding.ASCII.GetString(buffer, 0, read).StartsWith("+PONG", StringComparison.Ordinal);
        }
        catch (Exception exception) when (exception is SocketException or IOException or OperationCanceledException)
        {
            return false;
        }
    }

    private void Signal(string signal)
    {
        var pid = _process?.Id ?? throw new InvalidOperationException("redis-server is not running.");
        using var kill = Process.Start("kill", [$"-{signal}", pid.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
        if (kill.ExitCode != 0)
        {
            throw new InvalidOperationException($"kill -{signal} {pid} failed with exit code {kill.ExitCode}.");
        }
    }

    private static string FindExecutable()
    {
        var path = (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, "redis-server"))
            .FirstOrDefault(File.Exists);
        if (path is not null)
        {
            return path;
        }

        const string message = "redis-server is not available: install Redis so `redis-server` is on PATH (the outage tests start their own).";
        if (Environment.GetEnvironmentVariable("KUROBE_TEST_SERVICES_REQUIRED") == "1")
        {
            throw new InvalidOperationException(message);
        }

        Assert.Skip(message);
        return "";
    }
}
