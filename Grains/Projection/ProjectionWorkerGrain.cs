using Growth.Domain.Projection;
using Growth.Grains.Errors;
using Orleans.Concurrency;

namespace Growth.Grains.Projection;

/// <summary>
/// Thin: hands the request to the pure engine, which spreads the paths over the cores itself (fixed chunks with
/// their own seeds, so the result does not depend on where or how parallel it ran).
/// </summary>
[StatelessWorker]
public sealed class ProjectionWorkerGrain : Grain, IProjectionWorkerGrain
{
    public Task<ProjectionResult> RunAsync(ProjectionRequest request)
    {
        if (request.Validate() is { } error) throw new DomainException(error);
        return Task.FromResult(ProjectionEngine.Run(request));
    }
}
