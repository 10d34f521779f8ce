using Growth.Domain.Organisations;
using Growth.Domain.Simulation;

namespace Growth.Domain.Setup;

/// <summary>Turns a setup into what the simulation and the figures run on: the organisation and the behaviour parameters.</summary>
public static class SetupCompiler
{
    /// <summary>Regions, teams, reps (with their target for the fiscal quarter holding <paramref name="asOf"/>) and campaigns.</summary>
    public static Organisation Organisation(SetupDocument setup, DateTimeOffset asOf) => throw new NotImplementedException();

    /// <summary><paramref name="basis"/> with the setup's prices, catalogue, channel costs and payment terms.</summary>
    public static BehaviourParameters Parameters(SetupDocument setup, BehaviourParameters basis) => throw new NotImplementedException();
}
