using Kurobe.Application.Common.Diagnostics;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Kurobe.Api.Hosting;

/// <summary>
/// OpenTelemetry traces and metrics for ASP.NET Core, outgoing HTTP and Kurobe itself. They are exported over OTLP
/// when OTEL_EXPORTER_OTLP_ENDPOINT is set, and cost next to nothing otherwise.
/// </summary>
internal static class KurobeTelemetry
{
    private const string ServiceName = "kurobe";

    public static WebApplicationBuilder AddKurobeTelemetry(this WebApplicationBuilder builder)
    {
        var otlp = !string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(ServiceName, serviceVersion: typeof(KurobeTelemetry).Assembly.GetName().Version?.ToString()))
            .WithTracing(tracing =>
            {
                tracing
                    .AddSource(KurobeDiagnostics.Name)
                    // GenAI spans of engine plugins (Microsoft.Extensions.AI's UseOpenTelemetry), e.g. Kurobe.Engines.Llm.
                    .AddSource("Kurobe.Engines.*")
                    .AddAspNetCoreInstrumentation(o => o.Filter = http => !http.Request.Path.StartsWithSegments("/health", StringComparison.Ordinal))
                    .AddHttpClientInstrumentation();
                if (otlp)
                {
                    tracing.AddOtlpExporter();
                }
            })
            .WithMetrics(metrics =>
            {
                metrics
                    .AddMeter(KurobeDiagnostics.Name)
                    .AddAspNetCoreInstrumentation()
                    .AddHttpClientInstrumentation()
                    .AddMeter("System.Runtime");
                if (otlp)
                {
                    metrics.AddOtlpExporter();
                }
            });
        return builder;
    }
}
