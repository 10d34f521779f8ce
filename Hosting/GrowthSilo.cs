using Azure.Data.Tables;
using Growth.Grains.Backup;
using Growth.Grains.Ledger;
using Growth.Grains.Projection;
using Growth.Grains.Runtime;
using Growth.Grains.Serialization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Dashboard;
using Orleans.Serialization;
using Orleans.Storage;

namespace Growth.Hosting;

/// <summary>
/// The one place that configures a Growth silo and a Growth client, used by the Silo host, the Dashboard (with
/// its embedded silo or as a client of a cluster) and the tests.
/// </summary>
public static class GrowthSilo
{
    /// <summary>Configuration section with the silo's settings.</summary>
    public const string Section = "Orleans";

    /// <summary>Orleans' table storage, which <see cref="RowPerGrainStorage"/> wraps as <see cref="GrainStorage.Name"/>.</summary>
    public const string TableRowsName = "growth-table-rows";

    /// <summary>
    /// How often the Orleans dashboard samples its counters (assumed: 10 s; Orleans' default is 1 s). A sample walks every
    /// activation to count them, a cost that grows with the journeys held.
    /// </summary>
    public const int DashboardCounterIntervalMs = 10_000;

    /// <summary>
    /// Configures a silo from configuration (see <see cref="GrowthHostingOptions"/>): by default one silo on
    /// loopback with in-memory storage (nothing to install; data is not durable).
    /// </summary>
    public static ISiloBuilder UseGrowth(this ISiloBuilder silo, IConfiguration configuration)
    {
        var options = GrowthHostingOptions.From(configuration);
        if (!options.Kubernetes) silo.Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (options.ClusterId, options.ServiceId));
        if (options.Kubernetes)
        {
            // In a pod: identity, endpoints and cluster ids from the pod's environment; dead pods' silos are removed.
            silo.UseKubernetesHosting();
            silo.UseAzureStorageClustering(o => o.TableServiceClient = options.Tables());
            silo.UseAzureTableReminderService(o => o.TableServiceClient = options.Tables());
        }
        else if (options.Clustering == ClusteringKind.AzureTable)
        {
            silo.ConfigureEndpoints(options.AdvertisedAddress, options.SiloPort, options.GatewayPort, listenOnAnyHostAddress: options.ListenOnAnyAddress);
            silo.UseAzureStorageClustering(o => o.TableServiceClient = options.Tables());
            silo.UseAzureTableReminderService(o => o.TableServiceClient = options.Tables());
        }
        else
        {
            silo.UseLocalhostClustering(options.SiloPort, options.GatewayPort, serviceId: options.ServiceId, clusterId: options.ClusterId);
            silo.UseInMemoryReminderService();
        }
        if (options.Storage == StorageKind.AzureTable)
        {
            // Orleans' table storage under a name of its own, wrapped as the grains' storage: every grain's state in a
            // row with a RowKey of its own, rows of Orleans' layout still read (RowPerGrainStorage, README "Stored data and its versions").
            silo.AddAzureTableGrainStorage(TableRowsName, (OptionsBuilder<AzureTableStorageOptions> builder) => builder.Configure<IServiceProvider>((o, services) =>
            {
                o.TableServiceClient = new TableServiceClient(options.StorageConnectionString);
                // The Orleans serializer (with the model's JSON codec), not the default Newtonsoft one: the same
                // format as every grain call, and no type-name allow-list to trip over. Each record carries its
                // schema version; older records are read and migrated, or refused saying what to do (StoredFormat).
                o.GrainStorageSerializer = new VersionedGrainStorageSerializer(services.GetRequiredService<Serializer>());
            }));
            silo.Services.AddKeyedSingleton<IGrainStorage>(GrainStorage.Name, (services, _) => new RowPerGrainStorage(
                services.GetRequiredKeyedService<IGrainStorage>(TableRowsName),
                new TableServiceClient(options.StorageConnectionString).GetTableClient(AzureTableStorageOptions.DEFAULT_TABLE_NAME),
                services.GetRequiredService<IOptions<ClusterOptions>>().Value.ServiceId,
                services.GetRequiredService<ILogger<RowPerGrainStorage>>()));
            silo.Services.AddSingleton(options);
            silo.Services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>, StorageProbe>();
            silo.Services.AddSingleton<IMoneyLedger, TableMoneyLedger>();
            silo.Services.AddSingleton(new StorageDurability(true));
        }
        else silo.AddGrowthMemoryStorage();
        silo.Services.TryAddSingleton<IMoneyLedger, NoMoneyLedger>();
        TraceLedger(silo.Services);
        // Grain calls carry the caller's trace (W3C trace context) and show as spans of the Orleans sources.
        silo.AddActivityPropagation();
        silo.Services.TryAddSingleton(new StorageDurability(false));
        silo.Services.TryAddSingleton(Growth.Domain.Journeys.Dormancy.Default);
        silo.Services.TryAddSingleton<ProjectionCores>();
        silo.AddSiloStop();
        silo.Services.AddSingleton(options.Live);
        // Lets a restore make any grain leave memory.
        silo.AddGrainExtension<ILeaveMemoryExtension, LeaveMemoryExtension>();
        silo.Services.AddGrowthSerialization();
        silo.Services.TryAddKeyedSingleton(DomainClock.Key, TimeProvider.System);
        // The Orleans dashboard's silo side; the web host mounts its pages for administrators only. Its counters are
        // sampled every 10 s, not every second (its default): each sample reads every Orleans instrument, among them
        // the activation count, which walks every activation, so the per-second sampling took 6 % of the CPU of the
        // ingestion benchmark with a few hundred thousand journeys held (docs/performance-profile.md, issue 22).
        silo.AddDashboard(o => o.CounterUpdateIntervalMs = DashboardCounterIntervalMs);
        silo.Services.AddMetrics();
        silo.Services.TryAddSingleton<GrowthMetrics>();
        // Running simulations keep a reminder that wakes them on a surviving silo (see SimulationGrain.KeepAlivePeriod).
        silo.Configure<ReminderOptions>(o => o.MinimumReminderPeriod = TimeSpan.FromSeconds(10));
        if (options.ProbeTimeout is { } probe) silo.Configure<ClusterMembershipOptions>(o => o.ProbeTimeout = probe);
        if (options.ResponseTimeout is { } response) silo.Configure<SiloMessagingOptions>(o => o.ResponseTimeout = response);
        return silo;
    }

    /// <summary>Storage and services the grains need, without choosing clustering (tests choose their own).</summary>
    public static ISiloBuilder AddGrowthGrains(this ISiloBuilder silo)
    {
        silo.AddGrowthMemoryStorage();
        silo.UseInMemoryReminderService();
        silo.Configure<ReminderOptions>(o => o.MinimumReminderPeriod = TimeSpan.FromSeconds(10));
        silo.Services.TryAddSingleton<IMoneyLedger, NoMoneyLedger>();
        silo.Services.TryAddSingleton(new StorageDurability(false));
        silo.Services.TryAddSingleton(Growth.Domain.Journeys.Dormancy.Default);
        silo.Services.TryAddSingleton<ProjectionCores>();
        silo.AddSiloStop();
        silo.Services.TryAddSingleton(Growth.Grains.LiveFeed.LiveTimings.Default);
        // Lets a restore make any grain leave memory.
        silo.AddGrainExtension<ILeaveMemoryExtension, LeaveMemoryExtension>();
        silo.Services.AddGrowthSerialization();
        silo.Services.TryAddKeyedSingleton(DomainClock.Key, TimeProvider.System);
        silo.Services.AddMetrics();
        silo.Services.TryAddSingleton<GrowthMetrics>();
        return silo;
    }

    /// <summary>The silo's stop, known to grains (<see cref="SiloStop"/>): a quiet stop.</summary>
    static ISiloBuilder AddSiloStop(this ISiloBuilder silo)
    {
        silo.Services.TryAddSingleton<SiloStop>();
        silo.Services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(sp => sp.GetRequiredService<SiloStop>());
        return silo;
    }

    /// <summary>
    /// In-memory storage (not durable) in the Orleans binary format, as table storage: Orleans' default for it is
    /// Newtonsoft JSON, which cost most of a journey event's CPU (every step writes the journey) and most of
    /// its memory (the storage keeps the serialised record).
    /// </summary>
    static ISiloBuilder AddGrowthMemoryStorage(this ISiloBuilder silo) =>
        silo.AddMemoryGrainStorage(GrainStorage.Name, (OptionsBuilder<MemoryGrainStorageOptions> builder) => builder.Configure<IServiceProvider>(
            (o, services) => o.GrainStorageSerializer = new VersionedGrainStorageSerializer(services.GetRequiredService<Serializer>())));

    /// <summary>Wraps whichever ledger is registered in <see cref="TracedMoneyLedger"/>.</summary>
    static void TraceLedger(IServiceCollection services)
    {
        var registered = services.Last(d => d.ServiceType == typeof(IMoneyLedger));
        services.Remove(registered);
        services.AddSingleton<IMoneyLedger>(sp => new TracedMoneyLedger(registered.ImplementationInstance as IMoneyLedger
            ?? (IMoneyLedger?)registered.ImplementationFactory?.Invoke(sp)
            ?? (IMoneyLedger)ActivatorUtilities.CreateInstance(sp, registered.ImplementationType!)));
    }

    /// <summary>A client of a Growth cluster (the Dashboard in cluster mode).</summary>
    public static IClientBuilder UseGrowthClient(this IClientBuilder client, IConfiguration configuration)
    {
        var options = GrowthHostingOptions.From(configuration);
        client.Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (options.ClusterId, options.ServiceId));
        if (options.Clustering == ClusteringKind.AzureTable) client.UseAzureStorageClustering(o => o.TableServiceClient = options.Tables());
        else client.UseLocalhostClustering(options.GatewayPort, options.ServiceId, options.ClusterId);
        client.Services.AddGrowthSerialization();
        client.AddActivityPropagation();
        if (options.ResponseTimeout is { } response) client.Configure<ClientMessagingOptions>(o => o.ResponseTimeout = response);
        return client;
    }
}
