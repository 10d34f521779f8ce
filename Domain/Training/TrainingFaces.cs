using Growth.Domain.Simulation;

namespace Growth.Domain.Training;

/// <summary>Generated names for a training customer (Bogus, through <see cref="PersonaNames"/>), from the persona's seed.</summary>
public static class TrainingFacesFactory
{
    public static TrainingFaces For(TrainingScenario scenario, ulong seed)
    {
        if (scenario.Language == TrainingLanguages.Chinese) return Chinese(TrainingPersonas.PersonaSeed(scenario, seed));
        var names = PersonaNames.For(TrainingPersonas.PersonaSeed(scenario, seed));
        return new TrainingFaces(names.Company, names.Contact, names.Role, names.City);
    }

    /// <summary>The persona of a scenario, difficulty and seed: the same customer every time.</summary>
    public static TrainingPersona Persona(TrainingScenario scenario, TrainingDifficulty difficulty, ulong seed) =>
        TrainingPersonas.Draw(scenario, difficulty, seed, For(scenario, seed));

    /// <summary>A Chinese face (<see cref="PersonaNames"/> in its zh_CN locale): family name first, a Chinese city and firm.</summary>
    static TrainingFaces Chinese(ulong seed)
    {
        var names = PersonaNames.For(seed, PersonaNames.ChineseLocale);
        return new TrainingFaces(names.Company, names.Contact, names.Role, names.City);
    }
}
