using Xunit.Abstractions;
using Growth.Domain.Twin;

namespace Growth.Domain.Tests.Twin;

/// <summary>
/// A twin is fitted on a finite history, so its lead rates are estimates. Here the twin's channels are fitted on one
/// 14-day history of a known model (rate = leads counted ÷ 14, a young workspace) and judged 28 days on against a live
/// run of that same model: the estimate's error then weighs twice the day-to-day noise, and with the point estimates
/// alone the twin flags the lead series far more often than the 10 % its P5–P95 leaves out; drawing each run's rates
/// from the counts (<see cref="TwinDraws"/>) brings that back to about 10 %.
/// </summary>
public class TwinFitUncertaintyTests(ITestOutputHelper output)
{
    const int Window = 14, Days = 28, Fits = 40;
    static readonly TwinModel Truth = TwinModels.ThreeTeams();

    /// <summary>The twin fitted on one 14-day history of <see cref="Truth"/>: each channel's rate from the leads it counted, with or without that count as its basis.</summary>
    static TwinModel Fitted(ulong seed, bool withBasis)
    {
        var values = TwinSimulation.OnePath(Truth, Window, seed);
        var series = TwinSimulation.SeriesOf(Truth).ToList();
        return Truth with
        {
            Channels = Truth.Channels.Select(c =>
            {
                var i = series.FindIndex(s => s.Scope == TwinScope.Channel && s.Id == c.Id && s.Step == TwinStep.Leads);
                var counted = values[i * Window + Window - 1];
                return c with { LeadsPerDay = counted / (double)Window, WindowLeads = withBasis ? counted : 0 };
            }).ToList(),
        };
    }

    static (double Leads, double All) FlaggedShare(bool withBasis)
    {
        var rows = Enumerable.Range(0, Fits).SelectMany(i =>
        {
            var bands = TwinSimulation.Run(Fitted(7000 + (ulong)i, withBasis), new TwinRun(200, Days, 1 + (ulong)i));
            return TwinJudge.Judge(bands, Days, TwinModels.LiveOn(Truth, Days, Days, 9000 + (ulong)i)).Rows;
        }).ToList();
        double Share(IEnumerable<TwinFlag> r) => (double)r.Count(x => x.Verdict != TwinVerdict.Inside) / r.Count();
        return (Share(rows.Where(r => r.Step == TwinStep.Leads)), Share(rows));
    }

    [Fact]
    public void Drawing_the_fitted_lead_rates_from_their_counts_brings_the_false_flags_back_to_about_ten_percent()
    {
        var point = FlaggedShare(withBasis: false);
        var drawn = FlaggedShare(withBasis: true);
        output.WriteLine($"point estimates: lead series flagged {point.Leads:P1}, all series {point.All:P1}");
        output.WriteLine($"rates drawn from their counts: lead series flagged {drawn.Leads:P1}, all series {drawn.All:P1}");
        Assert.True(point.Leads > 0.2, $"point estimates flag {point.Leads:P1} of lead series: the fit's uncertainty should show");
        Assert.True(drawn.Leads <= TwinJudgement.ExpectedFalseFlagRate + 0.02, $"drawn rates flag {drawn.Leads:P1} of lead series");
        Assert.True(drawn.Leads > 0.03, $"drawn rates flag {drawn.Leads:P1}: a band that never flags is too wide");
        Assert.True(drawn.All <= TwinJudgement.ExpectedFalseFlagRate + 0.02, $"drawn rates flag {drawn.All:P1} of all series");
    }

    [Fact]
    public void A_real_shift_still_leaves_the_wider_range()
    {
        // North qualifies half as many leads in the live workspace; the twin was fitted on the unchanged history.
        var changed = TwinModels.WithTeamQualify(Truth, "north", 0.5);
        var z = Enumerable.Range(0, 10).Select(i =>
        {
            var bands = TwinSimulation.Run(Fitted(7100 + (ulong)i, withBasis: true), new TwinRun(200, Days, 50 + (ulong)i));
            return TwinJudge.Judge(bands, Days, TwinModels.LiveOn(changed, Days, Days, 9100 + (ulong)i)).Rows
                .Single(r => r.Scope == TwinScope.Team && r.Id == "north" && r.Step == TwinStep.Qualified);
        }).ToList();
        output.WriteLine("north qualified z: " + string.Join(", ", z.Select(r => r.Z?.ToString("0.0"))));
        Assert.True(z.Count(r => r.Verdict == TwinVerdict.Below) >= 9, $"{z.Count(r => r.Verdict == TwinVerdict.Below)} of 10 flagged below");
    }

    [Fact]
    public void The_day_to_day_spread_is_one_for_poisson_days_with_a_weekly_rhythm_and_grows_with_bursty_days()
    {
        var rng = new Growth.Domain.Randomness.Prng(5);
        // 56 days: weekdays at 20 leads, weekends at 4 (a rhythm, not noise), Poisson around it; then the same with a Gamma day factor of variance 0.25.
        double Rate(int i) => i % 7 is 5 or 6 ? 4 : 20;
        var poisson = Enumerable.Range(0, 4).Select(_ => TwinDispersion.Of(Enumerable.Range(0, 56).Select(i => (double)rng.Poisson(Rate(i))).ToList())).Average();
        var bursty = Enumerable.Range(0, 4).Select(_ => TwinDispersion.Of(Enumerable.Range(0, 56).Select(i => (double)rng.Poisson(Rate(i) * TwinDraws.Gamma(rng, 4) / 4)).ToList())).Average();
        output.WriteLine($"φ: Poisson with a weekly rhythm {poisson:0.00}, bursty days {bursty:0.00}");
        Assert.InRange(poisson, 1, 1.3);
        // Expected: variance ÷ mean 1 + 0.25 × 20 = 6 on weekdays, 1 + 0.25 × 4 = 2 at weekends, weighted by their leads: 5.7.
        Assert.InRange(bursty, 3.5, 8.5);
        Assert.Equal(1, TwinDispersion.Of([5, 9, 1]));
    }

    [Fact]
    public void A_draw_keeps_its_mean_and_a_parameter_without_basis_draws_nothing()
    {
        var rng = new Growth.Domain.Randomness.Prng(11);
        var rates = Enumerable.Range(0, 20_000).Select(_ => TwinDraws.LeadRate(rng, 5, 100)).ToList();
        Assert.InRange(rates.Average(), 4.95, 5.05);
        // Relative spread 1/√100 = 10 %.
        Assert.InRange(Math.Sqrt(rates.Sum(r => (r - 5) * (r - 5)) / rates.Count), 0.47, 0.53);
        var shares = Enumerable.Range(0, 20_000).Select(_ => TwinDraws.Share(rng, 0.3, 50)).ToList();
        Assert.InRange(shares.Average(), 0.295, 0.305);
        // Beta(15, 35): sd √(0.3 × 0.7 / 51) = 0.0642.
        Assert.InRange(Math.Sqrt(shares.Sum(s => (s - 0.3) * (s - 0.3)) / shares.Count), 0.061, 0.067);
        var before = rng.State;
        Assert.Equal((5.0, 0.3), (TwinDraws.LeadRate(rng, 5, 0), TwinDraws.Share(rng, 0.3, 0)));
        Assert.Equal(before, rng.State);
    }
}
