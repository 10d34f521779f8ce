using Growth.Domain.Calibration;
using Growth.Domain.Journeys;
using Growth.Domain.Simulation;
using Growth.Domain.Tests.Import;

namespace Growth.Domain.Tests.Calibration;

/// <summary>
/// A history whose leads name their channels is fitted per channel (its own lead flow, share of real leads and win
/// rate) and its lead-to-deal conversion is held against the model's per channel, each within 2 points.
/// </summary>
public sealed class ChannelCalibrationTests
{
    /// <summary>
    /// The Maven deals given two sources that convert differently: three wins in four and every other other deal
    /// from Ads, the rest from Content (a quarter of the wins, half of the rest).
    /// </summary>
    static readonly Lazy<(List<JourneyState> States, CalibrationResult Fit, CalibrationComparison Comparison)> Sourced = new(() =>
    {
        var import = MavenImportTests.Sample.Value;
        var states = import.Journeys.Select(SmallExport.Apply)
            .Select((s, i) => s with { Channel = (s.Won ? i % 4 != 0 : i % 2 == 0) ? Channel.Ads : Channel.Content }).ToList();
        var fit = HistoryCalibration.Fit(states, import.Organisation, import.Products.Select(p => (p.Name, p.ListPrice)).ToList());
        return (states, fit, CalibrationCheck.Compare(fit, states));
    });

    [Fact]
    public void Each_channel_s_lead_to_deal_conversion_is_the_history_s_and_met_by_the_model()
    {
        var (states, fit, c) = Sourced.Value;
        var checks = c.Checks.Where(x => x.Figure == "leadToDeal").ToDictionary(x => x.Group);
        Assert.Equal(["Ads", "Content"], checks.Keys.Order());
        foreach (var channel in new[] { Channel.Ads, Channel.Content })
        {
            var leads = states.Where(s => s.Channel == channel).ToList();
            var check = checks[channel.ToString()];
            Assert.Equal((double)leads.Count(s => s.Won) / leads.Count, check.History, 12);
            Assert.True(check.Met, $"{channel}: model {check.Simulated:P2} against history {check.History:P2}");
        }
        // The channels differ by more than the tolerance, so one conversion for both could not meet it.
        Assert.True(checks["Ads"].History - checks["Content"].History > 0.1);
        Assert.True(c.AllMet, string.Join("; ", c.Checks.Where(x => !x.Met).Select(x => $"{x.Figure} {x.Group} {x.Simulated} against {x.History}")));
        // One fitted flow per region and channel, each flow's deals won at its channel's rate.
        Assert.Equal(fit.Organisation.Regions.Count * 2, fit.Organisation.Campaigns.Count);
        Assert.Equal(fit.Organisation.Campaigns.Select(f => f.Id).Order(), fit.Parameters.Deals!.FlowWinRates.Keys.Order());
    }

    [Fact]
    public void A_history_without_channels_keeps_one_flow_per_region_and_no_channel_rates()
    {
        var import = MavenImportTests.Sample.Value;
        var fit = HistoryCalibration.Fit(import.Journeys.Select(SmallExport.Apply).ToList(), import.Organisation,
            import.Products.Select(p => (p.Name, p.ListPrice)).ToList());
        Assert.Equal(fit.Organisation.Regions.Select(r => $"flow-{r.Id}"), fit.Organisation.Campaigns.Select(f => f.Id));
        Assert.Empty(fit.Parameters.Deals!.FlowWinRates);
        Assert.All(fit.Organisation.Campaigns, f => Assert.Null(f.EffectiveShare));
    }
}
