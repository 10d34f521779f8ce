using Azure.Data.Tables;
using Growth.Grains.Workspaces;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Growth.Hosting;

/// <summary>
/// <c>/health/live</c>: the process answers. <c>/health/ready</c>: the cluster answers a grain call and, when table
/// storage is configured, the table service answers. Both hosts map the same two endpoints.
/// </summary>
public static class GrowthHealth
{
    public static IServiceCollection AddGrowthHealthChecks(this IServiceCollection services, IConfiguration configuration)
    {
        var options = GrowthHostingOptions.From(configuration);
        var checks = services.AddHealthChecks().AddCheck<ClusterHealthCheck>("cluster", tags: ["ready"]);
        if (options.Storage == StorageKind.AzureTable)
            checks.Add(new HealthCheckRegistration("storage", _ => new TableStorageHealthCheck(new TableServiceClient(options.StorageConnectionString)), null, ["ready"]));
        return services;
    }

    public static IEndpointRouteBuilder MapGrowthHealthChecks(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") });
        return app;
    }
}

/// <summary>Ready when a grain answers within five seconds.</summary>
public sealed class ClusterHealthCheck(IGrainFactory grains) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var workspaces = await grains.GetGrain<IWorkspaceDirectoryGrain>(0).ListAsync().WaitAsync(TimeSpan.FromSeconds(5), cancellationToken);
            return HealthCheckResult.Healthy($"{workspaces.Count} workspaces");
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy("the cluster did not answer a grain call", e);
        }
    }
}

/// <summary>Ready when the table service answers within five seconds.</summary>
public sealed class TableStorageHealthCheck(TableServiceClient tables) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(5));
            await foreach (var _ in tables.QueryAsync(maxPerPage: 1, cancellationToken: timeout.Token).AsPages(pageSizeHint: 1)) break;
            return HealthCheckResult.Healthy($"table service {tables.Uri}");
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy($"table service {tables.Uri} did not answer", e);
        }
    }
}
