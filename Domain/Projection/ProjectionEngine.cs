namespace Growth.Domain.Projection;

/// <summary>
/// Monte Carlo projection of a sales organisation, pure and deterministic per seed: the funnel is measured once
/// (<see cref="ProjectionPreparation"/>), paths are sampled in fixed, separately seeded chunks (<see cref="PathSimulation"/>)
/// and joined into bands and odds (<see cref="ProjectionSummary"/>). Where the loops run is the caller's choice
/// (<see cref="ParallelOptions"/>: a core limit, or a scheduler shared by concurrent runs); the figures are the same.
/// </summary>
public static class ProjectionEngine
{
    /// <summary>Paths per chunk: the unit of work and of seeding.</summary>
    public const int ChunkPaths = 250;

    /// <summary>Prepares, runs every path on this machine's cores (or at most <paramref name="maxParallelism"/>) and summarises.</summary>
    public static ProjectionResult Run(ProjectionRequest request, int maxParallelism = -1) => Run(request, Cores(maxParallelism));

    /// <summary>Prepares, runs every path and summarises, every loop with <paramref name="parallel"/>.</summary>
    public static ProjectionResult Run(ProjectionRequest request, ParallelOptions parallel)
    {
        var prepared = ProjectionPreparation.Prepare(request, parallel);
        return ProjectionSummary.Summarise(prepared, [PathSimulation.RunChunks(prepared, 0, prepared.Chunks, parallel)], parallel);
    }

    /// <summary>Measures the scenario's funnel and works out its flows, quota, target and costs.</summary>
    public static PreparedProjection Prepare(ProjectionRequest r, int maxParallelism = -1) => ProjectionPreparation.Prepare(r, Cores(maxParallelism));

    /// <summary>The reps' quarterly targets summed and pro-rated to the horizon.</summary>
    public static decimal QuotaOf(ProjectionRequest r) => ProjectionPreparation.QuotaOf(r);

    /// <summary>The company target: the one asked for, or the quota.</summary>
    public static decimal TargetOf(ProjectionRequest r) => ProjectionPreparation.TargetOf(r);

    /// <summary>Runs chunks [<paramref name="fromChunk"/>, <paramref name="toChunk"/>) in parallel over the cores.</summary>
    public static PathBlock RunChunks(PreparedProjection prep, int fromChunk, int toChunk, int maxParallelism = -1) =>
        PathSimulation.RunChunks(prep, fromChunk, toChunk, Cores(maxParallelism));

    /// <summary>Joins blocks (in path order) into the result: bands, odds, costs and factors.</summary>
    public static ProjectionResult Summarise(PreparedProjection prep, IReadOnlyList<PathBlock> blocks) =>
        ProjectionSummary.Summarise(prep, blocks, new ParallelOptions());

    static ParallelOptions Cores(int maxParallelism) => new() { MaxDegreeOfParallelism = maxParallelism };
}
