using Growth.Domain.Access;

namespace Growth.Domain.Training;

/// <summary>
/// Who is looking at a training workspace's assignments: leadership and administrators see and set all of them; a
/// sales manager sets them for their team or region and sees those (and the ones they set); a rep or trainee sees only
/// their own line on the assignments that name them or their cohort.
/// </summary>
/// <param name="OwnName">The viewer's own trainee name (null: not signed in with one).</param>
/// <param name="SeesAll">Leadership or an administrator in the workspace.</param>
/// <param name="Teams">The scopes (team or region ids) of the viewer's sales-manager grants in the workspace.</param>
public sealed record AssignmentViewer(string? OwnName, bool SeesAll, IReadOnlyList<string> Teams)
{
    /// <summary>Leaders, administrators and managers may assign; reps and trainees may not.</summary>
    public bool MayAssign => SeesAll || Teams.Count > 0;
}

/// <summary>Which assignments and board lines a viewer sees. Pure.</summary>
public static class TrainingAssignmentAccess
{
    public static AssignmentViewer ViewerOf(IEnumerable<Grant> grants, string workspace, string? ownName)
    {
        var held = grants.Where(g => g.Covers(workspace)).ToList();
        return new AssignmentViewer(ownName,
            held.Any(g => g.Role is Role.Leadership or Role.Admin),
            held.Where(g => g.Role == Role.SalesManager && g.Scope is not null).Select(g => g.Scope!).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList());
    }

    /// <summary>Whether the viewer manages the assignment (sees every line of its board).</summary>
    public static bool Manages(AssignmentViewer viewer, TrainingAssignment assignment) =>
        viewer.SeesAll
        || assignment.Teams.Any(t => viewer.Teams.Contains(t, StringComparer.Ordinal))
        || (viewer.Teams.Count > 0 && viewer.OwnName is { } own && TrainingScoring.TraineeKey(own) == TrainingScoring.TraineeKey(assignment.AssignedBy));

    /// <summary>The board lines the viewer may see: all for one who manages it, else only their own line.</summary>
    public static IReadOnlyList<AssignmentProgress> Visible(AssignmentViewer viewer, TrainingAssignment assignment, IEnumerable<AssignmentProgress> rows) =>
        Manages(viewer, assignment)
            ? rows.ToList()
            : viewer.OwnName is { } own ? rows.Where(r => TrainingScoring.TraineeKey(r.Trainee) == TrainingScoring.TraineeKey(own)).ToList() : [];
}
