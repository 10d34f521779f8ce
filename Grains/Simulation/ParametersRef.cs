using Growth.Domain.Simulation;

namespace Growth.Grains.Simulation;

/// <summary>Behaviour parameters passed by reference: never copied on a local call.</summary>
[GenerateSerializer, Immutable]
public sealed record ParametersRef([property: Id(0)] BehaviourParameters Value);
