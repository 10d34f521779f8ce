using Growth.Domain.Projection;
using Growth.Grains.Errors;
using Growth.Grains.Projection;
using Growth.Grains.Tests.Cluster;
using Growth.TestSupport;

namespace Growth.Grains.Tests.Projection;

/// <summary>A large run split over chunk grains across the two silos joins to exactly the run on one machine.</summary>
[Collection(ClusterCollection.Name)]
public class ProjectionSpreadTests(ClusterFixture fixture)
{
    [Fact]
    public async Task Chunks_run_on_any_silo_join_to_the_same_result_as_one_machine()
    {
        var request = ProjectionSamples.Request(weeks: 10, paths: 1100) with { OpenOpportunities = 40 };
        var local = ProjectionEngine.Run(request);

        var chunks = (request.Paths + ProjectionEngine.ChunkPaths - 1) / ProjectionEngine.ChunkPaths;
        var parts = await Task.WhenAll(new[] { (0, 2), (2, 3), (3, chunks) }.Select((range, i) =>
            fixture.Grains.GetGrain<IProjectionChunkGrain>(1000 + i).RunAsync(request, range.Item1, range.Item2)));
        var joined = ProjectionEngine.Summarise(parts[1].Prepared, parts.Reverse().Select(p => p.ToBlock()).ToList());

        Assert.Equal(System.Text.Json.JsonSerializer.Serialize(local), System.Text.Json.JsonSerializer.Serialize(joined));
        await Assert.ThrowsAsync<DomainException>(() => fixture.Grains.GetGrain<IProjectionChunkGrain>(1).RunAsync(request, 3, 99));
    }
}
