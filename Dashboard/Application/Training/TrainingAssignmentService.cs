using Growth.Dashboard.Security;
using Growth.Domain.Training;
using Growth.Grains.Errors;
using Growth.Grains.Runtime;
using Growth.Grains.Training;
using Growth.Grains.Workspaces;

namespace Growth.Dashboard.Application.Training;

/// <summary>One line of an assignment's board: the trainee's progress and, once run, their "on our funnel" effect.</summary>
public sealed record AssignmentBoardRow(AssignmentProgress Progress, TrainingFunnelEffect? Effect);

/// <summary>An assignment with the board lines the viewer may see; <see cref="Managed"/>: the viewer sees every line.</summary>
public sealed record AssignmentBoard(TrainingAssignment Assignment, IReadOnlyList<AssignmentBoardRow> Rows, bool Managed);

/// <summary>
/// Managers' assignments in a training workspace: assign, the progress board (cut to what the viewer may see) and
/// certificates. The list is the <see cref="ITrainingAssignmentsGrain"/>'s; the rules are <see cref="TrainingAssignments"/>'.
/// </summary>
public sealed class TrainingAssignmentService(IGrainFactory grains, ScenarioAuthoringService authoring, [FromKeyedServices(DomainClock.Key)] TimeProvider time)
{
    /// <summary>Who the viewer is on the assignments of <paramref name="workspace"/>.</summary>
    public static AssignmentViewer ViewerOf(Viewer viewer, string workspace) =>
        TrainingAssignmentAccess.ViewerOf(viewer.Grants, workspace, TrainingService.TraineeOf(viewer, workspace).OwnName);

    /// <summary>Stores an assignment; refused if the viewer may not assign, or naming the field of a bad request.</summary>
    public async Task<Outcome<TrainingAssignment>> AssignAsync(string workspace, Viewer viewer, TrainingAssignmentRequest request)
    {
        var who = ViewerOf(viewer, workspace);
        if (!who.MayAssign) return Refusal.NotAllowed($"only leaders, sales managers and administrators of {workspace} may assign training");
        try
        {
            var assignedBy = who.OwnName ?? viewer.Name ?? "unknown";
            // The workspace's own scenarios may be assigned as the built-in ones (an assignment names the id).
            var scenarios = (await authoring.CatalogueAsync(workspace, ScenarioLibrary.English)).Scenarios;
            return await Assignments(workspace).AssignAsync(request, scenarios, assignedBy, who.SeesAll ? [] : who.Teams);
        }
        catch (DomainException e) { return new Refusal(RefusalKind.Invalid, "The assignment was refused", e.Message); }
    }

    /// <summary>Every assignment the viewer has a part in, newest first, each with the board lines they may see.</summary>
    public async Task<IReadOnlyList<AssignmentBoard>> BoardAsync(string workspace, Viewer viewer)
    {
        var who = ViewerOf(viewer, workspace);
        var now = time.GetUtcNow();
        var boards = new List<AssignmentBoard>();
        var histories = new Dictionary<string, Task<IReadOnlyList<TrainingResult>>>();
        var cohorts = new Dictionary<string, Task<IReadOnlyList<TrainingLeaderboardRow>>>();
        foreach (var assignment in (await Assignments(workspace).ListAsync()).Reverse())
        {
            var managed = TrainingAssignmentAccess.Manages(who, assignment);
            var cohortMembers = assignment.Cohort is { } cohort
                ? (await Cached(cohorts, TrainingKeys.KeyOf(cohort), k => grains.GetGrain<ICohortGrain>(Keys.Of(workspace, k)).GetLeaderboardAsync())).Select(r => r.Trainee)
                : [];
            var members = TrainingAssignments.Members(assignment, cohortMembers);
            // A rep or trainee reads only their own line: no other trainee's history is fetched for them.
            var shown = managed ? members : members.Where(m => who.OwnName is { } own && TrainingKeys.KeyOf(m) == TrainingKeys.KeyOf(own)).ToList();
            if (!managed && shown.Count == 0) continue;
            var rows = new List<AssignmentBoardRow>();
            foreach (var trainee in shown)
            {
                var key = TrainingKeys.KeyOf(trainee);
                var history = await Cached(histories, key, k => grains.GetGrain<ITrainingTraineeGrain>(Keys.Of(workspace, k)).GetHistoryAsync());
                var effect = managed ? (await grains.GetGrain<ITrainingFunnelGrain>(Keys.Of(workspace, key)).GetAsync())?.Effect : null;
                rows.Add(new AssignmentBoardRow(TrainingAssignments.Progress(assignment, trainee, history, now), effect));
            }
            boards.Add(new AssignmentBoard(assignment, TrainingAssignmentAccess.Visible(who, assignment, rows.Select(r => r.Progress))
                .Select(p => rows.First(r => r.Progress == p)).ToList(), managed));
        }
        return boards;
    }

    /// <summary>
    /// A trainee's certificate on an assignment: refused if the assignment is unknown, if the viewer may not see that
    /// trainee's line, or until the trainee has passed.
    /// </summary>
    public async Task<Outcome<TrainingCertificate>> CertificateAsync(string workspace, Viewer viewer, string assignmentId, string trainee)
    {
        var assignment = (await Assignments(workspace).ListAsync()).FirstOrDefault(a => a.Id == assignmentId);
        if (assignment is null) return new Refusal(RefusalKind.NotFound, "Unknown assignment", $"assignmentId: workspace {workspace} has no assignment '{assignmentId}'");
        if (!TrainingKeys.IsValidName(trainee)) return new Refusal(RefusalKind.Invalid, "Invalid trainee", $"trainee: '{trainee}' is not a trainee name");
        var board = (await BoardAsync(workspace, viewer)).FirstOrDefault(b => b.Assignment.Id == assignmentId);
        var row = board?.Rows.FirstOrDefault(r => TrainingKeys.KeyOf(r.Progress.Trainee) == TrainingKeys.KeyOf(trainee));
        if (row is null)
            return board?.Managed == true
                ? new Refusal(RefusalKind.NotFound, "Not assigned", $"trainee: '{trainee}' is not on assignment {assignmentId}")
                : Refusal.NotAllowed($"trainee: you may see only your own certificates");
        return TrainingAssignments.Certificate(assignment, row.Progress) is { } certificate
            ? certificate
            : new Refusal(RefusalKind.NotFound, "Not passed yet",
                $"{row.Progress.Trainee} has not reached the pass mark of {assignment.PassMark} on {assignment.ScenarioTitle} yet (best: {row.Progress.BestScore?.ToString() ?? "no attempt"})");
    }

    static async Task<T> Cached<T>(Dictionary<string, Task<T>> cache, string key, Func<string, Task<T>> load)
    {
        if (!cache.TryGetValue(key, out var task)) cache[key] = task = load(key);
        return await task;
    }

    ITrainingAssignmentsGrain Assignments(string workspace) => grains.GetGrain<ITrainingAssignmentsGrain>(workspace);
}
