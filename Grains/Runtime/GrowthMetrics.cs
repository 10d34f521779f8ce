using System.Diagnostics.Metrics;

namespace Growth.Grains.Runtime;

/// <summary>
/// Growth's own meter ("Growth"): journey events applied, events ingested, journeys scheduled on this silo, and
/// the lag between a change and the snapshot that shows it. Exported with Orleans' meters as OpenTelemetry
/// metrics on <c>/metrics</c> (Prometheus format).
/// </summary>
public sealed class GrowthMetrics
{
    public const string MeterName = "Growth";

    public GrowthMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        JourneyEvents = meter.CreateCounter<long>("growth.journey.events", "{event}", "Journey events applied (simulated and ingested)");
        IngestedEvents = meter.CreateCounter<long>("growth.ingest.events", "{event}", "External events accepted through the shards");
        SnapshotLag = meter.CreateHistogram<double>("growth.snapshot.lag", "ms", "From the first change to the snapshot that publishes it");
        // An up-down counter rather than an observable gauge: it is measured by the host whose shards change it. With
        // the gauge, a scrape in a test process holding several hosts once lacked it (cause not pinned down).
        scheduled = meter.CreateUpDownCounter<long>("growth.journeys.scheduled", "{journey}", "Journeys with something due, on this silo");
    }

    readonly UpDownCounter<long> scheduled;

    public Counter<long> JourneyEvents { get; }
    public Counter<long> IngestedEvents { get; }
    public Histogram<double> SnapshotLag { get; }

    /// <summary>Changes the count of journeys with something due (shards report their own changes).</summary>
    public void Scheduled(long delta) => scheduled.Add(delta);
}
