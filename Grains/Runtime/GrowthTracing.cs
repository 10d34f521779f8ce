using System.Diagnostics;

namespace Growth.Grains.Runtime;

/// <summary>
/// Growth's own trace source ("Growth"): a span around an ingested batch and around each ledger write, between the
/// HTTP request's span and the Orleans grain-call spans ("Microsoft.Orleans.Runtime", "Microsoft.Orleans.Application"),
/// so one ingestion request can be followed from HTTP through the shard and journey grains to the ledger.
/// </summary>
public static class GrowthTracing
{
    public const string SourceName = "Growth";

    /// <summary>The ActivitySource (created once; it starts spans only while someone listens).</summary>
    public static ActivitySource Source { get; } = new(SourceName);
}
