using System.Net;
using Azure.Data.Tables;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Dashboard;
using Orleans.Storage;
using Orleans.Serialization;

namespace Growth.Grains.Hosting;

/// <summary>
/// The one place that configures a Growth silo and a Growth client, used by the Silo host, the Dashboard (with
/// its embedded silo or as a client of a cluster) and the tests.
/// </summary>
public static class GrowthSilo
{
    /// <summary>Grain storage every Growth grain uses.</summary>
    public const string StorageName = "growth";

    /// <summary>
    /// The key of the clock the domain asks for (workspace time, simulation ticks). Kept apart from the runtime's
    /// own TimeProvider so tests can stop the domain's clock without freezing Orleans' timers.
    /// </summary>
    public const string ClockKey = "growth-clock";

    /// <summary>Configuration section with the silo's settings.</summary>
    public const string Section = "Orleans";

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
            silo.AddAzureTableGrainStorage(StorageName, (OptionsBuilder<AzureTableStorageOptions> builder) => builder.Configure<IServiceProvider>((o, services) =>
            {
                o.TableServiceClient = new TableServiceClient(options.StorageConnectionString);
                // The Orleans serializer (with the model's JSON codec), not the default Newtonsoft one: the same
                // format as every grain call, and no type-name allow-list to trip over.
                o.GrainStorageSerializer = new OrleansGrainStorageSerializer(services.GetRequiredService<Serializer>());
            }));
            silo.Services.AddSingleton(options);
            silo.Services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>, StorageProbe>();
            silo.Services.AddSingleton<IMoneyLedger, TableMoneyLedger>();
            silo.Services.AddSingleton(new StorageDurability(true));
        }
        else silo.AddGrowthMemoryStorage();
        silo.Services.TryAddSingleton<IMoneyLedger, NoMoneyLedger>();
        silo.Services.TryAddSingleton(new StorageDurability(false));
        silo.Services.AddGrowthSerialization();
        silo.Services.TryAddKeyedSingleton(ClockKey, TimeProvider.System);
        // The Orleans dashboard's silo side; the web host mounts its pages for administrators only.
        silo.AddDashboard();
        silo.Services.AddMetrics();
        silo.Services.TryAddSingleton<GrowthMetrics>();
        // Running simulations keep a reminder that wakes them on a surviving silo (see SimulationGrain.KeepAlivePeriod).
        silo.Configure<ReminderOptions>(o => o.MinimumReminderPeriod = TimeSpan.FromSeconds(10));
        if (options.ProbeTimeout is { } probe) silo.Configure<ClusterMembershipOptions>(o => o.ProbeTimeout = probe);
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
        silo.Services.AddGrowthSerialization();
        silo.Services.TryAddKeyedSingleton(ClockKey, TimeProvider.System);
        silo.Services.AddMetrics();
        silo.Services.TryAddSingleton<GrowthMetrics>();
        return silo;
    }

    /// <summary>
    /// In-memory storage (not durable) in the Orleans binary format, as table storage: Orleans' default for it is
    /// Newtonsoft JSON, which cost most of a journey event's CPU (every step writes the journey) and most of
    /// its memory (the storage keeps the serialised record).
    /// </summary>
    static ISiloBuilder AddGrowthMemoryStorage(this ISiloBuilder silo) =>
        silo.AddMemoryGrainStorage(StorageName, (OptionsBuilder<MemoryGrainStorageOptions> builder) => builder.Configure<IServiceProvider>(
            (o, services) => o.GrainStorageSerializer = new OrleansGrainStorageSerializer(services.GetRequiredService<Serializer>())));

    /// <summary>A client of a Growth cluster (the Dashboard in cluster mode).</summary>
    public static IClientBuilder UseGrowthClient(this IClientBuilder client, IConfiguration configuration)
    {
        var options = GrowthHostingOptions.From(configuration);
        client.Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (options.ClusterId, options.ServiceId));
        if (options.Clustering == ClusteringKind.AzureTable) client.UseAzureStorageClustering(o => o.TableServiceClient = options.Tables());
        else client.UseLocalhostClustering(options.GatewayPort, options.ServiceId, options.ClusterId);
        client.Services.AddGrowthSerialization();
        return client;
    }

    /// <summary>
    /// The pure domain model carries no Orleans attributes; its types cross grain boundaries as JSON, apart from
    /// the hot journey types, which have Orleans surrogates (<see cref="Serialization.ModelSurrogates"/>).
    /// Both silos and clients must register this.
    /// </summary>
    public static IServiceCollection AddGrowthSerialization(this IServiceCollection services) =>
        services.AddSerializer(s => s.AddJsonSerializer(
            isSupported: type => type.Namespace is { } ns && ns.StartsWith(typeof(Model.JourneyState).Namespace!, StringComparison.Ordinal)
                && !Serialization.ModelSurrogates.Types.Contains(type)));
}

