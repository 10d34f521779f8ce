using Growth.Domain.Figures;
using Growth.Domain.Journeys;
using Growth.Domain.Organisations;
using Growth.Domain.Randomness;
using Growth.Domain.Simulation;

namespace Growth.Domain.Training;

/// <summary>
/// "How would this trainee do on our funnel?": one simulated team built from a seed, once as it is and once with its
/// median rep's skills replaced by the trainee's, over the same simulated span. Both runs get the same leads (same
/// seed), so the difference comes from the skills. Pure: the rules and the comparison; the caller runs the simulations.
/// </summary>
public static class TrainingFunnel
{
    /// <summary>Simulated start of both runs: fixed, so the same request gives the same figures.</summary>
    public static DateTimeOffset Start { get; } = new(2026, 1, 5, 0, 0, 0, TimeSpan.Zero);
    /// <summary>Shortest and longest span a comparison may cover, in simulated days.</summary>
    public const int MinDays = 7, MaxDays = 365;
    /// <summary>
    /// One team of five reps with a third of the default campaign budgets: small enough that one rep's skills show in
    /// the team's figures, busy enough (about 300 closed deals in 60 days) that the difference is not noise.
    /// </summary>
    const int RepsPerTeam = 5;
    const double BudgetScale = 1.0 / 3;
    /// <summary>Marketing campaigns feeding the team.</summary>
    const int Campaigns = 5;

    /// <summary>What is wrong with a request's skills or span; null if nothing.</summary>
    public static string? Problem(double[] skills, int days)
    {
        var steps = Enum.GetValues<ConversationStep>().Length;
        if (skills.Length != steps || skills.Any(s => !double.IsFinite(s) || s is < 0 or > 1))
            return $"skills: one value between 0 and 1 per conversation step ({steps}) is needed";
        if (days is < MinDays or > MaxDays) return $"days must be between {MinDays} and {MaxDays} (was {days})";
        return null;
    }

    /// <summary>The skills as both runs use them (to three decimals).</summary>
    public static double[] Rounded(double[] skills) => skills.Select(s => Math.Round(s, 3)).ToArray();

    /// <summary>The simulated organisation, as it is: one team.</summary>
    public static Organisation Team(ulong seed) => OrganisationFactory.Build(seed, 1, 1, RepsPerTeam, Campaigns, BudgetScale);

    /// <summary>The same organisation with the trainee, under their name and skills, in the median rep's place.</summary>
    public static Organisation WithTrainee(Organisation organisation, string trainee, double[] skills)
    {
        var team = organisation.Teams[0];
        var slot = Slot(team);
        return organisation with { Teams = [team with { Reps = team.Reps.Select(rep => rep.Id == slot.Id ? rep with { Name = trainee, Skills = skills } : rep).ToList() }] };
    }

    /// <summary>Names both runs by a hash of the request: a repeated request finds its runs, however far they got.</summary>
    public static (string Base, string Trainee) RunNames(ulong seed, int days, double[] skills, string trainee)
    {
        var id = Prng.StableHash($"{seed}|{days}|{string.Join(',', skills)}|{trainee}").ToString("x8");
        return ($"tf-{id}-base", $"tf-{id}-trainee");
    }

    /// <summary>The comparison, from the finished runs' figures.</summary>
    public static TrainingFunnelEffect Effect(Organisation organisation, string trainee, double[] skills, int days, ulong seed,
        WorkspaceSnapshot without, WorkspaceSnapshot with)
    {
        var team = organisation.Teams[0];
        var slot = Slot(team);
        return new TrainingFunnelEffect
        {
            Trainee = trainee,
            Skills = skills,
            ReplacedSkills = slot.Skills,
            TeamName = team.Name,
            Days = days,
            Seed = seed,
            Without = Figures(without, team.Id, slot.Id),
            With = Figures(with, team.Id, slot.Id),
        };
    }

    /// <summary>The trainee takes the place of the team's median rep (by average skill): "instead of a typical rep".</summary>
    static RepProfile Slot(TeamProfile team) =>
        team.Reps.OrderBy(r => r.AverageSkill).ThenBy(r => r.Id, StringComparer.Ordinal).ElementAt(team.Reps.Count / 2);

    static TrainingFunnelFigures Figures(WorkspaceSnapshot s, string teamId, string repId)
    {
        var team = s.Teams.First(t => t.Id == teamId);
        var rep = s.Reps.First(r => r.Id == repId);
        return new TrainingFunnelFigures(s.Workspace, team.Won, team.Lost, team.WinRate, team.Revenue,
            rep.Name, rep.Won, rep.Lost, rep.WinRate, rep.Revenue, rep.Leads);
    }
}
