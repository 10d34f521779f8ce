using Growth.Domain.Projection;

namespace Growth.Grains.Projection;

/// <summary>
/// Runs one projection. A stateless worker: the silo keeps as many activations as it has cores, so a comparison's
/// independent runs (baseline, scenarios, sensitivity probes) run side by side. A run reads nothing and writes nothing:
/// projections never change a workspace.
/// </summary>
public interface IProjectionWorkerGrain : IGrainWithIntegerKey
{
    /// <summary>Projects one request (pure; the same request always gives the same result).</summary>
    Task<ProjectionResult> RunAsync(ProjectionRequest request);
}
