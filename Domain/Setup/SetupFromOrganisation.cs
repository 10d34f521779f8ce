using Growth.Domain.Organisations;
using Growth.Domain.Simulation;

namespace Growth.Domain.Setup;

/// <summary>
/// The setup that describes an organisation Growth already runs (one generated from a seed, or one read from an
/// imported history): so every workspace has a setup its leader can read and change.
/// </summary>
public static class SetupFromOrganisation
{
    public static SetupDocument Build(Organisation organisation, BehaviourParameters parameters, CompanySetup? company = null) =>
        throw new NotImplementedException();
}
