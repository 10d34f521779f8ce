using Growth.Domain.Access;
using Growth.Domain.Training;
using Microsoft.Extensions.Time.Testing;
using static Growth.TestSupport.TrainingPlay;

namespace Growth.Domain.Tests.Training;

/// <summary>A manager's assignment: checked on the way in, then assigned → attempted → passed or overdue as time and sessions pass.</summary>
public class TrainingAssignmentTests
{
    static readonly DateTimeOffset Monday = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    static bool IsName(string? n) => n is { Length: > 0 and <= 40 } && n.All(c => char.IsLetterOrDigit(c) || c is ' ' or '.' or '-' or '_');

    static TrainingAssignment Assign(DateTimeOffset now, int passMark = 75, string difficulty = "Normal") =>
        TrainingAssignments.Create(new TrainingAssignmentRequest("crm-small-business", difficulty, ["Ana Lima", "ana lima", "Bo"], "spring", now.AddDays(7), passMark),
            Catalogue.Scenarios, IsName, TrainingAssignments.NextId(0), "Mia", ["team-1-1"], now).Assignment!;

    static TrainingResult Played(string trainee, DateTimeOffset at, int score, TrainingDifficulty d = TrainingDifficulty.Normal, string scenario = "crm-small-business") => new()
    {
        SessionId = $"s-{trainee}-{at:HHmm}-{score}", Trainee = trainee, Cohort = "spring", ScenarioId = scenario, Difficulty = d, Seed = 1,
        Outcome = TrainingOutcome.Lost, Score = score, Steps = [], Quality = new double?[6], FinishedAt = at,
    };

    [Fact]
    public void An_assignment_goes_from_assigned_to_attempted_to_passed_and_only_then_earns_a_certificate()
    {
        var clock = new FakeTimeProvider(Monday);
        var a = Assign(clock.GetUtcNow());
        Assert.Equal(("a1", 75, TrainingDifficulty.Normal), (a.Id, a.PassMark, a.Difficulty));
        Assert.Equal(["Ana Lima", "Bo"], a.Trainees);
        Assert.Equal(["Ana Lima", "Bo", "Cy"], TrainingAssignments.Members(a, ["ana  lima", "Cy"]));

        var history = new List<TrainingResult> { Played("Ana Lima", Monday.AddDays(-1), 99) }; // before it was assigned: does not count
        var p = TrainingAssignments.Progress(a, "Ana Lima", history, clock.GetUtcNow());
        Assert.Equal((AssignmentStatus.Assigned, 0, (int?)null), (p.Status, p.Attempts, p.BestScore));
        Assert.Null(TrainingAssignments.Certificate(a, p));

        clock.Advance(TimeSpan.FromDays(1));
        history.Add(Played("Ana Lima", clock.GetUtcNow(), 60));
        history.Add(Played("Ana Lima", clock.GetUtcNow().AddMinutes(5), 95, TrainingDifficulty.Easy));     // too easy
        history.Add(Played("Ana Lima", clock.GetUtcNow().AddMinutes(9), 95, scenario: "home-solar"));       // another scenario
        p = TrainingAssignments.Progress(a, "Ana Lima", history, clock.GetUtcNow());
        Assert.Equal((AssignmentStatus.Attempted, 1, (int?)60), (p.Status, p.Attempts, p.BestScore));
        Assert.Null(TrainingAssignments.Certificate(a, p));

        clock.Advance(TimeSpan.FromDays(2));
        var passedAt = clock.GetUtcNow();
        history.Add(Played("Ana Lima", passedAt, 80, TrainingDifficulty.Hard));
        history.Add(Played("Ana Lima", passedAt.AddHours(1), 90));
        clock.Advance(TimeSpan.FromDays(30)); // long past the due date: a pass stays a pass
        p = TrainingAssignments.Progress(a, "Ana Lima", history, clock.GetUtcNow());
        Assert.Equal((AssignmentStatus.Passed, 3, (int?)90, passedAt, (int?)80, false), (p.Status, p.Attempts, p.BestScore, p.PassedAt, p.PassedScore, p.Late));
        var certificate = TrainingAssignments.Certificate(a, p)!;
        Assert.Equal(("Ana Lima", "CRM software for a growing small business", 80, 75, passedAt), (certificate.Trainee, certificate.ScenarioTitle, certificate.Score, certificate.PassMark, certificate.PassedAt));
    }

