using Growth.Domain.Figures;
using Growth.Domain.Journeys;
using Growth.TestSupport;

namespace Growth.Domain.Tests.Import;

/// <summary>
/// The imported journeys, run through the transition rules, tallies and snapshot builder, give exactly the deal
/// figures computed straight from the CSV: overall, per regional office and per manager.
/// </summary>
public sealed class MavenFiguresTests
{
    const double Tolerance = 1e-9;

    static readonly Lazy<WorkspaceSnapshot> Snapshot = new(() =>
    {
        var result = MavenImportTests.Sample.Value;
        var figures = new WorkspaceFigures();
        foreach (var journey in result.Journeys)
        {
            var state = JourneyTransitions.ApplyAll(new JourneyState { Id = journey.Id }, journey.Events).State;
            figures.Apply(new TallyDelta(GroupKey.Of(state), Tally.Of(state)));
        }
        return SnapshotBuilder.Build("maven", DateTimeOffset.UnixEpoch, 1, figures, result.Organisation);
    });

    /// <summary>Deal figures computed from CSV rows alone, as the snapshot contract defines them.</summary>
    sealed record Expected(long Won, long Lost, long Open, double WinRate, decimal WonValue, decimal AverageWonValue, double AverageDaysToClose)
    {
        public static Expected Of(IReadOnlyCollection<MavenSample.Deal> deals)
        {
            var won = deals.Where(d => d.Stage == "Won").ToArray();
            long lost = deals.Count(d => d.Stage == "Lost");
            var wonValue = won.Sum(d => d.Value);
            return new Expected(
                // Every row not closed is an open deal: Engaging and Prospecting (2,089 in the sample).
                won.Length, lost, deals.Count(d => d.Stage is "Engaging" or "Prospecting"),
                won.Length + lost == 0 ? 0 : (double)won.Length / (won.Length + lost),
                wonValue,
                // The contract gives the average won value in cents.
                won.Length == 0 ? 0 : Math.Round(wonValue / won.Length, 2),
                won.Length == 0 ? 0 : (double)won.Sum(d => d.DaysToClose) / won.Length);
        }

        public void AssertMatches(string what, long won, long lost, long open, double winRate, decimal wonValue, decimal averageWonValue, double averageDays)
        {
            Assert.True((Won, Lost, Open) == (won, lost, open), $"{what}: won/lost/open {(won, lost, open)}, expected {(Won, Lost, Open)}");
            Assert.True(Math.Abs(WinRate - winRate) < Tolerance, $"{what}: win rate {winRate}, expected {WinRate}");
            Assert.True(WonValue == wonValue, $"{what}: won value {wonValue}, expected {WonValue}");
            Assert.True(AverageWonValue == averageWonValue, $"{what}: average won value {averageWonValue}, expected {AverageWonValue}");
            Assert.True(Math.Abs(AverageDaysToClose - averageDays) < Tolerance, $"{what}: days to close {averageDays}, expected {AverageDaysToClose}");
        }

        public void AssertMatches(string what, GroupFigures row) => AssertMatches(what, row.Won, row.Lost, row.Open, row.WinRate,
            row.WonValue, row.AverageWonValue, row.AverageDaysToClose);
    }

    [Fact]
    public void Overall_deal_figures_are_exact()
    {
        var deals = Snapshot.Value.Deals;
        var expected = Expected.Of(MavenSample.Deals.ToArray());
        expected.AssertMatches("overall", deals.Won, deals.Lost, deals.Open, deals.WinRate, deals.WonValue, deals.AverageWonValue, deals.AverageDaysToClose);
        Assert.Equal(MavenSample.Deals.Count, Snapshot.Value.Journeys);
        Assert.Equal((4238L, 2473L, 2089L), (deals.Won, deals.Lost, deals.Open));
        // The export has no step for its losses nor contact times: unknown, not "Opening" and not 0 h.
        Assert.Equal(2473, Snapshot.Value.Losses.StepUnknown);
        Assert.All(Snapshot.Value.Losses.ByStep, s => Assert.Equal(0, s.Count));
        Assert.Null(Snapshot.Value.AverageHoursToFirstContact);
        // Every won deal signed one order worth its close value.
        Assert.Equal(expected.WonValue, Snapshot.Value.Revenue.Total);
        Assert.Equal(expected.Won, Snapshot.Value.Revenue.Orders);
    }

    [Fact]
    public void Deal_figures_per_regional_office_are_exact()
    {
        var officeOf = MavenSample.Agents.ToDictionary(a => a.Name, a => a.Office);
        var byOffice = MavenSample.Deals.GroupBy(d => officeOf[d.Agent]).ToArray();
        Assert.Equal(byOffice.Select(g => g.Key).Order(), Snapshot.Value.Regions.Select(r => r.Name).Order());
        foreach (var office in byOffice)
            Expected.Of(office.ToArray()).AssertMatches(office.Key, Snapshot.Value.Regions.Single(r => r.Name == office.Key));
    }

    [Fact]
    public void Deal_figures_per_manager_are_exact()
    {
        var managerOf = MavenSample.Agents.ToDictionary(a => a.Name, a => a.Manager);
        var byManager = MavenSample.Deals.GroupBy(d => managerOf[d.Agent]).ToArray();
        Assert.Equal(byManager.Select(g => g.Key).Order(), Snapshot.Value.Teams.Select(t => t.Name).Order());
        foreach (var manager in byManager)
            Expected.Of(manager.ToArray()).AssertMatches(manager.Key, Snapshot.Value.Teams.Single(t => t.Name == manager.Key));
    }

    [Fact]
    public void Deal_figures_per_agent_are_exact()
    {
        var byAgent = MavenSample.Deals.GroupBy(d => d.Agent).ToDictionary(g => g.Key, g => g.ToArray());
        foreach (var rep in Snapshot.Value.Reps)
            Expected.Of(byAgent.GetValueOrDefault(rep.Name) ?? []).AssertMatches(rep.Name, rep);
    }
}
