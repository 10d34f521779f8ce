using Growth.Domain.Calibration;
using Growth.Domain.Figures;
using Growth.Domain.Journeys;
using Growth.Domain.Tests.Import;

namespace Growth.Domain.Tests.Calibration;

/// <summary>
/// What a calibration leaves out when journeys were archived: from the archived journeys' tallies alone, their won and
/// lost deals and the whole history's win rate and lead-to-deal conversion are exactly those a fit on every journey counts.
/// </summary>
public sealed class ArchivedHistoryTests
{
    [Fact]
    public void The_archived_tallies_give_the_whole_history_s_win_rate_exactly()
    {
        var import = MavenImportTests.Sample.Value;
        var states = import.Journeys.Select(SmallExport.Apply).ToList();
        // As the retention rule would: the deals lost (and the leads disqualified) in the history's first half go.
        var cut = states.Where(s => s.LastEventAt is not null).Select(s => s.LastEventAt!.Value).Order().ElementAt(states.Count / 2);
        bool Archived(JourneyState s) => Archiving.Closes(s.Status) && s.LastEventAt < cut;
        var kept = states.Where(s => !Archived(s)).ToList();
        var archived = states.Where(Archived).ToList();
        Assert.True(archived.Count > 1000, $"{archived.Count} archived");

        var fitKept = HistoryCalibration.Fit(kept, import.Organisation);
        var fitAll = HistoryCalibration.Fit(states, import.Organisation);
        var left = ArchivedHistory.Of(archived.Count, archived.Select(Tally.Of), fitKept, 365)!;

        Assert.Equal((archived.Count, 365), (left.Journeys, left.RetentionDays));
        Assert.Equal((fitAll.Won, fitAll.Lost), ((int)(fitKept.Won + left.Won), (int)(fitKept.Lost + left.Lost)));
        Assert.Equal(fitAll.WinRate, left.WinRate, 12);
        Assert.Equal(fitAll.Journeys, fitKept.Journeys + left.Leads);
        Assert.Equal((double)fitAll.Won / fitAll.Journeys, left.LeadToDeal, 12);
        // The kept sample alone overstates the win rate: every loss archived, no win.
        Assert.True(fitKept.WinRate > fitAll.WinRate + 0.05, $"kept {fitKept.WinRate:P1}, all {fitAll.WinRate:P1}");
    }

    [Fact]
    public void Nothing_archived_says_nothing_and_a_rule_turned_off_names_no_days()
    {
        var import = MavenImportTests.Sample.Value;
        var fit = HistoryCalibration.Fit(import.Journeys.Select(SmallExport.Apply).ToList(), import.Organisation);
        Assert.Null(ArchivedHistory.Of(0, [], fit, 365));
        var off = ArchivedHistory.Of(3, [], fit, 0)!;
        Assert.Null(off.RetentionDays);
        Assert.Equal((0, 0, 0), (off.Leads, off.Won, off.Lost));
        Assert.Equal(fit.WinRate, off.WinRate, 12);
    }
}
