using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Growth.Domain.Projection;

/// <summary>
/// A workspace's measured funnel and the baseline's means, kept between plan comparisons and goal seeks (the funnel
/// measurement is most of a comparison's time). An instance, held by whoever serves the requests (the dashboard keeps
/// one as a singleton service): nothing static. Each entry is keyed by a digest of everything the measurement depends
/// on — the whole projection request without its levers (organisation and targets, behaviour parameters, customers and
/// open pipeline, start, weeks, paths, seed) — so a change of setup, roster, parameters or history (the workspace's
/// time moves on) is a new key and is measured anew; the least recently used entries beyond <see cref="Capacity"/> go.
/// The same request gives the same funnel whether kept or measured, so answers are identical either way.
/// </summary>
public sealed class FunnelStore(int capacity = 8)
{
    /// <summary>A measured funnel and the baseline's mean new customers and repurchase revenue over the horizon.</summary>
    public sealed record Baseline(PreparedProjection Prepared, double NewCustomers, double Repurchase);

    static readonly JsonSerializerOptions Json = new()
    {
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        ReferenceHandler = ReferenceHandler.IgnoreCycles,
    };

    readonly object gate = new();
    readonly LinkedList<(string Key, Baseline Value)> entries = new();

    /// <summary>Most funnels kept (each holds the measured kernels, a few hundred kilobytes).</summary>
    public int Capacity { get; } = Math.Max(1, capacity);
    /// <summary>How many times a funnel was measured (not found kept).</summary>
    public int Measured { get; private set; }

    /// <summary>The digest a request's funnel is kept under: SHA-256 of the request without its levers, as JSON.</summary>
    public static string Key(ProjectionRequest request) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(request with { Levers = ProjectionLevers.None }, Json))));

    /// <summary>Whether the request's funnel is kept.</summary>
    public bool Holds(ProjectionRequest request)
    {
        var key = Key(request);
        lock (gate) return entries.Any(e => e.Key == key);
    }

    /// <summary>
    /// The request's funnel and baseline means: kept, or measured (<see cref="PlanComparison.Prepare"/> and
    /// <see cref="PlanComparison.BaselineOf"/>, <paramref name="chunkDone"/> hearing the baseline's paths) and kept.
    /// </summary>
    public Baseline Get(ProjectionRequest request, ParallelOptions parallel, Action<int>? chunkDone = null)
    {
        var key = Key(request);
        lock (gate)
        {
            for (var node = entries.First; node is not null; node = node.Next)
                if (node.Value.Key == key)
                {
                    entries.Remove(node);
                    entries.AddFirst(node);
                    return node.Value.Value;
                }
        }
        // Measured outside the lock (seconds of work); two requests for the same new key measure the same thing.
        var prepared = PlanComparison.Prepare(request, parallel);
        var (newCustomers, repurchase) = PlanComparison.BaselineOf(prepared, parallel, chunkDone);
        var baseline = new Baseline(prepared, newCustomers, repurchase);
        lock (gate)
        {
            Measured++;
            if (!entries.Any(e => e.Key == key)) entries.AddFirst((key, baseline));
            while (entries.Count > Capacity) entries.RemoveLast();
        }
        return baseline;
    }
}
