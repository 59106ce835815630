using System.Net.Http.Headers;

namespace Kurobe.Benchmarks;

/// <summary>Sends the API key the benchmark scripts export (KUROBE_API_KEY) with every request.</summary>
internal static class BenchmarkAuth
{
    public static void Apply(HttpClient client)
    {
        if (Environment.GetEnvironmentVariable("KUROBE_API_KEY") is { Length: > 0 } key)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }
    }
}
