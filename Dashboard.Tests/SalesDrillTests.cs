using Growth.Dashboard.Components.Figures;
using Growth.Domain.Access;
using Growth.Domain.Figures;
using Growth.Domain.Journeys;
using Growth.Domain.Organisations;
using Growth.Domain.Records;
using Microsoft.AspNetCore.WebUtilities;

namespace Growth.Dashboard.Tests;

/// <summary>
/// Every clickable bar of the Sales page opens the records behind it: the address each bar builds lists exactly the
/// journeys the bar counts (browser-free: the address parsed as the records page parses it, matched against the rows).
/// </summary>
public class SalesDrillTests
{
    static readonly DateTimeOffset T0 = new(2026, 2, 2, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Open deals: 3 with no step passed, then 2, 4, 1, 5 and 0 having passed Opening..Close-1 in turn; won customers of two teams.</summary>
    static List<JourneyState> States()
    {
        var states = new List<JourneyState>();
        int[] passed = [3, 2, 4, 1, 5, 0];
        for (var step = 0; step < passed.Length; step++)
            for (var i = 0; i < passed[step]; i++)
                states.Add(Deal($"d-{step}-{i}", step == 0 ? null : (ConversationStep)(step - 1), i % 2 == 0 ? "team-a" : "team-b"));
        for (var i = 0; i < 4; i++)
            states.Add(Deal($"c-{i}", ConversationStep.Close, i < 3 ? "team-a" : "team-b") with
            {
                Status = JourneyStatus.Customer, Stage = FunnelStage.Payment, Won = true, WonValue = 1000, ClosedAt = T0.AddDays(3),
            });
        return states;
    }

    static JourneyState Deal(string id, ConversationStep? passed, string team) => new()
    {
        Id = id, Status = JourneyStatus.Prospect, Stage = FunnelStage.Opportunity, RegionId = "region-1", TeamId = team, RepId = team + "-rep",
        CreatedAt = T0, AssignedAt = T0, QualifiedAt = T0, OpportunityAt = T0, OpportunityValue = 500, LastStep = passed, StepAt = T0,
    };

    static WorkspaceSnapshot Snapshot(IEnumerable<JourneyState> states)
    {
        var figures = new WorkspaceFigures();
        foreach (var s in states) figures.Apply(new TallyDelta(GroupKey.Of(s), Tally.Of(s)));
        var org = new Organisation
        {
            Regions = [new RegionProfile { Id = "region-1", Name = "Region 1", TeamIds = ["team-a", "team-b"] }],
            Teams = [Team("team-a"), Team("team-b")],
        };
        return SnapshotBuilder.Build("ws", T0.AddDays(5), 1, figures, org);
    }

    static TeamProfile Team(string id) => new() { Id = id, Name = id, RegionId = "region-1", LeaderName = "Lead " + id, Reps = [] };

    /// <summary>The rows the records page lists for <paramref name="address"/> (its query parsed as the page and API parse it).</summary>
    static List<CustomerRecord> Listed(string address, IEnumerable<JourneyState> states)
    {
        Assert.StartsWith("records?workspace=ws&", address);
        var q = QueryHelpers.ParseQuery(address[address.IndexOf('?')..]);
        string? Get(string name) => q.TryGetValue(name, out var v) ? v.ToString() : null;
        var (query, error) = RecordQuery.Parse(Get("kind"), Get("q"), Get("owner"), Get("team"), Get("region"), Get("stage"), Get("step"),
            Get("channel"), Get("campaign"), Get("status"), null, null, null, null);
        Assert.True(query is not null, error);
        return states.Select(s => CustomerRecord.Of(s, null, erased: false)).Where(r => RecordList.Matches(r, query, FigureScope.Full)).ToList();
    }

    [Fact]
    public void Each_pipeline_bar_lists_exactly_the_open_deals_it_counts()
    {
        var states = States();
        var snapshot = Snapshot(states);
        Assert.Equal(15, snapshot.Pipeline.Sum(p => p.Count));
        for (var i = 0; i < snapshot.Pipeline.Count; i++)
        {
            var bar = snapshot.Pipeline[i];
            var listed = Listed(SalesDrill.Pipeline("ws", snapshot, i)!, states);
            Assert.True(bar.Count == listed.Count, $"{bar.Step}: the bar counts {bar.Count}, the list holds {listed.Count}");
            Assert.All(listed, r => Assert.Equal(JourneyStatus.Prospect, r.Status));
        }
        Assert.Null(SalesDrill.Pipeline("ws", snapshot, snapshot.Pipeline.Count));
    }

    [Fact]
    public void A_teams_attainment_bar_lists_its_customers_and_its_win_rate_bar_its_deals()
    {
        var states = States();
        var snapshot = Snapshot(states);
        var a = snapshot.Teams.ToList().FindIndex(t => t.Id == "team-a");
        Assert.Equal("records?workspace=ws&kind=Customers&team=team-a", SalesDrill.Attainment("ws", snapshot, a));
        Assert.Equal(["c-0", "c-1", "c-2"], Listed(SalesDrill.Attainment("ws", snapshot, a)!, states).Select(r => r.JourneyId).Order());
        var deals = Listed(SalesDrill.WinRateAndCycle("ws", snapshot, a)!, states);
        Assert.Equal(states.Count(s => s.TeamId == "team-a"), deals.Count);
        Assert.Null(SalesDrill.Attainment("ws", snapshot, -1));
        Assert.Null(SalesDrill.WinRateAndCycle("ws", snapshot, snapshot.Teams.Count));
    }
}