public enum StorageKind { Memory, AzureTable }
public enum ClusteringKind { Localhost, AzureTable }

/// <summary>
/// How a host stores and clusters, read from configuration (appsettings or environment variables such as
/// <c>Storage__Kind</c>):
/// <c>Storage:Kind</c> Memory (default) or AzureTable, <c>Storage:ConnectionString</c>;
/// <c>Clustering:Kind</c> Localhost (default) or AzureTable, <c>Clustering:ConnectionString</c> (defaults to the storage's);
/// <c>Orleans:SiloPort</c>, <c>Orleans:GatewayPort</c>, <c>Orleans:ClusterId</c>, <c>Orleans:ServiceId</c>,
/// <c>Orleans:AdvertisedAddress</c>, <c>Orleans:ListenOnAnyAddress</c>.
/// </summary>
public sealed record GrowthHostingOptions
{
    public StorageKind Storage { get; init; }
    public string? StorageConnectionString { get; init; }
    public ClusteringKind Clustering { get; init; }
    public string? ClusteringConnectionString { get; init; }
    public int SiloPort { get; init; } = 11111;
    public int GatewayPort { get; init; } = 30000;
    public string ClusterId { get; init; } = "growth-dev";
    public string ServiceId { get; init; } = "growth";
    public IPAddress AdvertisedAddress { get; init; } = IPAddress.Loopback;
    public bool ListenOnAnyAddress { get; init; }
    /// <summary>Running in Kubernetes pods (Microsoft.Orleans.Hosting.Kubernetes); needs AzureTable clustering.</summary>
    public bool Kubernetes { get; init; }
    /// <summary>
    /// How long a membership probe of another silo may take before it counts as missed (Orleans' default when
    /// unset); three missed probes and the silo is voted dead, its grains reactivating elsewhere.
    /// </summary>
    public TimeSpan? ProbeTimeout { get; init; }

    /// <summary>Every configuration key the hosts read (checked against docker/ and k8s/ by tests).</summary>
    public static readonly string[] Keys =
    [
        "Storage:Kind", "Storage:ConnectionString", "Clustering:Kind", "Clustering:ConnectionString",
        "Orleans:SiloPort", "Orleans:GatewayPort", "Orleans:ClusterId", "Orleans:ServiceId", "Orleans:AdvertisedAddress", "Orleans:ListenOnAnyAddress", "Orleans:Kubernetes", "Orleans:ProbeTimeoutSeconds",
        "Cluster:Mode", "Demo:Enabled", "Admin:UserName", "Admin:Password",
    ];

    public TableServiceClient Tables() => new(ClusteringConnectionString ?? StorageConnectionString);

