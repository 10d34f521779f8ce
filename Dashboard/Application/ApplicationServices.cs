using Growth.Dashboard.Application.Calibration;
using Growth.Dashboard.Application.Import;
using Growth.Dashboard.Application.Ingestion;
using Growth.Dashboard.Application.Ledger;
using Growth.Dashboard.Application.Projection;
using Growth.Dashboard.Application.Workspaces;

namespace Growth.Dashboard.Application;

/// <summary>
/// The web host's application layer: what the API and the pages ask of the cluster (ingestion, import, calibration,
/// reading workspaces, simulation control, the ledger, projections, setups), each a service over the grain factory.
/// </summary>
public static class ApplicationServices
{
    public static IServiceCollection AddGrowthApplication(this IServiceCollection services) => services
        .AddSingleton<EventDelivery>()
        .AddSingleton<EventIngestion>()
        .AddSingleton<WorkspaceImport>()
        .AddSingleton<CalibratedSimulations>()
        .AddSingleton<WorkspaceReader>()
        .AddSingleton<SimulationControl>()
        .AddSingleton<LedgerAudit>()
        .AddSingleton<ProjectionService>()
        // A workspace's measured funnel, kept between plan comparisons and goal seeks (keyed by everything it depends on).
        .AddSingleton(_ => new Growth.Domain.Projection.FunnelStore())
        .AddSingleton<PlanComparisonService>()
        .AddSingleton<Setup.SetupService>()
        .AddSingleton<Setup.SetupTemplatesService>()
        .AddSingleton<Compensation.CompensationService>()
        .AddSingleton<Quotas.TargetsService>()
        .AddSingleton<Projection.GoalSeekService>()
        .AddSingleton<Projection.QuotaAllocationService>()
        .AddSingleton<Forecast.ForecastService>()
        .AddSingleton<Forecast.SavedViewsService>()
        .AddSingleton<Backup.WorkspaceBackup>()
        .AddSingleton<Backup.WorkspaceRestore>()
        .AddSingleton<Privacy.CustomerDataService>()
        .AddSingleton<Twin.TwinService>()
        .AddSingleton<Records.RecordsService>()
        .AddSingleton<Revenue.RevenueOrdersService>()
        .AddSingleton<Pool.LeadPoolService>()
        .AddSingleton<Grades.IntentGradeService>()
        .AddHostedService<StaleUploadCleanup>();
}
