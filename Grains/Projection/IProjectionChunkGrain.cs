using Growth.Domain.Projection;

namespace Growth.Grains.Projection;

/// <summary>
/// Runs a range of a large projection's path chunks on whichever silo it was placed on (random placement), so one
/// big run spreads over the cluster. Chunks carry their own seeds: the joined result equals a run on one machine.
/// Key: a slot number; a slot runs one range at a time.
/// </summary>
public interface IProjectionChunkGrain : IGrainWithIntegerKey
{
    /// <summary>Prepares the request (measuring its funnel) and runs chunks [<paramref name="fromChunk"/>, <paramref name="toChunk"/>).</summary>
    Task<ProjectionPart> RunAsync(ProjectionRequest request, int fromChunk, int toChunk);

    /// <summary>Runs chunks [<paramref name="fromChunk"/>, <paramref name="toChunk"/>) of a projection prepared elsewhere; cancelling stops it between chunks.</summary>
    Task<ProjectionPart> RunPreparedAsync(PreparedProjection prepared, int fromChunk, int toChunk, CancellationToken cancellationToken = default);
}

/// <summary>
/// One range of paths of a projection, in Orleans' binary format (large arrays; JSON would be ten times the size),
/// with the prepared projection (rates, flows, costs) needed to summarise.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record ProjectionPart(
    [property: Id(0)] PreparedProjection Prepared,
    [property: Id(1)] int FirstPath,
    [property: Id(2)] int Count,
    [property: Id(3)] double[] Revenue,
    [property: Id(4)] double[] Cash,
    [property: Id(5)] double[] NewCustomers,
    [property: Id(6)] double[] Repurchases,
    [property: Id(7)] double[] WonRevenue,
    [property: Id(8)] double[] RepurchaseRevenueNew,
    [property: Id(9)] double[] RepurchaseRevenueExisting,
    [property: Id(10)] double[] Wins,
    [property: Id(11)] double[] Qualified)
{
    /// <summary>The part of a block.</summary>
    public static ProjectionPart Of(PreparedProjection prepared, PathBlock b) => new(prepared, b.FirstPath, b.Count, b.Revenue, b.Cash,
        b.NewCustomers, b.Repurchases, b.WonRevenue, b.RepurchaseRevenueNew, b.RepurchaseRevenueExisting, b.Wins, b.Qualified);

    /// <summary>Back to the engine's block.</summary>
    public PathBlock ToBlock() => new()
    {
        FirstPath = FirstPath, Count = Count, Revenue = Revenue, Cash = Cash, NewCustomers = NewCustomers, Repurchases = Repurchases,
        WonRevenue = WonRevenue, RepurchaseRevenueNew = RepurchaseRevenueNew, RepurchaseRevenueExisting = RepurchaseRevenueExisting,
        Wins = Wins, Qualified = Qualified,
    };
}
