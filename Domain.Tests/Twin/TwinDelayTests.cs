using Growth.Domain.Figures;
using Growth.Domain.Journeys;
using Growth.Domain.Organisations;
using Growth.Domain.Twin;

namespace Growth.Domain.Tests.Twin;

public class TwinDelayTests
{
    static readonly DateTimeOffset Day0 = new(2026, 3, 3, 0, 0, 0, TimeSpan.Zero);

    /// <summary>A workspace with <paramref name="waitingLeads"/> leads and <paramref name="waitingQualified"/> qualified leads (in qualification and follow-up) waiting now.</summary>
    static WorkspaceSnapshot Now(long waitingLeads, long waitingQualified) =>
        SnapshotBuilder.Build("w", Day0.AddDays(28), 1, new WorkspaceFigures(), new Organisation()) with
        {
            Funnel =
            [
                new FunnelStageFigures(FunnelStage.Lead, 600, waitingLeads, 0), new FunnelStageFigures(FunnelStage.QualifiedIntent, 300, waitingQualified / 3, 0),
                new FunnelStageFigures(FunnelStage.FollowUp, 280, waitingQualified - waitingQualified / 3, 0), new FunnelStageFigures(FunnelStage.Opportunity, 150, 40, 0),
            ],
        };

    /// <summary>Daily history: <paramref name="leads"/> and <paramref name="qualified"/> entered over the 28 days.</summary>
    static IReadOnlyList<HistoryPoint> History(long leads, long qualified) =>
        [Point(Day0, 0, 0), Point(Day0.AddDays(14), leads / 2, qualified / 2), Point(Day0.AddDays(28), leads, qualified)];

    static HistoryPoint Point(DateTimeOffset at, long leads, long qualified)
    {
        var entered = new long[8];
        entered[(int)FunnelStage.Lead] = leads;
        entered[(int)FunnelStage.QualifiedIntent] = qualified;
        return new() { AsOf = at, Revenue = new RevenueFigures(), Leads = leads, Entered = entered, Campaigns = new Dictionary<string, CampaignPoint>() };
    }

    [Fact]
    public void Delays_are_fitted_by_littles_law_from_waiting_journeys_and_the_last_four_weeks_of_entries()
    {
        // 280 leads in 28 days = 10 a day with 50 waiting: 5 days; 140 qualified = 5 a day with 60 waiting: 12 days.
        var model = TwinCalibration.Fit(Now(50, 60), History(280, 140));
        Assert.Equal(5, model.QualifyDays, 6);
        Assert.Equal(12, model.OpenDays, 6);
        var open = model.Parameters.Single(p => p.Name == "days from qualification to opportunity decision");
        Assert.True(open.Fitted);
        Assert.Equal(12, open.Value);
        Assert.Contains("60 waiting now ÷ 5 entries a day over the last 28 days", open.Source);
    }

    [Fact]
    public void Too_few_entries_keep_the_assumed_delays_and_say_so()
    {
        // 19 qualified in four weeks: below the 20 a delay is fitted from; the 280 leads still fit theirs.
        var model = TwinCalibration.Fit(Now(50, 60), History(280, 19));
        Assert.Equal(TwinCalibration.AssumedOpenDays, model.OpenDays);
        Assert.Equal(5, model.QualifyDays, 6);
        var open = model.Parameters.Single(p => p.Name == "days from qualification to opportunity decision");
        Assert.False(open.Fitted);
        Assert.StartsWith("assumed: only 19 entries over 28 days", open.Source);
    }

    [Fact]
    public void A_twin_with_the_delay_the_live_side_has_flags_its_opportunities_less_often_than_one_with_a_shorter_fixed_delay()
    {
        // Live: follow-up takes 20 days on average with the pool that waiting implies; the twins start from that pool.
        var live = TwinModels.ThreeTeams() with
        {
            OpenDays = 20,
            Teams = TwinModels.ThreeTeams().Teams.Select(t => t with { OpenQualified = t.OpenQualified * 5 }).ToList(),
        };
        int Flagged(TwinModel twin)
        {
            var bands = TwinSimulation.Run(twin, new TwinRun(200, 28, 3));
            return Enumerable.Range(0, 20).Sum(i => TwinJudge.Judge(bands, 28, TwinModels.LiveOn(live, 28, 28, (ulong)(100 + i))).Flags
                .Count(f => f.Step == TwinStep.Opportunities));
        }
        var matched = Flagged(live);
        var fixedSeven = Flagged(live with { OpenDays = TwinCalibration.AssumedOpenDays });
        // 20 runs × 6 opportunity series: chance alone flags about 12.
        Assert.True(matched <= 20, $"matched delay: {matched} of 120 flagged");
        Assert.True(fixedSeven >= 3 * matched, $"fixed 7 days: {fixedSeven} against {matched} with the matched delay");
    }
}
