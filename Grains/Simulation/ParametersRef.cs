using Growth.Domain.Compensation;
using Growth.Domain.Journeys;
using Growth.Domain.Simulation;

namespace Growth.Grains.Simulation;

/// <summary>
/// Behaviour parameters passed by reference: never copied on a local call. A step's reps' pay stances
/// (pull-ins, hold-backs, discounts as their plans make them) travel with it to the journeys.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record ParametersRef([property: Id(0)] BehaviourParameters Value, [property: Id(1)] PayStances? Stances = null)
{
    /// <summary>These parameters with a step's pay stances (itself when there are none).</summary>
    public ParametersRef With(PayStances? stances) => stances is null && Stances is null ? this : this with { Stances = stances };

    /// <summary>A journey planner for these parameters and stances.</summary>
    public JourneyPlanner Planner() => new(Value, Stances);
}
