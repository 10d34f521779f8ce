using Growth.Grains.Runtime;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Growth.Hosting;

/// <summary>
/// Metrics (Growth's and Orleans' meters, scraped from <c>/metrics</c>) and traces: ASP.NET Core requests, HttpClient
/// calls, Orleans grain calls (<see cref="OrleansSources"/>, propagated by <c>AddActivityPropagation</c> in
/// <see cref="GrowthSilo"/>) and Growth's own spans (<see cref="GrowthTracing"/>). Export over OTLP is configured only
/// by the standard variables: on when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> (or a per-signal
/// <c>OTEL_EXPORTER_OTLP_TRACES_ENDPOINT</c> / <c>..._METRICS_ENDPOINT</c>) is set, with <c>OTEL_SERVICE_NAME</c>,
/// <c>OTEL_RESOURCE_ATTRIBUTES</c>, <c>OTEL_EXPORTER_OTLP_PROTOCOL</c> and the rest read by the exporter itself; off otherwise.
/// </summary>
public static class GrowthTelemetry
{
    /// <summary>The ActivitySources of Orleans' grain calls.</summary>
    public static readonly string[] OrleansSources = ["Microsoft.Orleans.Runtime", "Microsoft.Orleans.Application"];

    static readonly string[] OtlpEndpoints = ["OTEL_EXPORTER_OTLP_ENDPOINT", "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "OTEL_EXPORTER_OTLP_METRICS_ENDPOINT"];

    /// <summary>Whether the OTLP exporter is on: one of the standard endpoint variables is set (configuration includes the environment).</summary>
    public static bool OtlpConfigured(IConfiguration? configuration) =>
        OtlpEndpoints.Any(name => !string.IsNullOrWhiteSpace(configuration?[name] ?? Environment.GetEnvironmentVariable(name)));

    /// <summary>
    /// The service name when neither <c>OTEL_SERVICE_NAME</c> nor <c>OTEL_RESOURCE_ATTRIBUTES</c> gives one: the host's
    /// assembly (Growth.Silo, Growth.Dashboard), not the SDK's "unknown_service:dotnet", which both hosts would share.
    /// </summary>
    static string? DefaultServiceName(IConfiguration? configuration)
    {
        string? Read(string name) => configuration?[name] ?? Environment.GetEnvironmentVariable(name);
        if (!string.IsNullOrWhiteSpace(Read("OTEL_SERVICE_NAME")) || (Read("OTEL_RESOURCE_ATTRIBUTES") ?? "").Contains("service.name=", StringComparison.Ordinal)) return null;
        return System.Reflection.Assembly.GetEntryAssembly()?.GetName().Name;
    }

    public static IServiceCollection AddGrowthTelemetry(this IServiceCollection services, IConfiguration? configuration = null)
    {
        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(r => { if (DefaultServiceName(configuration) is { } name) r.AddService(name); })
            .WithMetrics(m => m
                .AddMeter(GrowthMetrics.MeterName, "Microsoft.Orleans")
                .AddPrometheusExporter())
            .WithTracing(t => t
                .SetSampler(new ParentBasedSampler(new RequestRootSampler()))
                .AddSource(GrowthTracing.SourceName)
                .AddSource(OrleansSources)
                // Probes and scrapes every few seconds would drown the traces that matter.
                .AddAspNetCoreInstrumentation(o => o.Filter = http =>
                    !http.Request.Path.StartsWithSegments("/health") && !http.Request.Path.StartsWithSegments("/metrics"))
                .AddHttpClientInstrumentation());
        if (OtlpConfigured(configuration)) telemetry.UseOtlpExporter();
        return services;
    }

    /// <summary>
    /// Traces start at an HTTP request: a span with no parent is recorded only if it is a request's. Simulation steps,
    /// timers and reminders call grains thousands of times a second with no request behind them; recording a trace for
    /// each would cost more than the calls (a simulated quarter timed out in a test with them recorded).
    /// </summary>
    sealed class RequestRootSampler : Sampler
    {
        const string RequestSpan = "Microsoft.AspNetCore.Hosting.HttpRequestIn";

        public override SamplingResult ShouldSample(in SamplingParameters parameters) =>
            new(parameters.Name == RequestSpan ? SamplingDecision.RecordAndSample : SamplingDecision.Drop);
    }

    /// <summary>The Prometheus scrape endpoint, <c>/metrics</c>; a web host open to the public puts an access rule on it.</summary>
    public static IEndpointConventionBuilder MapGrowthTelemetry(this IEndpointRouteBuilder app) =>
        app.MapPrometheusScrapingEndpoint("/metrics");
}
