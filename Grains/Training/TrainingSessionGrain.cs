using Growth.Domain.Training;
using Growth.Grains.Errors;
using Growth.Grains.Runtime;
using Growth.Grains.Workspaces;
using Microsoft.Extensions.DependencyInjection;

namespace Growth.Grains.Training;

[GenerateSerializer]
public sealed class TrainingSessionRecord
{
    [Id(0)] public TrainingScenario? Scenario { get; set; }
    [Id(1)] public TrainingState? State { get; set; }
    [Id(2)] public string Trainee { get; set; } = "";
    [Id(3)] public string Cohort { get; set; } = "";
    [Id(4)] public bool Reported { get; set; }
    /// <summary>A preview of a draft scenario: never reported.</summary>
    [Id(5)] public bool Preview { get; set; }
}

/// <summary>One trainee against one simulated customer: holds the session's state; the engine does the rest.</summary>
public sealed class TrainingSessionGrain(
    [PersistentState("training-session", GrainStorage.Name)] IPersistentState<TrainingSessionRecord> record,
    [FromKeyedServices(DomainClock.Key)] TimeProvider time) : Grain, ITrainingSessionGrain
{
    (string Workspace, string Id) Key => Keys.Split(this.GetPrimaryKeyString());

    public async Task<TrainingSessionView> StartAsync(TrainingStart start)
    {
        if (record.State.State is not null) throw new DomainException($"training session {Key.Id} has already started", DomainErrorKind.Conflict);
        if (!TrainingKeys.IsValidName(start.Trainee)) throw new DomainException($"'{start.Trainee}' is not a trainee name (1-40 letters, digits, spaces, dots, dashes)");
        if (!TrainingKeys.IsValidName(start.Cohort)) throw new DomainException($"'{start.Cohort}' is not a cohort name (1-40 letters, digits, spaces, dots, dashes)");
        // The scenario came from a catalogue that validated it; re-validating here keeps a hand-made call honest.
        try
        {
            TrainingScenarios.Recheck(start.Scenario, start.Scenario.Id + " (as sent)");
        }
        catch (TrainingScenarioException e) { throw new DomainException(e.Message); }
        var seed = start.Seed ?? start.Scenario.Seed;
        var persona = TrainingFacesFactory.Persona(start.Scenario, start.Difficulty, seed);
        record.State = new TrainingSessionRecord
        {
            Scenario = start.Scenario,
            State = TrainingEngine.Start(start.Scenario, start.Difficulty, seed, persona),
            Trainee = start.Trainee.Trim(),
            Cohort = start.Cohort.Trim(),
            Preview = start.Preview,
        };
        await record.WriteStateAsync();
        return View();
    }

    public Task<TrainingSessionView> ChooseAsync(string optionId) => ApplyAsync((scenario, state) => TrainingEngine.Choose(scenario, state, optionId));

    public Task<TrainingSessionView> SayAsync(string line) => ApplyAsync((scenario, state) => TrainingEngine.Say(scenario, state, line));

    async Task<TrainingSessionView> ApplyAsync(Func<TrainingScenario, TrainingState, TrainingState> turn)
    {
        var (scenario, state) = (record.State.Scenario, record.State.State);
        if (scenario is null || state is null) throw new DomainException($"training session {Key.Id} has not started", DomainErrorKind.NotFound);
        if (state.Outcome != TrainingOutcome.InProgress) throw new DomainException($"training session {Key.Id} is over ({state.Outcome})", DomainErrorKind.Conflict);
        try
        {
            record.State.State = turn(scenario, state);
        }
        catch (ArgumentException e) { throw new DomainException(e.Message); }
        await record.WriteStateAsync();
        if (record.State.State.Outcome != TrainingOutcome.InProgress && !record.State.Reported && !record.State.Preview) await ReportAsync();
        return View();
    }

    public Task<TrainingSessionView?> GetAsync() => Task.FromResult(record.State.State is null ? null : View());

    /// <summary>Hands the result to the trainee's history and the cohort's leaderboard (neither calls back: no cycle).</summary>
    async Task ReportAsync()
    {
        var s = record.State;
        var result = TrainingScoring.Result(s.State!, Key.Id, s.Trainee, s.Cohort, time.GetUtcNow());
        await Task.WhenAll(
            GrainFactory.GetGrain<ITrainingTraineeGrain>(Keys.Of(Key.Workspace, TrainingKeys.KeyOf(s.Trainee))).RecordAsync(result),
            GrainFactory.GetGrain<ICohortGrain>(Keys.Of(Key.Workspace, TrainingKeys.KeyOf(s.Cohort))).RecordAsync(result));
        s.Reported = true;
        await record.WriteStateAsync();
    }

    TrainingSessionView View()
    {
        var s = record.State;
        return TrainingViews.Of(Key.Workspace, Key.Id, s.Trainee, s.Cohort, s.Scenario!, s.State!);
    }
}
