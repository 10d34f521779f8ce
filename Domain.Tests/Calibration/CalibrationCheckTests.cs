using Growth.Domain.Calibration;
using Growth.Domain.Tests.Import;
using Growth.TestSupport;

namespace Growth.Domain.Tests.Calibration;

/// <summary>The Maven history beside the model calibrated on it, over the same span, with each tolerance met or missed.</summary>
public sealed class CalibrationCheckTests
{
    static readonly Lazy<(CalibrationResult Fit, CalibrationComparison Comparison)> Checked = new(() =>
    {
        var import = MavenImportTests.Sample.Value;
        var states = import.Journeys.Select(SmallExport.Apply).ToList();
        var fit = HistoryCalibration.Fit(states, import.Organisation, import.Products.Select(p => (p.Name, p.ListPrice)).ToList());
        return (fit, CalibrationCheck.Compare(fit, states));
    });

    [Fact]
    public void The_history_s_side_is_the_file_s_and_the_seeded_simulation_meets_win_rate_deal_and_cycle()
    {
        var (fit, c) = Checked.Value;
        var won = MavenSample.Deals.Where(d => d.Stage == "Won").ToArray();
        var lost = MavenSample.Deals.Count(d => d.Stage == "Lost");
        var check = c.Checks.ToDictionary(x => x.Figure);
        Assert.Equal((double)won.Length / (won.Length + lost), check["winRate"].History, 12);
        Assert.Equal((double)won.Average(d => d.Value), check["averageDeal"].History, 6);
        Assert.Equal(won.Average(d => d.DaysToClose), check["cycleDays"].History, 9);
        // The export names no lead source: one conversion row, for all leads.
        Assert.Equal(CalibrationCheck.NoChannel, check["leadToDeal"].Group);
        Assert.Equal((double)won.Length / MavenSample.Deals.Count, check["leadToDeal"].History, 12);
        // As many leads over the same span as the history (rounding per fitted flow).
        Assert.InRange(c.SimulatedLeads, 8797, 8803);
        Assert.Equal((fit.From, fit.To), (c.From, c.To));
        Assert.True(check["winRate"].Met, $"win rate {check["winRate"].Simulated} against {check["winRate"].History}");
        Assert.True(check["averageDeal"].Met, $"average deal {check["averageDeal"].Simulated} against {check["averageDeal"].History}");
        Assert.True(check["cycleDays"].Met, $"cycle {check["cycleDays"].Simulated} against {check["cycleDays"].History}");
    }

    [Fact]
    public void A_tolerance_is_met_within_its_bound_and_missed_beyond_it_in_points_or_relative()
    {
        Assert.True(new ToleranceCheck("winRate", "", 0.60, 0.63, 0.03, ToleranceKind.Points).Met);
        Assert.False(new ToleranceCheck("winRate", "", 0.60, 0.6301, 0.03, ToleranceKind.Points).Met);
        Assert.True(new ToleranceCheck("averageDeal", "", 1000, 900, 0.10, ToleranceKind.Relative).Met);
        Assert.False(new ToleranceCheck("averageDeal", "", 1000, 1101, 0.10, ToleranceKind.Relative).Met);
        Assert.False(new ToleranceCheck("cycleDays", "", 0, 5, 0.15, ToleranceKind.Relative).Met);
    }

    [Fact]
    public void The_same_seed_gives_the_same_comparison()
    {
        var import = MavenImportTests.Sample.Value;
        var states = import.Journeys.Select(SmallExport.Apply).ToList();
        Assert.Equal(Checked.Value.Comparison.Checks, CalibrationCheck.Compare(Checked.Value.Fit, states).Checks);
    }
}
