using System.Text.RegularExpressions;
using Growth.Grains.Model;

namespace Growth.Grains.Contracts;

/// <summary>Starts a training session.</summary>
/// <param name="Scenario">The scenario, as the host's catalogue read it (sessions keep it, so a replay never depends on files).</param>
/// <param name="Difficulty">How hard the customer is.</param>
/// <param name="Seed">The persona seed; null uses the scenario's own, so every trainee meets the same customer.</param>
/// <param name="Trainee">The trainee's name (see <see cref="TrainingKeys.IsValidName"/>).</param>
/// <param name="Cohort">The cohort the session counts for.</param>
[GenerateSerializer, Immutable]
public sealed record TrainingStart(
    [property: Id(0)] TrainingScenario Scenario,
    [property: Id(1)] TrainingDifficulty Difficulty,
    [property: Id(2)] ulong? Seed,
    [property: Id(3)] string Trainee,
    [property: Id(4)] string Cohort);

/// <summary>Drops a trainee's measured skills into a simulated team and runs it with and without them.</summary>
/// <param name="Trainee">Whose skills (the name shown).</param>
/// <param name="Skills">Skill per conversation step, 0..1 (untested steps already filled in).</param>
/// <param name="Seed">Seed of the simulated organisation, so both runs see the same leads.</param>
/// <param name="Days">Simulated days each run covers.</param>
[GenerateSerializer, Immutable]
public sealed record TrainingFunnelRequest(
    [property: Id(0)] string Trainee,
    [property: Id(1)] double[] Skills,
    [property: Id(2)] ulong Seed = 42,
    [property: Id(3)] int Days = 90);

/// <summary>
/// One training session: a trainee against one simulated customer. Key: "{training workspace}/{sessionId}".
/// Finished sessions are reported to the trainee's history and the cohort's leaderboard.
/// </summary>
public interface ITrainingSessionGrain : IGrainWithStringKey
{
    /// <summary>Creates the persona from the scenario and seed and presents the opening. Refused if the session already started.</summary>
    Task<TrainingSessionView> StartAsync(TrainingStart start);

    /// <summary>Applies one choice (an id from the view's choices); refused if it is not on offer or the session is over.</summary>
    Task<TrainingSessionView> ChooseAsync(string optionId);

    /// <summary>The session, or null if it was never started.</summary>
    Task<TrainingSessionView?> GetAsync();
}

/// <summary>A trainee's finished sessions and measured skill per step. Key: "{training workspace}/{trainee key}".</summary>
public interface ITrainingTraineeGrain : IGrainWithStringKey
{
    Task RecordAsync(TrainingResult result);

    /// <summary>Finished sessions, newest first.</summary>
    Task<IReadOnlyList<TrainingResult>> GetHistoryAsync();

    /// <summary>Measured skill per conversation step (null where no session reached the step).</summary>
    Task<double?[]> GetSkillsAsync();
}

/// <summary>A cohort of trainees: every finished session and the leaderboard. Key: "{training workspace}/{cohort key}".</summary>
public interface ICohortGrain : IGrainWithStringKey
{
    Task RecordAsync(TrainingResult result);
    Task<IReadOnlyList<TrainingLeaderboardRow>> GetLeaderboardAsync();

    /// <summary>Finished sessions, newest first.</summary>
    Task<IReadOnlyList<TrainingResult>> GetResultsAsync();
}

/// <summary>
/// Runs a trainee's skills on a simulated funnel: two simulation workspaces with the same seed and span, one with a
/// rep's skills replaced. Key: "{training workspace}/{trainee key}". The caller drives the runs a chunk at a time
/// (<see cref="AdvanceAsync"/>), so no call runs long and a page can show progress. Same request, same workspaces:
/// a repeated request finds its finished runs.
/// </summary>
public interface ITrainingFunnelGrain : IGrainWithStringKey
{
    /// <summary>Sets up both simulations (or finds them) and returns how far they have run.</summary>
    Task<TrainingFunnelStatus> StartAsync(TrainingFunnelRequest request);

    /// <summary>Runs both simulations one more chunk of simulated days; the effect is filled in once both reach the span.</summary>
    Task<TrainingFunnelStatus> AdvanceAsync();

    Task<TrainingFunnelStatus?> GetAsync();
}

/// <summary>How far a funnel projection has run; <see cref="Effect"/> once it is done.</summary>
[GenerateSerializer, Immutable]
public sealed record TrainingFunnelStatus(
    [property: Id(0)] TrainingFunnelRequest Request,
    [property: Id(1)] int DaysRun,
    [property: Id(2)] TrainingFunnelEffect? Effect)
{
    public bool Done => Effect is not null;
}

/// <summary>Names and keys of the training grains.</summary>
public static partial class TrainingKeys
{
    /// <summary>The default training workspace.</summary>
    public const string DefaultWorkspace = "training";

    /// <summary>Trainee and cohort names: 1-40 letters, digits, spaces, dots, dashes or underscores.</summary>
    public static bool IsValidName(string? name) => name is not null && NamePattern().IsMatch(name);

    /// <summary>The grain id of a trainee or cohort name: case and spacing do not make a different person.</summary>
    public static string KeyOf(string name) => TrainingScoring.TraineeKey(name);

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9 ._-]{0,39}$")]
    private static partial Regex NamePattern();
}
