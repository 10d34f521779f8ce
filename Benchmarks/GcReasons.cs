using System.Collections.Concurrent;
using System.Diagnostics.Tracing;

namespace Growth.Benchmarks;

/// <summary>
/// Counts this process's garbage collections by generation and reason (the runtime's GCStart events), so a phase of a
/// scenario can say why the collector ran, not only how long it paused: e.g. "gen 2, small-object allocation" against
/// "gen 2, pinned-object heap allocation".
/// </summary>
public sealed class GcReasons(bool allocations = false) : EventListener
{
    const EventKeywords GcKeyword = (EventKeywords)0x1;
    readonly ConcurrentDictionary<string, int> counts = new();
    // With allocations: the runtime's allocation ticks (one per about 100 KB allocated) by type.
    readonly ConcurrentDictionary<string, int> ticks = new();
    bool enabled;

    protected override void OnEventSourceCreated(EventSource source)
    {
        // Called from the base constructor, before this class's fields are set: enable in Start instead.
        if (source.Name == "Microsoft-Windows-DotNETRuntime" && enabled) EnableEvents(source, allocations ? EventLevel.Verbose : EventLevel.Informational, GcKeyword);
    }

    /// <summary>Starts listening (the runtime's event source already exists: enable it now).</summary>
    public GcReasons Start()
    {
        enabled = true;
        foreach (var source in EventSource.GetSources()) OnEventSourceCreated(source);
        return this;
    }

    /// <summary>The types that took most allocation ticks so far, "byte[] x120, ...", and starts counting again.</summary>
    public string TakeAllocations(int top = 8)
    {
        var total = ticks.Values.Sum();
        var summary = string.Join(", ", ticks.OrderByDescending(t => t.Value).Take(top).Select(t => $"{t.Key} x{t.Value}"));
        ticks.Clear();
        return total == 0 ? "none" : $"{total} ticks: {summary}";
    }

    protected override void OnEventWritten(EventWrittenEventArgs e)
    {
        if (e.EventName is "GCAllocationTick_V4" or "GCAllocationTick_V3" && e.Payload is not null && e.PayloadNames!.IndexOf("TypeName") is var t and >= 0)
        {
            ticks.AddOrUpdate(e.Payload[t]?.ToString() ?? "?", 1, (_, n) => n + 1);
            return;
        }
        if (e.EventName is not "GCStart_V2" || e.Payload is null) return;
        var depth = Convert.ToInt32(e.Payload[e.PayloadNames!.IndexOf("Depth")]);
        var reason = Convert.ToInt32(e.Payload[e.PayloadNames.IndexOf("Reason")]);
        var type = Convert.ToInt32(e.Payload[e.PayloadNames.IndexOf("Type")]);
        counts.AddOrUpdate($"gen{depth} {ReasonName(reason)}{(type == 1 ? " (background)" : "")}", 1, (_, n) => n + 1);
    }

    /// <summary>The counts so far, "gen2 alloc_soh x3, ...", and starts counting again.</summary>
    public string TakeSummary()
    {
        var summary = string.Join(", ", counts.OrderBy(c => c.Key).Select(c => $"{c.Key} x{c.Value}"));
        counts.Clear();
        return summary.Length == 0 ? "none" : summary;
    }

    // The runtime's GC reason numbers (gc_reason in the runtime's gcinterface.h).
    static string ReasonName(int reason) => reason switch
    {
        0 => "alloc_soh", 1 => "induced", 2 => "low_memory", 3 => "empty", 4 => "alloc_loh", 5 => "oos_soh", 6 => "oos_loh",
        7 => "induced_noforce", 8 => "gc_stress", 9 => "low_memory_blocking", 10 => "induced_compacting", 11 => "low_memory_host",
        12 => "pm_full_gc", 13 => "low_memory_host_blocking", 14 => "bgc_tuning_soh", 15 => "bgc_tuning_loh", 16 => "bgc_stepping",
        17 => "induced_aggressive", 18 => "alloc_poh", 19 => "oos_poh",
        _ => $"reason {reason}",
    };
}
