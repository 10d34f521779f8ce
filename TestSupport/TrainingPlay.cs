using Growth.Domain.Training;

namespace Growth.TestSupport;

/// <summary>Shared helpers: the shipped catalogue and scripted trainees.</summary>
public static class TrainingPlay
{
    /// <summary>The scenarios shipped with the build (immutable once loaded).</summary>
    public static TrainingCatalogue Catalogue { get; } = TrainingCatalogue.Load();

    public static TrainingScenario Scenario(string id) => Catalogue.Find(id) ?? throw new InvalidOperationException($"no scenario {id}");

    public static TrainingState Start(TrainingScenario s, TrainingDifficulty d, ulong seed) =>
        TrainingEngine.Start(s, d, seed, TrainingFacesFactory.Persona(s, d, seed));

    /// <summary>Plays to the end, each turn choosing with <paramref name="pick"/>.</summary>
    public static TrainingState Play(TrainingScenario s, TrainingState state, Func<TrainingState, TrainingOption> pick)
    {
        for (var guard = 0; state.Outcome == TrainingOutcome.InProgress; guard++)
        {
            Assert.True(guard < 50, "a session must end");
            state = TrainingEngine.Choose(s, state, pick(state).Id);
        }
        return state;
    }

    public static TrainingOption Best(TrainingState s) => s.Options.MaxBy(o => o.Quality)!;
    public static TrainingOption Worst(TrainingState s) => s.Options.Where(o => o.Kind == TrainingOptionKind.Response).MinBy(o => o.Quality)!;
}
