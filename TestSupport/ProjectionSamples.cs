using Growth.Domain.Organisations;
using Growth.Domain.Projection;
using Growth.Domain.Simulation;

namespace Growth.TestSupport;

/// <summary>The small organisation and request the projection tests share.</summary>
internal static class ProjectionSamples
{
    internal static readonly Organisation Org = OrganisationFactory.Build(42, 2, 2, 8, 5);

    internal static ProjectionRequest Request(ProjectionLevers? levers = null, int weeks = 13, int paths = 600) => new()
    {
        Organisation = Org, ExistingCustomers = 100, Weeks = weeks, Paths = paths, Seed = 5, CalibrationLeads = 8000,
        Levers = levers ?? ProjectionLevers.None,
    };
}
