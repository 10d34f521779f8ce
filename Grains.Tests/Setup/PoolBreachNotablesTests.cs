using System.Globalization;
using System.Text.RegularExpressions;
using Growth.Domain.Access;
using Growth.Domain.Figures;
using Growth.Domain.Pool;
using Growth.Domain.Setup;
using Growth.Grains.Figures;
using Growth.Grains.Journeys;
using Growth.Grains.Setup;
using Growth.Grains.Simulation;
using Growth.Grains.Tests.Cluster;
using Growth.Grains.Workspaces;
using Xunit.Abstractions;
using static Growth.Grains.Tests.Setup.SetupGrainTests;

namespace Growth.Grains.Tests.Setup;

/// <summary>
/// Deadline breaches on the Overview: overloaded reps with a one-hour first-contact deadline give leads back to the
/// pool, and each simulated day every team that did raises one notable event whose count is exactly the returns its
/// journeys made that day and whose total is what the pool view counts for the team.
/// </summary>
[Collection(ClusterCollection.Name)]
public class PoolBreachNotablesTests(ClusterFixture fixture, ITestOutputHelper output)
{
    static readonly DateTimeOffset Start = new(2026, 1, 5, 0, 0, 0, TimeSpan.Zero);
    static readonly Regex Breach = new(@"^(?<team>.+): (?<returns>[\d,]+) returns to the lead pool in a day \(.+\), (?<total>[\d,]+) in all$", RegexOptions.CultureInvariant);
    IGrainFactory Grains => fixture.Grains;

    [Fact]
    public async Task Each_team_that_missed_the_deadline_raises_one_notable_a_day_with_its_exact_count()
    {
        const string ws = "pool-breach-notables";
        // Two teams of three, four times the leads of the pool test: reps are overloaded and miss the one-hour deadline.
        var setup = Company(campaignBudget: 12_000, teams: ["t1", "t2"]) with { Rules = new RulesSetup { FirstContactDeadlineHours = 1, MaxReturns = 2 } };
        await Grains.GetGrain<ISetupGrain>(ws).ApplyAsync(setup, "leader", "one-hour deadline, overloaded");
        var sim = Grains.GetGrain<ISimulationGrain>(ws);
        await sim.CreateAsync(new SimulationSettings { Seed = 7, Start = Start, ExistingCustomers = 0 });
        var statistics = Grains.GetGrain<IWorkspaceStatisticsGrain>(ws);

        var shards = Enumerable.Range(0, Keys.ShardCount).Select(i => Grains.GetGrain<IJourneyShardGrain>(Keys.Shard(ws, i))).ToList();
        async Task<Dictionary<string, long>> ReturnsByTeam() =>
            (await Task.WhenAll(shards.Select(s => s.StatesAsync()))).SelectMany(s => s)
                .Where(j => !j.Existing && j.TeamId is not null).GroupBy(j => j.TeamId!).ToDictionary(g => "Team " + g.Key, g => (long)g.Sum(j => j.Returns));

        // The first step's history point (an hour in) takes the counts; a point is due a day after each.
        await sim.RunForAsync(TimeSpan.FromHours(1));
        var before = await ReturnsByTeam();
        var raised = 0;
        for (var day = 1; day <= 4; day++)
        {
            await sim.RunForAsync(TimeSpan.FromDays(1));
            var at = Start.AddHours(1).AddDays(day);
            var snapshot = (await statistics.RefreshAsync())!;
            var notes = snapshot.Notables.Where(n => n.Kind == PoolBreaches.Kind && n.At == at).ToList();
            output.WriteLine($"day {day}: " + string.Join(" | ", notes.Select(n => n.Message)));
            var byTeam = notes.Select(n => Breach.Match(n.Message)).Select(m =>
            {
                Assert.True(m.Success);
                return (Team: m.Groups["team"].Value, Returns: Number(m), Total: Number(m, "total"));
            }).ToList();
            // At most one a team a day.
            Assert.Equal(byTeam.Count, byTeam.Select(b => b.Team).Distinct().Count());

            var now = await ReturnsByTeam();
            foreach (var (team, total) in now)
            {
                var made = total - before.GetValueOrDefault(team);
                var note = byTeam.SingleOrDefault(b => b.Team == team);
                // A team that made returns today has its notable with exactly that count and its total; one that made none, none.
                Assert.Equal(made > 0 ? (team, made, total) : default, note);
            }
            raised += byTeam.Count;
            before = now;
        }
        Assert.True(raised >= 4, $"only {raised} breach notables in four days: the reps were not overloaded");

        // The totals are what the pool view counts: the returns of the team's leads that went back to the pool.
        var pool = LeadPoolView.Merge(await Task.WhenAll(shards.Select(s => s.PoolAsync(FigureScope.Full, Start.AddHours(1).AddDays(4), 1, int.MaxValue))), int.MaxValue);
        var poolReturns = pool.ReturnedLeads.GroupBy(l => "Team " + l.TeamId).ToDictionary(g => g.Key, g => (long)g.Sum(l => l.Returns));
        Assert.Equal(before.Where(b => b.Value > 0).OrderBy(b => b.Key), poolReturns.OrderBy(b => b.Key));
        output.WriteLine($"pool: {pool.Returned} leads returned; per team {string.Join(", ", poolReturns.Select(p => $"{p.Key} {p.Value}"))}");
    }

    static long Number(Match m, string group = "returns") => long.Parse(m.Groups[group].Value, NumberStyles.AllowThousands, CultureInfo.InvariantCulture);
}
