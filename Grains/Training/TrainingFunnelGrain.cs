using Growth.Domain.Figures;
using Growth.Domain.Journeys;
using Growth.Domain.Organisations;
using Growth.Domain.Randomness;
using Growth.Domain.Simulation;
using Growth.Domain.Training;
using Growth.Grains.Errors;
using Growth.Grains.Figures;
using Growth.Grains.Simulation;

namespace Growth.Grains.Training;

/// <summary>
/// "How would this trainee do on our funnel?": builds one simulated team from a seed, runs it as it is and with the
/// median rep's skills replaced by the trainee's, over the same simulated span, and compares the two. Both runs get
/// the same leads (same seed), so the difference comes from the skills. The caller advances the runs chunk by chunk.
/// </summary>
public sealed class TrainingFunnelGrain : Grain, ITrainingFunnelGrain
{
    /// <summary>Simulated start of both runs: fixed, so the same request gives the same figures.</summary>
    static readonly DateTimeOffset Start = new(2026, 1, 5, 0, 0, 0, TimeSpan.Zero);
    /// <summary>Simulated days per advance: a few seconds of work, far from the call timeout.</summary>
    const int ChunkDays = 10;
    /// <summary>
    /// One team of five reps with a third of the default campaign budgets: small enough that one rep's skills show in
    /// the team's figures, busy enough (about 300 closed deals in 60 days) that the difference is not noise.
    /// </summary>
    const int RepsPerTeam = 5;
    const double BudgetScale = 1.0 / 3;

    TrainingFunnelRequest? request;
    Organisation? baseOrg;
    string baseName = "", traineeName = "";
    TrainingFunnelStatus? status;

    public async Task<TrainingFunnelStatus> StartAsync(TrainingFunnelRequest r)
    {
        var steps = Enum.GetValues<ConversationStep>().Length;
        if (r.Skills.Length != steps || r.Skills.Any(s => !double.IsFinite(s) || s is < 0 or > 1))
            throw new DomainException($"skills: one value between 0 and 1 per conversation step ({steps}) is needed");
        if (r.Days is < 7 or > 365) throw new DomainException($"days must be between 7 and 365 (was {r.Days})");
        if (!TrainingKeys.IsValidName(r.Trainee)) throw new DomainException($"'{r.Trainee}' is not a trainee name");

        var skills = r.Skills.Select(s => Math.Round(s, 3)).ToArray();
        request = r with { Skills = skills };
        baseOrg = OrganisationFactory.Build(r.Seed, 1, 1, RepsPerTeam, 5, BudgetScale);
        var team = baseOrg.Teams[0];
        var slot = Slot(team);
        var withTrainee = baseOrg with { Teams = [team with { Reps = team.Reps.Select(rep => rep.Id == slot.Id ? rep with { Name = r.Trainee, Skills = skills } : rep).ToList() }] };

        // Named by a hash of the request: a repeated request finds its runs, however far they got.
        var id = Prng.StableHash($"{r.Seed}|{r.Days}|{string.Join(',', skills)}|{r.Trainee}").ToString("x8");
        (baseName, traineeName) = ($"tf-{id}-base", $"tf-{id}-trainee");
        var settings = new SimulationSettings { Seed = r.Seed, Start = Start, ExistingCustomers = 0 };
        var created = await Task.WhenAll(
            Simulation(baseName).CreateAsync(settings with { Organisation = baseOrg }),
            Simulation(traineeName).CreateAsync(settings with { Organisation = withTrainee }));
        status = new TrainingFunnelStatus(request, created.Min(DaysRun), null);
        return await FinishIfDoneAsync();
    }

    public async Task<TrainingFunnelStatus> AdvanceAsync()
    {
        if (status is null || request is null) throw new DomainException("no funnel projection has been started", DomainErrorKind.NotFound);
        if (status.Done) return status;
        var chunk = Math.Min(ChunkDays, request.Days - status.DaysRun);
        // Both runs advance to the same simulated day; one that is already there (a repeated request) is left alone.
        var statuses = await Task.WhenAll(new[] { baseName, traineeName }.Select(async name =>
        {
            var sim = Simulation(name);
            var s = await sim.GetStatusAsync();
            var behind = status.DaysRun + chunk - DaysRun(s);
            return behind > 0 ? await sim.RunForAsync(TimeSpan.FromDays(behind)) : s;
        }));
        status = status with { DaysRun = statuses.Min(DaysRun) };
        return await FinishIfDoneAsync();
    }

    public Task<TrainingFunnelStatus?> GetAsync() => Task.FromResult(status);

    async Task<TrainingFunnelStatus> FinishIfDoneAsync()
    {
        if (status!.DaysRun < request!.Days) return status;
        var snapshots = await Task.WhenAll(new[] { baseName, traineeName }.Select(async name =>
            await GrainFactory.GetGrain<IWorkspaceStatisticsGrain>(name).RefreshAsync()
            ?? throw new DomainException($"workspace {name} has no figures", DomainErrorKind.NotFound)));
        var team = baseOrg!.Teams[0];
        var slot = Slot(team);
        status = status with
        {
            Effect = new TrainingFunnelEffect
            {
                Trainee = request.Trainee,
                Skills = request.Skills,
                ReplacedSkills = slot.Skills,
                TeamName = team.Name,
                Days = request.Days,
                Seed = request.Seed,
                Without = Figures(snapshots[0], team.Id, slot.Id),
                With = Figures(snapshots[1], team.Id, slot.Id),
            },
        };
        return status;
    }

    /// <summary>The trainee takes the place of the team's median rep (by average skill): "instead of a typical rep".</summary>
    static RepProfile Slot(TeamProfile team) =>
        team.Reps.OrderBy(r => r.AverageSkill).ThenBy(r => r.Id, StringComparer.Ordinal).ElementAt(team.Reps.Count / 2);

    static int DaysRun(SimulationStatus s) =>
        s.SimulatedNow is { } now && s.Start is { } start ? (int)Math.Floor((now - start).TotalDays + 1e-9) : 0;

    ISimulationGrain Simulation(string name) => GrainFactory.GetGrain<ISimulationGrain>(name);

    static TrainingFunnelFigures Figures(WorkspaceSnapshot s, string teamId, string repId)
    {
        var team = s.Teams.First(t => t.Id == teamId);
        var rep = s.Reps.First(r => r.Id == repId);
        return new TrainingFunnelFigures(s.Workspace, team.Won, team.Lost, team.WinRate, team.Revenue,
            rep.Name, rep.Won, rep.Lost, rep.WinRate, rep.Revenue, rep.Leads);
    }
}
