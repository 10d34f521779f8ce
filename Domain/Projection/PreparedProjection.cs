using Growth.Domain.Journeys;

namespace Growth.Domain.Projection;

/// <summary>
/// A projection ready to run: the scenario's channels, rates and delays measured once, and what the paths need to
/// cost and judge themselves. Paths are run in fixed chunks, each with its own derived seed, so any set of workers
/// (cores here, or stateless worker grains across silos) can run any chunks and the result is the same.
/// </summary>
public sealed class PreparedProjection
{
    public required ProjectionRequest Request { get; init; }
    public required FunnelKernels Kernels { get; init; }
    public required ChannelFlow[] Channels { get; init; }
    /// <summary>Share of referral leads with real intent.</summary>
    public required double ReferralEffectiveShare { get; init; }
    public required decimal Quota { get; init; }
    public required decimal Target { get; init; }
    public required int Headcount { get; init; }
    public required double LoadRatio { get; init; }
    public required decimal HireCost { get; init; }
    /// <summary>Lead arrival weight of each week (months weigh differently, <see cref="Simulation.LeadArrival"/>); empty: 1.</summary>
    public double[] SeasonByWeek { get; init; } = [];
    public double Season(int week) => week < SeasonByWeek.Length ? SeasonByWeek[week] : 1;
    public int Weeks => Request.Weeks;
    public int Chunks => (Request.Paths + ProjectionEngine.ChunkPaths - 1) / ProjectionEngine.ChunkPaths;
}
