using Growth.Domain.Twin;

namespace Growth.Domain.Tests.Twin;

public class TwinSimulationTests
{
    static readonly TwinRun Run = new(Paths: 200, Days: 28, Seed: 7);

    [Fact]
    public void The_same_seed_gives_the_same_bands_and_another_seed_other_ones()
    {
        var model = TwinModels.ThreeTeams();
        var a = TwinSimulation.Run(model, Run);
        var b = TwinSimulation.Run(model, Run);
        var c = TwinSimulation.Run(model, Run with { Seed = 8 });
        Assert.Equal(a.Series.Count, b.Series.Count);
        for (var i = 0; i < a.Series.Count; i++)
        {
            Assert.Equal(a.Series[i].P5, b.Series[i].P5);
            Assert.Equal(a.Series[i].P95, b.Series[i].P95);
            Assert.Equal(a.Series[i].Mean, b.Series[i].Mean);
        }
        Assert.NotEqual(a.Series[0].Mean, c.Series[0].Mean);
    }

    [Fact]
    public void Bands_hold_every_step_for_the_company_each_team_and_each_channel_and_only_grow()
    {
        var bands = TwinSimulation.Run(TwinModels.ThreeTeams(), Run);
        Assert.Equal((1 + 3 + 2) * 4, bands.Series.Count);
        foreach (var s in bands.Series)
        {
            Assert.Equal(28, s.P5.Length);
            for (var d = 0; d < 28; d++) Assert.True(s.P5[d] <= s.P50[d] && s.P50[d] <= s.P95[d], $"{s.Id} {s.Step} day {d + 1}");
            for (var d = 1; d < 28; d++) Assert.True(s.Mean[d] >= s.Mean[d - 1], $"{s.Id} {s.Step} day {d + 1}: cumulative");
        }
    }

    [Fact]
    public void The_leads_band_centres_on_the_flow_and_the_teams_split_it_by_their_shares()
    {
        var bands = TwinSimulation.Run(TwinModels.ThreeTeams(), Run);
        TwinSeries Leads(TwinScope scope, string id) => bands.Series.Single(s => s.Scope == scope && s.Id == id && s.Step == TwinStep.Leads);
        // 10 leads a day over 28 days: 280 expected, Poisson sd about 16.7.
        var company = Leads(TwinScope.Company, "company");
        Assert.InRange(company.Mean[27], 275, 285);
        Assert.InRange(company.Sd[27], 14, 19.5);
        Assert.InRange(Leads(TwinScope.Team, "north").Mean[27], 0.4 * 280 - 4, 0.4 * 280 + 4);
        Assert.InRange(Leads(TwinScope.Channel, "Events").Mean[27], 4 * 28 - 4, 4 * 28 + 4);
    }

    [Fact]
    public void Seeded_bands_are_exact()
    {
        var bands = TwinSimulation.Run(TwinModels.ThreeTeams(), Run);
        var north = bands.Series.Single(s => s.Id == "north" && s.Step == TwinStep.Qualified);
        Assert.Equal((50.0, 77.0, 60.955), (north.P5[27], north.P95[27], north.Mean[27]));
    }

    [Fact]
    public void A_workspace_with_no_flow_and_nothing_open_expects_nothing()
    {
        var model = new TwinModel
        {
            Teams = [new TwinTeam("t", "T", 1, 0.5, 0.5, 0.5, 10, 0, 0, 0)],
            Channels = [new TwinChannel("Ads", 0, 1)],
        };
        var bands = TwinSimulation.Run(model, new TwinRun(50, 5, 1));
        Assert.All(bands.Series, s => Assert.All(s.P95, v => Assert.Equal(0, v)));
        Assert.All(bands.Series, s => Assert.All(s.Sd, v => Assert.Equal(0, v)));
    }

    [Fact]
    public void Bad_models_and_runs_are_refused_naming_what_is_wrong()
    {
        var model = TwinModels.ThreeTeams();
        var bad = model with { Teams = [model.Teams[0] with { Qualify = 1.5 }] };
        Assert.Contains("team north", Assert.Throws<ArgumentException>(() => TwinSimulation.Run(bad, Run)).Message);
        Assert.Contains("paths must be between 50 and 1000 (was 10)", Assert.Throws<ArgumentException>(() => TwinSimulation.Run(model, Run with { Paths = 10 })).Message);
        Assert.Contains("days must be between 1 and 180", Assert.Throws<ArgumentException>(() => TwinSimulation.Run(model, Run with { Days = 0 })).Message);
    }
}
