using Growth.Domain.Projection;
using Growth.Grains.Errors;
using Orleans.Placement;

namespace Growth.Grains.Projection;

/// <summary>
/// Thin: prepares and runs a range of chunks with the pure engine, on its silo's shared <see cref="ProjectionCores"/>.
/// Randomly placed so slots land on every silo.
/// </summary>
[RandomPlacement]
public sealed class ProjectionChunkGrain(ProjectionCores cores) : Grain, IProjectionChunkGrain
{
    public Task<ProjectionPart> RunAsync(ProjectionRequest request, int fromChunk, int toChunk)
    {
        if (request.Validate() is { } error) throw new DomainException(error);
        var parallel = cores.Options;
        var prepared = ProjectionPreparation.Prepare(request, parallel);
        if (fromChunk < 0 || toChunk > prepared.Chunks || fromChunk >= toChunk)
            throw new DomainException($"chunks {fromChunk}..{toChunk} are outside 0..{prepared.Chunks}");
        return Task.FromResult(ProjectionPart.Of(prepared, PathSimulation.RunChunks(prepared, fromChunk, toChunk, parallel)));
    }

    public Task<ProjectionPart> RunPreparedAsync(PreparedProjection prepared, int fromChunk, int toChunk, CancellationToken cancellationToken) =>
        Task.FromResult(Run(prepared, fromChunk, toChunk, cores.OptionsFor(cancellationToken)));

    /// <summary>Chunks [<paramref name="fromChunk"/>, <paramref name="toChunk"/>) of <paramref name="prepared"/>, or why the range is wrong.</summary>
    internal static ProjectionPart Run(PreparedProjection prepared, int fromChunk, int toChunk, ParallelOptions parallel)
    {
        if (fromChunk < 0 || toChunk > prepared.Chunks || fromChunk >= toChunk)
            throw new DomainException($"chunks {fromChunk}..{toChunk} are outside 0..{prepared.Chunks}");
        return ProjectionPart.Of(prepared, PathSimulation.RunChunks(prepared, fromChunk, toChunk, parallel));
    }
}