    /// <summary>Reads and validates; a wrong value fails with a message naming the key and what is allowed.</summary>
    public static GrowthHostingOptions From(IConfiguration c)
    {
        var storage = Enum<StorageKind>(c, "Storage:Kind", StorageKind.Memory);
        var clustering = Enum<ClusteringKind>(c, "Clustering:Kind", ClusteringKind.Localhost);
        var storageConnection = c["Storage:ConnectionString"];
        var clusteringConnection = c["Clustering:ConnectionString"] ?? storageConnection;
        if (storage == StorageKind.AzureTable && string.IsNullOrWhiteSpace(storageConnection))
            throw new InvalidOperationException("Storage:Kind is AzureTable but Storage:ConnectionString is empty (e.g. UseDevelopmentStorage=true for Azurite)");
        if (clustering == ClusteringKind.AzureTable && string.IsNullOrWhiteSpace(clusteringConnection))
            throw new InvalidOperationException("Clustering:Kind is AzureTable but neither Clustering:ConnectionString nor Storage:ConnectionString is set");
        var address = c["Orleans:AdvertisedAddress"];
        return new GrowthHostingOptions
        {
            Storage = storage,
            StorageConnectionString = storageConnection,
            Clustering = clustering,
            ClusteringConnectionString = clusteringConnection,
            SiloPort = Port(c, "Orleans:SiloPort", 11111),
            GatewayPort = Port(c, "Orleans:GatewayPort", 30000),
            ClusterId = c["Orleans:ClusterId"] ?? "growth-dev",
            ServiceId = c["Orleans:ServiceId"] ?? "growth",
            AdvertisedAddress = address is null ? IPAddress.Loopback
                : IPAddress.TryParse(address, out var ip) ? ip
                : throw new InvalidOperationException($"Orleans:AdvertisedAddress '{address}' is not an IP address"),
            ListenOnAnyAddress = bool.TryParse(c["Orleans:ListenOnAnyAddress"], out var any) && any,
            ProbeTimeout = c["Orleans:ProbeTimeoutSeconds"] is not { } probe ? null
                : double.TryParse(probe, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var seconds) && seconds is >= 0.5 and <= 120
                    ? TimeSpan.FromSeconds(seconds)
                    : throw new InvalidOperationException($"Orleans:ProbeTimeoutSeconds '{probe}' is not a number of seconds between 0.5 and 120"),
            Kubernetes = bool.TryParse(c["Orleans:Kubernetes"], out var k8s) && k8s
                ? clustering == ClusteringKind.AzureTable ? true
                    : throw new InvalidOperationException("Orleans:Kubernetes is true but Clustering:Kind is not AzureTable (pods need shared membership)")
                : false,
        };
    }

    static T Enum<T>(IConfiguration c, string key, T fallback) where T : struct, Enum =>
        c[key] is not { } value ? fallback
        : System.Enum.TryParse<T>(value, ignoreCase: true, out var parsed) && System.Enum.IsDefined(parsed) ? parsed
        : throw new InvalidOperationException($"{key} '{value}' is not one of {string.Join(", ", System.Enum.GetNames<T>())}");

    static int Port(IConfiguration c, string key, int fallback) =>
        c[key] is not { } value ? fallback
        : int.TryParse(value, out var port) && port is >= 0 and <= 65535 ? port
        : throw new InvalidOperationException($"{key} '{value}' is not a port number");
}

/// <summary>Refuses to start a silo whose configured table storage cannot be reached, saying what it tried.</summary>
internal sealed class StorageProbe(GrowthHostingOptions options) : ILifecycleParticipant<ISiloLifecycle>
{
    public void Participate(ISiloLifecycle lifecycle) => lifecycle.Subscribe(nameof(StorageProbe), ServiceLifecycleStage.First, ProbeAsync);

    async Task ProbeAsync(CancellationToken cancellationToken)
    {
        var client = new TableServiceClient(options.StorageConnectionString);
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(10));
            await foreach (var _ in client.QueryAsync(maxPerPage: 1, cancellationToken: timeout.Token).AsPages(pageSizeHint: 1)) break;
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            throw new InvalidOperationException(
                $"Storage:Kind is AzureTable but the table service at {client.Uri} (account {client.AccountName}) could not be reached: {e.Message}", e);
        }
    }
}
