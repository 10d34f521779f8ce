using Growth.Domain.Simulation;

namespace Growth.Domain.Training;

/// <summary>Generated names for a training customer (Bogus, through <see cref="PersonaNames"/>), from the persona's seed.</summary>
public static class TrainingFacesFactory
{
    public static TrainingFaces For(TrainingScenario scenario, ulong seed)
    {
        var names = PersonaNames.For(TrainingPersonas.PersonaSeed(scenario, seed));
        return new TrainingFaces(names.Company, names.Contact, names.Role, names.City);
    }

    /// <summary>The persona of a scenario, difficulty and seed: the same customer every time.</summary>
    public static TrainingPersona Persona(TrainingScenario scenario, TrainingDifficulty difficulty, ulong seed) =>
        TrainingPersonas.Draw(scenario, difficulty, seed, For(scenario, seed));
}
