using Growth.Dashboard.Application.Workspaces;
using Growth.Dashboard.Security;
using Growth.Domain.Access;
using Growth.Domain.Journeys;
using Growth.Domain.Training;
using Growth.Grains.Journeys;
using Growth.Grains.Training;
using Growth.Grains.Workspaces;

namespace Growth.Dashboard.Application.Training;

/// <summary>A session started from a lost deal, with the deal it replays (where it died, the objections it met).</summary>
public sealed record LostDealSession(TrainingSessionView Session, LostDeal Deal, TrainingDifficulty Difficulty);

/// <summary>
/// Coaching from the funnel: a rep's real losses in a workspace yield the practice to do (<see cref="TrainingCoaching"/>),
/// and any lost deal becomes a session (<see cref="LostDealScenarios"/>). Reading a workspace's journeys needs the
/// customer area there and stays inside the viewer's part (a rep their own deals, a manager their team's).
/// </summary>
public sealed class TrainingCoachingService(IGrainFactory grains, TrainingCatalogue catalogue, TrainingService training, WorkspaceReader reader)
{
    /// <summary>The rep a viewer is coached as in <paramref name="workspace"/> by default: their own rep grant's id, if they hold one.</summary>
    public static string? OwnRep(Viewer viewer, string workspace) =>
        viewer.Grants.FirstOrDefault(g => g.Covers(workspace) && g.Role == Role.Rep && g.Scope is not null)?.Scope;

    /// <summary>Where <paramref name="repId"/> loses most deals in <paramref name="workspace"/>, and what to practise.</summary>
    public async Task<Outcome<TrainingAdvice>> AdviceAsync(string workspace, string? repId, Viewer viewer)
    {
        if (Refusal.OfWorkspaceName(workspace) is { } badName) return badName;
        if (!Keys.IsValidId(repId)) return new Refusal(RefusalKind.Invalid, "Invalid rep", $"rep: '{repId}' is not a rep id (such as rep-1-2-3)");
        if (!viewer.Allows(Area.Customer, workspace)) return Refusal.NotAllowed($"your roles do not include the deals of workspace {workspace}");
        if (!await reader.ExistsAsync(workspace)) return Refusal.UnknownWorkspace(workspace);
        var scope = AccessRules.ScopeOf(viewer.Grants, workspace);
        var states = await StatesAsync(workspace);
        var reps = states.Where(s => s.RepId == repId).ToList();
        if (reps.Any(s => !scope.Includes(s.RegionId, s.TeamId, s.RepId)))
            return Refusal.NotAllowed($"rep: {repId} is outside your part of workspace {workspace}");
        // Archived journeys (closed longer ago than the retention) are not among the states: the advice says how many.
        var archived = await WorkspaceJourneys.ArchivedCountAsync(grains, workspace);
        return TrainingCoaching.Advise(reps, repId!, catalogue.Scenarios) with { Archived = archived };
    }

    /// <summary>
    /// Builds the practice of a lost deal (journey <paramref name="journeyId"/> of <paramref name="workspace"/>, inside
    /// the viewer's part) and starts a session of it in <paramref name="trainingWorkspace"/> for <paramref name="trainee"/>.
    /// </summary>
    public async Task<Outcome<LostDealSession>> PractiseAsync(string trainingWorkspace, string workspace, string? journeyId, Viewer viewer, string? trainee, string? cohort)
    {
        if (Refusal.OfWorkspaceName(workspace) is { } badName) return badName;
        if (Refusal.OfJourneyId(journeyId) is { } badId) return badId;
        if (!viewer.Allows(Area.Customer, workspace)) return Refusal.NotAllowed($"your roles do not include the deals of workspace {workspace}");
        if (!TrainingKeys.IsValidName(trainee)) return new Refusal(RefusalKind.Invalid, "No trainee", "trainee: sign in, or name the trainee (letters, digits, spaces, dots or dashes)");
        cohort = string.IsNullOrWhiteSpace(cohort) ? "default" : cohort.Trim();
        if (!TrainingKeys.IsValidName(cohort)) return new Refusal(RefusalKind.Invalid, "Invalid cohort", $"cohort: '{cohort}' is not a cohort name");
        var journey = await reader.JourneyAsync(workspace, journeyId!, AccessRules.ScopeOf(viewer.Grants, workspace));
        if (journey.Refusal is { } refused) return refused;
        var (deal, problem) = LostDealScenarios.Of(workspace, journey.Value!.State, journey.Value.Recent);
        if (deal is null) return new Refusal(RefusalKind.Conflict, "Not a lost deal", $"journeyId: {problem}");
        // The practice in the reader's language (the page's UI culture).
        var practice = LostDealScenarios.Build(deal, catalogue.In(System.Globalization.CultureInfo.CurrentUICulture.Name).Scenarios);
        var session = await training.StartAsync(trainingWorkspace, new TrainingStart(practice.Scenario, practice.Difficulty, practice.Seed, trainee!, cohort));
        return new LostDealSession(session, deal, practice.Difficulty);
    }

    Task<List<JourneyState>> StatesAsync(string workspace) => WorkspaceJourneys.StatesAsync(grains, workspace);
}