    [Fact]
    public void Not_passed_by_the_due_date_is_overdue_and_a_late_pass_is_marked_late()
    {
        var clock = new FakeTimeProvider(Monday);
        var a = Assign(clock.GetUtcNow(), passMark: 85);
        var history = new List<TrainingResult> { Played("Bo", Monday.AddDays(1), 70) };
        Assert.Equal(AssignmentStatus.Attempted, TrainingAssignments.Progress(a, "Bo", history, clock.GetUtcNow()).Status);
        clock.Advance(TimeSpan.FromDays(7));
        Assert.Equal(AssignmentStatus.Attempted, TrainingAssignments.Progress(a, "Bo", history, clock.GetUtcNow()).Status); // due at this instant, not after
        clock.Advance(TimeSpan.FromMinutes(1));
        var overdue = TrainingAssignments.Progress(a, "Bo", history, clock.GetUtcNow());
        Assert.Equal(AssignmentStatus.Overdue, overdue.Status);
        Assert.Equal(AssignmentStatus.Overdue, TrainingAssignments.Progress(a, "Cy", [], clock.GetUtcNow()).Status);
        Assert.Null(TrainingAssignments.Certificate(a, overdue));

        history.Add(Played("Bo", clock.GetUtcNow(), 88));
        var late = TrainingAssignments.Progress(a, "Bo", history, clock.GetUtcNow());
        Assert.Equal((AssignmentStatus.Passed, true), (late.Status, late.Late));
        Assert.NotNull(TrainingAssignments.Certificate(a, late));
    }

    [Theory]
    [InlineData("nope", "Normal", "Bo", null, 7, 70, "scenarioId: 'nope' is not a scenario (known: clinic-cloud-backup, crm-small-business, fleet-telematics, home-solar, tutoring-parent)")]
    [InlineData("home-solar", "Brutal", "Bo", null, 7, 70, "difficulty: 'Brutal' is not one of Easy, Normal, Hard")]
    [InlineData("home-solar", null, "Bo,x/y", null, 7, 70, "trainees[1]: 'x/y' is not a trainee name (1-40 letters, digits, spaces, dots, dashes)")]
    [InlineData("home-solar", null, "", null, 7, 70, "trainees: name at least one trainee, or give a cohort")]
    [InlineData("home-solar", null, "Bo", "a/b", 7, 70, "cohort: 'a/b' is not a cohort name (1-40 letters, digits, spaces, dots, dashes)")]
    [InlineData("home-solar", null, "Bo", null, 0, 70, "due: 2026-03-02 09:00 is not after now (2026-03-02 09:00 UTC)")]
    [InlineData("home-solar", null, "Bo", null, 7, 101, "passMark: must be between 1 and 100 (was 101)")]
    public void A_bad_request_is_refused_naming_the_field(string scenario, string? difficulty, string trainees, string? cohort, int dueDays, int passMark, string problem)
    {
        var request = new TrainingAssignmentRequest(scenario, difficulty, trainees.Length == 0 ? [] : trainees.Split(','), cohort, Monday.AddDays(dueDays), passMark);
        var (assignment, refused) = TrainingAssignments.Create(request, Catalogue.Scenarios, IsName, "a1", "Mia", [], Monday);
        Assert.Null(assignment);
        Assert.Equal(problem, refused);
    }

    [Fact]
    public void A_rep_sees_only_their_own_line_and_a_manager_their_teams_assignments()
    {
        var a = Assign(Monday);
        var rows = new[] { "Ana Lima", "Bo" }.Select(t => TrainingAssignments.Progress(a, t, [], Monday)).ToList();
        AssignmentViewer Viewer(string grant, string name) => TrainingAssignmentAccess.ViewerOf([Grant.Parse(grant)!], "training", name);

        var rep = Viewer("training:Rep:rep-1-1-1", "bo");
        Assert.False(rep.MayAssign);
        Assert.Equal(["Bo"], TrainingAssignmentAccess.Visible(rep, a, rows).Select(r => r.Trainee));
        Assert.Empty(TrainingAssignmentAccess.Visible(Viewer("training:Trainee", "Dee"), a, rows));

        var manager = Viewer("training:SalesManager:team-1-1", "Zed");
        Assert.True(manager.MayAssign);
        Assert.Equal(2, TrainingAssignmentAccess.Visible(manager, a, rows).Count);
        Assert.Empty(TrainingAssignmentAccess.Visible(Viewer("training:SalesManager:team-2-1", "Zed"), a, rows));
        Assert.Equal(2, TrainingAssignmentAccess.Visible(Viewer("training:Leadership", "Lee"), a, rows).Count);
        Assert.Empty(TrainingAssignmentAccess.Visible(Viewer("other:Leadership", "Lee"), a, rows));
    }
}
