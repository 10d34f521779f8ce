using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Growth.Domain.Projection;

/// <summary>
/// A workspace's measured funnel and the baseline's means, kept between plan comparisons and goal seeks (the funnel
/// measurement is most of a first comparison's time). An instance, held by whoever serves the requests (the dashboard
/// keeps one as a singleton service): nothing static. Two levels, each keyed by a digest of what it depends on, so a key
/// can only go stale by changing:
/// <list type="bullet">
/// <item>the funnel (<see cref="FunnelKey"/>): behaviour parameters, organisation (roster, targets, campaigns), levers,
/// horizon, calibration leads and seed. The workspace's time moving on, new customers or a changed pipeline keep it (the
/// sample journeys start at a fixed origin), so it can be measured ahead of the first ask (<see cref="Warm"/>, when the
/// What-if page opens); a changed setup, roster or parameters is a new key and is measured anew.</item>
/// <item>the baseline's means (<see cref="Key"/>): the whole request without its levers (start, customers and pipeline too).
/// A miss here runs the baseline's paths (a fifth of a second) on the funnel kept.</item>
/// </list>
/// The least recently used entries beyond <see cref="Capacity"/> go, in each level. The same request gives the same answer
/// whether kept or measured.
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
    // A funnel being measured is held as its Lazy: an ask arriving meanwhile waits for that measurement instead of starting another.
    readonly LinkedList<(string Key, Lazy<MeasuredFunnel> Value)> funnels = new();

    /// <summary>Most funnels kept (each holds the measured kernels, a few hundred kilobytes).</summary>
    public int Capacity { get; } = Math.Max(1, capacity);
    /// <summary>How many times a funnel was measured (not found kept).</summary>
    public int Measured { get; private set; }
    /// <summary>How many times a baseline's means were measured (not found kept).</summary>
    public int BaselinesMeasured { get; private set; }

    /// <summary>The digest a request's funnel is kept under: SHA-256 of what the measurement depends on, as JSON.</summary>
    public static string FunnelKey(ProjectionRequest request) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new
        {
            request.Parameters, request.Organisation, request.Levers, request.CurrentPlan, request.Weeks, request.CalibrationLeads, request.Seed,
            // Dated campaigns bring more or fewer leads from one start to another, and the leads set the reps' load.
            CampaignLeads = Math.Round(ProjectionPreparation.CampaignLeadsPerWeek(request), 9),
        }, Json))));

    /// <summary>Measures the funnel of a comparison of <paramref name="request"/> (levers aside) unless it is kept: ahead of the ask.</summary>
    public void Warm(ProjectionRequest request, ParallelOptions parallel) => FunnelOf(request with { Levers = ProjectionLevers.None }, parallel);

    /// <summary>Whether the funnel a comparison of <paramref name="request"/> needs is measured and kept.</summary>
    public bool HoldsFunnel(ProjectionRequest request)
    {
        var key = FunnelKey(request with { Levers = ProjectionLevers.None });
        lock (gate) return funnels.Any(e => e.Key == key && e.Value.IsValueCreated);
    }

    MeasuredFunnel FunnelOf(ProjectionRequest request, ParallelOptions parallel)
    {
        var key = FunnelKey(request);
        Lazy<MeasuredFunnel> lazy;
        lock (gate)
        {
            var node = funnels.First;
            while (node is not null && node.Value.Key != key) node = node.Next;
            if (node is not null) funnels.Remove(node);
            else node = new LinkedListNode<(string, Lazy<MeasuredFunnel>)>((key, new Lazy<MeasuredFunnel>(() =>
            {
                var measured = ProjectionPreparation.MeasureFunnel(request, parallel);
                lock (gate) Measured++;
                return measured;
            })));
            funnels.AddFirst(node);
            while (funnels.Count > Capacity) funnels.RemoveLast();
            lazy = node.Value.Value;
        }
        try
        {
            return lazy.Value;
        }
        catch
        {
            // A measurement cancelled or failed is not kept: the next ask measures again.
            lock (gate)
                for (var node = funnels.First; node is not null; node = node.Next)
                    if (ReferenceEquals(node.Value.Value, lazy)) { funnels.Remove(node); break; }
            throw;
        }
    }

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
    /// The request's funnel and baseline means: kept, or measured (the funnel unless kept, then <see cref="PlanComparison.BaselineOf"/>,
    /// <paramref name="chunkDone"/> hearing the baseline's paths) and kept.
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
        var plain = request with { Levers = ProjectionLevers.None };
        var prepared = ProjectionPreparation.Prepare(plain, parallel, FunnelOf(plain, parallel));
        var (newCustomers, repurchase) = PlanComparison.BaselineOf(prepared, parallel, chunkDone);
        var baseline = new Baseline(prepared, newCustomers, repurchase);
        lock (gate)
        {
            BaselinesMeasured++;
            if (!entries.Any(e => e.Key == key)) entries.AddFirst((key, baseline));
            while (entries.Count > Capacity) entries.RemoveLast();
        }
        return baseline;
    }
}
