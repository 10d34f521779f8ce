using Xunit.Abstractions;
using Growth.Domain.Twin;

namespace Growth.Domain.Tests.Twin;

/// <summary>
/// The twin against "live" runs of the same daily model (another seed each): one identical to the twin, and one whose
/// North team qualifies half as many leads. Judged on day 28.
/// </summary>
public class TwinLiveTests(ITestOutputHelper output)
{
    const int Days = 28;
    static readonly TwinModel Model = TwinModels.ThreeTeams();
    static readonly TwinBands Bands = TwinSimulation.Run(Model, new TwinRun(200, Days, 1));

    [Fact]
    public void A_live_run_like_the_twin_stays_inside_its_band_about_as_often_as_expected()
    {
        var rows = Enumerable.Range(0, 100).SelectMany(i => TwinJudge.Judge(Bands, Days, TwinModels.LiveOn(Model, Days, Days, 1000 + (ulong)i)).Rows).ToList();
        var flagged = (double)rows.Count(r => r.Verdict != TwinVerdict.Inside) / rows.Count;
        output.WriteLine($"identical live runs: {flagged:P1} of {rows.Count} series flagged on day {Days}");
        Assert.Equal(100 * 24, rows.Count);
        Assert.True(flagged <= TwinJudgement.ExpectedFalseFlagRate, $"{flagged:P1} of series flagged (at most {TwinJudgement.ExpectedFalseFlagRate:P0} expected)");
        Assert.True(flagged > 0.02, $"{flagged:P1}: a band that never flags an identical run is too wide");
    }

    [Fact]
    public void Halving_one_teams_qualification_flags_that_team_below_and_leaves_the_other_teams_alone()
    {
        var changed = TwinModels.WithTeamQualify(Model, "north", 0.5);
        var judged = Enumerable.Range(0, 10).Select(i => TwinJudge.Judge(Bands, Days, TwinModels.LiveOn(changed, Days, Days, 2000 + (ulong)i))).ToList();
        Assert.All(judged, j =>
        {
            var north = j.Rows.Single(r => r.Scope == TwinScope.Team && r.Id == "north" && r.Step == TwinStep.Qualified);
            Assert.Equal(TwinVerdict.Below, north.Verdict);
            Assert.True(north.Z < -2, $"z {north.Z}");
        });
        var others = judged.SelectMany(j => j.Rows).Where(r => r.Scope == TwinScope.Team && r.Id != "north").ToList();
        var otherFlagged = (double)others.Count(r => r.Verdict != TwinVerdict.Inside) / others.Count;
        output.WriteLine($"north qualified z: {string.Join(", ", judged.Select(j => j.Rows.Single(r => r.Id == "north" && r.Step == TwinStep.Qualified).Z?.ToString("0.0")))}; other teams flagged {otherFlagged:P1}");
        Assert.True(otherFlagged <= TwinJudgement.ExpectedFalseFlagRate, $"{otherFlagged:P1} of the other teams' series flagged");
        // North's leads arrive as before: only its qualification and what follows from it moved.
        Assert.True(judged.Count(j => j.Rows.Single(r => r.Id == "north" && r.Step == TwinStep.Leads).Verdict != TwinVerdict.Inside) <= 2);
    }
}
