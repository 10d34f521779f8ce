using Growth.Domain.Projection;
using Growth.Grains.Errors;
using Orleans.Concurrency;

namespace Growth.Grains.Projection;

/// <summary>
/// Thin: hands the request to the pure engine, whose loops run on the silo's shared <see cref="ProjectionCores"/>
/// (fixed chunks with their own seeds, so the result does not depend on where or how parallel it ran).
/// </summary>
[StatelessWorker]
public sealed class ProjectionWorkerGrain(ProjectionCores cores) : Grain, IProjectionWorkerGrain
{
    public Task<ProjectionResult> RunAsync(ProjectionRequest request)
    {
        if (request.Validate() is { } error) throw new DomainException(error);
        return Task.FromResult(ProjectionEngine.Run(request, cores.Options));
    }

    public Task<PreparedProjection> PrepareAsync(ProjectionRequest request, CancellationToken cancellationToken)
    {
        if (request.Validate() is { } error) throw new DomainException(error);
        return Task.FromResult(ProjectionPreparation.Prepare(request, cores.OptionsFor(cancellationToken)));
    }

    public Task<ProjectionPart> RunChunksAsync(PreparedProjection prepared, int fromChunk, int toChunk, CancellationToken cancellationToken) =>
        Task.FromResult(ProjectionChunkGrain.Run(prepared, fromChunk, toChunk, cores.OptionsFor(cancellationToken)));
}
