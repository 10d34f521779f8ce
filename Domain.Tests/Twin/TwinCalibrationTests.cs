using Growth.Domain.Figures;
using Growth.Domain.Journeys;
using Growth.Domain.Organisations;
using Growth.Domain.Twin;

namespace Growth.Domain.Tests.Twin;

public class TwinCalibrationTests
{
    static readonly DateTimeOffset Day0 = new(2026, 3, 3, 0, 0, 0, TimeSpan.Zero);

    /// <summary>A workspace 28 days in: 1,000 leads (North 800, West 200), 400 qualified, 10 deals closed.</summary>
    static WorkspaceSnapshot Now(DateTimeOffset asOf, long northQualified = 300) =>
        SnapshotBuilder.Build("w", asOf, 1, new WorkspaceFigures(), new Organisation()) with
        {
            Funnel =
            [
                new FunnelStageFigures(FunnelStage.Lead, 1000, 100, 0), new FunnelStageFigures(FunnelStage.QualifiedIntent, 400, 20, 0),
                new FunnelStageFigures(FunnelStage.FollowUp, 380, 30, 0), new FunnelStageFigures(FunnelStage.Opportunity, 200, 40, 0),
            ],
            Deals = new DealFigures(6, 4, 40, 0.6, 0, 0, 25),
            Teams =
            [
                new GroupFigures { Id = "north", Name = "North-2", Leads = 800, Won = 6, Lost = 4, Open = 30, AverageDaysToClose = 25, EnteredByStage = [0, 800, northQualified, 0, 160] },
                new GroupFigures { Id = "west", Name = "West", Leads = 200, Open = 10, EnteredByStage = [0, 200, 100, 0, 40] },
            ],
            Campaigns = [new CampaignFigures(new GroupFigures { Id = "c1", Name = "Search ads", Leads = 700, EnteredByStage = [0, 700, 300, 0, 150] }) { Channel = Channel.Ads }],
        };

    static HistoryPoint Point(DateTimeOffset at, long leads, long campaignLeads) => new()
    {
        AsOf = at, Revenue = new RevenueFigures(), Leads = leads, Entered = new long[8],
        Campaigns = new Dictionary<string, CampaignPoint> { ["c1"] = new(0, campaignLeads, 0, 0) },
    };

    static readonly IReadOnlyList<HistoryPoint> History = [Point(Day0, 0, 0), Point(Day0.AddDays(28), 1000, 700)];

    [Fact]
    public void Rates_are_fitted_on_decided_journeys_and_teams_lean_on_the_company()
    {
        var model = TwinCalibration.Fit(Now(Day0.AddDays(28)), History);
        // 400 qualified of 900 decided leads (100 still wait); 200 opportunities of 350 decided qualified leads.
        Assert.Equal(0.4444, model.Parameters.Single(p => p.Name == "qualification rate" && p.Scope == "company").Value);
        Assert.Equal(0.5714, model.Parameters.Single(p => p.Name == "opportunity rate" && p.Scope == "company").Value);
        var north = model.Teams.Single(t => t.Id == "north");
        Assert.Equal(0.8, north.LeadShare);
        // 300 of 720 decided, shrunk by 20 pseudo-leads at the company's 4/9.
        Assert.Equal((300 + 20 * 4.0 / 9) / (720 + 20), north.Qualify, 9);
        Assert.Equal(80, north.OpenLeads);
        Assert.Equal(30, north.OpenOpportunities);
        Assert.Equal(25, north.CycleDays);
    }

    [Fact]
    public void A_rate_resting_on_too_few_observations_is_assumed_and_says_so()
    {
        var model = TwinCalibration.Fit(Now(Day0.AddDays(28)), History);
        var win = model.Parameters.Single(p => p.Name == "win rate" && p.Scope == "company");
        Assert.False(win.Fitted);
        Assert.Equal(TwinCalibration.AssumedWin, win.Value);
        Assert.StartsWith("assumed: only 10 closed deals", win.Source);
        Assert.True(model.Parameters.Single(p => p.Name == "qualification rate" && p.Scope == "company").Fitted);
        Assert.False(model.Parameters.Single(p => p.Name.StartsWith("days from lead")).Fitted);
    }

    [Fact]
    public void Lead_flow_per_channel_comes_from_the_last_four_weeks_and_the_rest_is_other()
    {
        var model = TwinCalibration.Fit(Now(Day0.AddDays(28)), History);
        Assert.Equal(["Ads", TwinCounts.OtherChannel], model.Channels.Select(c => c.Id));
        Assert.Equal(25, model.Channels[0].LeadsPerDay, 9);
        Assert.Equal(300.0 / 28, model.Channels[1].LeadsPerDay, 9);
    }

    [Fact]
    public void A_history_shorter_than_a_day_is_refused_with_the_reason()
    {
        var error = Assert.Throws<ArgumentException>(() => TwinCalibration.Fit(Now(Day0), [Point(Day0, 0, 0)]));
        Assert.Contains("daily history covers less than a day", error.Message);
    }

    [Fact]
    public void A_started_twin_judges_counts_since_its_start_and_flags_a_team_that_stopped_qualifying()
    {
        var start = Day0.AddDays(28);
        var twin = TwinRecord.Start(Now(start), History, new TwinRun(200, 28, 3), "lead");
        Assert.Null(twin.Judge(Now(start.AddHours(12))));
        // 14 days on: North qualified 2 more leads though it had hundreds of leads coming (the other counts did not move, so much is flagged below).
        var later = Now(start.AddDays(14), northQualified: 302);
        var judged = twin.Judge(later)!;
        Assert.Equal(14, judged.Day);
        var north = judged.Rows.Single(r => r.Scope == TwinScope.Team && r.Id == "north" && r.Step == TwinStep.Qualified);
        Assert.Equal((2L, TwinVerdict.Below), (north.Live, north.Verdict));
        Assert.True(north.Low > 2);
    }
}
