using Growth.Domain.Twin;

namespace Growth.Domain.Tests.Twin;

/// <summary>Small twin models for the tests: three teams, two channels.</summary>
static class TwinModels
{
    public static TwinModel ThreeTeams(double northQualify = 0.5) => new()
    {
        Teams =
        [
            new TwinTeam("north", "North", 0.4, northQualify, 0.6, 0.3, 20, 10, 8, 12),
            new TwinTeam("south", "South", 0.35, 0.5, 0.6, 0.3, 20, 10, 8, 12),
            new TwinTeam("west", "West", 0.25, 0.5, 0.6, 0.3, 20, 5, 4, 6),
        ],
        Channels = [new TwinChannel("Ads", 6, 1.0), new TwinChannel("Events", 4, 1.2)],
    };

    public static TwinModel WithTeamQualify(TwinModel model, string team, double factor) => model with
    {
        Teams = model.Teams.Select(t => t.Id == team ? t with { Qualify = t.Qualify * factor } : t).ToList(),
    };

    /// <summary>One live run's counts since the start on <paramref name="day"/> (1-based), keyed like the twin's series.</summary>
    public static Dictionary<string, long> LiveOn(TwinModel model, int days, int day, ulong seed)
    {
        var values = TwinSimulation.OnePath(model, days, seed);
        var series = TwinSimulation.SeriesOf(model);
        return series.Select((s, i) => (Key: TwinCounts.Key(s.Scope, s.Id, s.Step), Value: (long)values[i * days + day - 1]))
            .ToDictionary(x => x.Key, x => x.Value);
    }

    public static TwinSeries Series(double p5, double p95, double mean, double sd) =>
        new(TwinScope.Team, "north", "North", TwinStep.Qualified, [p5], [(p5 + p95) / 2], [p95], [mean], [sd]);
}
