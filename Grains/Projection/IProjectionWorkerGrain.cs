using Growth.Domain.Projection;

namespace Growth.Grains.Projection;

/// <summary>
/// Runs one projection. A stateless worker: the silo keeps as many activations as it has cores, so a comparison's
/// independent runs (baseline, scenarios, sensitivity probes) run side by side, their loops sharing the silo's
/// <see cref="ProjectionCores"/> (never more busy threads than cores). A run reads nothing and writes nothing:
/// projections never change a workspace.
/// </summary>
public interface IProjectionWorkerGrain : IGrainWithIntegerKey
{
    /// <summary>Projects one request (pure; the same request always gives the same result).</summary>
    Task<ProjectionResult> RunAsync(ProjectionRequest request);

    /// <summary>Measures the request's funnel once, so its chunks can run apart (<see cref="RunChunksAsync"/>); cancellable.</summary>
    Task<PreparedProjection> PrepareAsync(ProjectionRequest request, CancellationToken cancellationToken = default);

    /// <summary>
    /// Runs chunks [<paramref name="fromChunk"/>, <paramref name="toChunk"/>) of a prepared projection; the caller joins
    /// the parts in path order and counts its progress per part. Cancelling stops it between chunks.
    /// </summary>
    Task<ProjectionPart> RunChunksAsync(PreparedProjection prepared, int fromChunk, int toChunk, CancellationToken cancellationToken = default);
}
