using Growth.Grains.Runtime;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;

namespace Growth.Hosting;

public static class GrowthTelemetry
{
    /// <summary>Growth's and Orleans' meters, exported for scraping.</summary>
    public static IServiceCollection AddGrowthTelemetry(this IServiceCollection services)
    {
        services.AddOpenTelemetry().WithMetrics(m => m
            .AddMeter(GrowthMetrics.MeterName, "Microsoft.Orleans")
            .AddPrometheusExporter());
        return services;
    }

    public static IEndpointRouteBuilder MapGrowthTelemetry(this IEndpointRouteBuilder app)
    {
        app.MapPrometheusScrapingEndpoint("/metrics");
        return app;
    }
}
