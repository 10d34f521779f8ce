using System.Net;
using Azure.Data.Tables;
using Growth.Grains.Runtime;
using Growth.Grains.Serialization;
using Growth.Grains.Workspaces;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Dashboard;
using Orleans.Serialization;
using Orleans.Storage;

namespace Growth.Hosting;

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

    /// <summary>
    /// How long a grain call waits for its answer before it fails (Orleans' default, 30 s, when unset). A call caught
    /// on a silo that died is otherwise answered only when this runs out, so a web page waits that long.
    /// </summary>
    public TimeSpan? ResponseTimeout { get; init; }

    /// <summary>The live path's refresh and flush periods (<c>Live:RefreshMilliseconds</c>, <c>Live:FlushMilliseconds</c>).</summary>
    public Growth.Grains.LiveFeed.LiveTimings Live { get; init; } = Growth.Grains.LiveFeed.LiveTimings.Default;

    /// <summary>Every configuration key the hosts read (checked against docker/ and k8s/ by tests).</summary>
    public static readonly string[] Keys =
    [
        "Storage:Kind", "Storage:ConnectionString", "Clustering:Kind", "Clustering:ConnectionString",
        "Orleans:SiloPort", "Orleans:GatewayPort", "Orleans:ClusterId", "Orleans:ServiceId", "Orleans:AdvertisedAddress", "Orleans:ListenOnAnyAddress", "Orleans:Kubernetes", "Orleans:ProbeTimeoutSeconds", "Orleans:ResponseTimeoutSeconds",
        "Cluster:Mode", "Demo:Enabled", "Admin:UserName", "Admin:Password",
        GrowthHostDefaults.ShutdownTimeoutKey, "ForwardedHeaders:KnownNetworks:0", "ForwardedHeaders:KnownProxies:0", "ForwardedHeaders:ForwardLimit",
        "Metrics:Port", Growth.Grains.LiveFeed.LiveTimings.RefreshKey, Growth.Grains.LiveFeed.LiveTimings.FlushKey, "Metrics:Address", "OTEL_EXPORTER_OTLP_ENDPOINT", "Logging:Console:FormatterName",
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
            ClusterId = Id(c, "Orleans:ClusterId", "growth-dev"),
            ServiceId = Id(c, "Orleans:ServiceId", "growth"),
            AdvertisedAddress = address is null ? IPAddress.Loopback
                : IPAddress.TryParse(address, out var ip) ? ip
                : throw new InvalidOperationException($"Orleans:AdvertisedAddress '{address}' is not an IP address"),
            ListenOnAnyAddress = Bool(c, "Orleans:ListenOnAnyAddress"),
            ProbeTimeout = Seconds(c, "Orleans:ProbeTimeoutSeconds", 0.5, 120),
            ResponseTimeout = Seconds(c, "Orleans:ResponseTimeoutSeconds", 1, 600),
            Live = Growth.Grains.LiveFeed.LiveTimings.From(c[Growth.Grains.LiveFeed.LiveTimings.RefreshKey], c[Growth.Grains.LiveFeed.LiveTimings.FlushKey]),
            Kubernetes = Bool(c, "Orleans:Kubernetes")
                ? clustering == ClusteringKind.AzureTable ? true
                    : throw new InvalidOperationException("Orleans:Kubernetes is true but Clustering:Kind is not AzureTable (pods need shared membership)")
                : false,
        };
    }

    static T Enum<T>(IConfiguration c, string key, T fallback) where T : struct, Enum =>
        c[key] is not { } value ? fallback
        : System.Enum.TryParse<T>(value, ignoreCase: true, out var parsed) && System.Enum.IsDefined(parsed) ? parsed
        : throw new InvalidOperationException($"{key} '{value}' is not one of {string.Join(", ", System.Enum.GetNames<T>())}");

    static TimeSpan? Seconds(IConfiguration c, string key, double least, double most) =>
        c[key] is not { } value ? null
        : double.TryParse(value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var seconds) && seconds >= least && seconds <= most
            ? TimeSpan.FromSeconds(seconds)
            : throw new InvalidOperationException($"{key} '{value}' is not a number of seconds between {least} and {most}");

    static bool Bool(IConfiguration c, string key) =>
        c[key] is not { } value ? false
        : bool.TryParse(value, out var parsed) ? parsed
        : throw new InvalidOperationException($"{key} must be true or false (was '{value}')");

    static string Id(IConfiguration c, string key, string fallback) =>
        c[key] is not { } value ? fallback
        : !string.IsNullOrWhiteSpace(value) ? value
        : throw new InvalidOperationException($"{key} must not be empty");

    static int Port(IConfiguration c, string key, int fallback) =>
        c[key] is not { } value ? fallback
        : int.TryParse(value, out var port) && port is >= 0 and <= 65535 ? port
        : throw new InvalidOperationException($"{key} '{value}' is not a port number");
}
