using Growth.Domain.Training;

namespace Growth.Grains.Training;

/// <summary>Starts a training session.</summary>
/// <param name="Scenario">The scenario, as the host's catalogue read it (sessions keep it, so a replay never depends on files).</param>
/// <param name="Difficulty">How hard the customer is.</param>
/// <param name="Seed">The persona seed; null uses the scenario's own, so every trainee meets the same customer.</param>
/// <param name="Trainee">The trainee's name (see <see cref="TrainingKeys.IsValidName"/>).</param>
/// <param name="Cohort">The cohort the session counts for.</param>
/// <param name="Preview">A preview of a scenario being written: played as any session, but reported nowhere (no history, no leaderboard).</param>
[GenerateSerializer, Immutable]
public sealed record TrainingStart(
    [property: Id(0)] TrainingScenario Scenario,
    [property: Id(1)] TrainingDifficulty Difficulty,
    [property: Id(2)] ulong? Seed,
    [property: Id(3)] string Trainee,
    [property: Id(4)] string Cohort,
    [property: Id(5)] bool Preview = false);

/// <summary>
/// One training session: a trainee against one simulated customer. Key: "{training workspace}/{sessionId}".
/// Finished sessions are reported to the trainee's history and the cohort's leaderboard (previews are not).
/// </summary>
public interface ITrainingSessionGrain : IGrainWithStringKey
{
    /// <summary>Creates the persona from the scenario and seed and presents the opening. Refused if the session already started.</summary>
    Task<TrainingSessionView> StartAsync(TrainingStart start);

    /// <summary>Applies one choice (an id from the view's choices); refused if it is not on offer or the session is over.</summary>
    Task<TrainingSessionView> ChooseAsync(string optionId);

    /// <summary>
    /// Applies a line the trainee typed instead of a choice: the line reader reads it and the customer takes it as the
    /// scripted move it stands for. Refused (naming the problem) for an empty or too long line, a session not started or over.
    /// </summary>
    Task<TrainingSessionView> SayAsync(string line);

    /// <summary>The session, or null if it was never started.</summary>
    Task<TrainingSessionView?> GetAsync();
}
