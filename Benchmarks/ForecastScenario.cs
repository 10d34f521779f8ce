using System.Diagnostics;
using Growth.Domain.Forecast;
using Growth.Domain.Journeys;
using Growth.Domain.Randomness;
using Growth.Domain.Setup;

namespace Growth.Benchmarks;

/// <summary>The Monte Carlo forecast of a quarter's end: 10,000 runs over 3,000 open deals (and 6,000 closed ones to learn from).</summary>
public static class ForecastScenario
{
    public const int Runs = 10_000, OpenDeals = 3_000, ClosedDeals = 6_000;

    /// <summary>Wall and CPU seconds of one forecast (learning the inputs from the deals included), the median of the runs.</summary>
    public static async Task<(double Seconds, double CpuSeconds)> MonteCarloAsync()
    {
        var (report, deals, model) = Build();
        var cpu = new List<double>();
        var seconds = await Measure.MedianAsync(run =>
        {
            var before = Measure.Cpu();
            var watch = Stopwatch.StartNew();
            MonteCarloForecast.Build(report, deals, model, new MonteCarloParameters { Runs = Runs, Seed = (ulong)(run + 2) });
            var elapsed = watch.Elapsed.TotalSeconds;
            if (run >= 0) cpu.Add((Measure.Cpu() - before).TotalSeconds);
            return Task.FromResult(elapsed);
        });
        cpu.Sort();
        return (seconds, cpu[cpu.Count / 2]);
    }

    /// <summary>3 regions × 4 teams × 10 reps; deals spread over them with seeded amounts, steps, ages and close dates.</summary>
    static (ForecastReport, List<Deal>, WinModel) Build()
    {
        var organisation = new OrganisationSetup
        {
            Regions = [.. Enumerable.Range(1, 3).Select(r => new RegionSetup
            {
                Id = $"region-{r}", Name = $"Region {r}",
                Teams = [.. Enumerable.Range(1, 4).Select(t => new TeamSetup
                {
                    Id = $"team-{r}-{t}", Name = $"Team {r}-{t}",
                    Reps = [.. Enumerable.Range(1, 10).Select(p => new RepSetup { Id = $"rep-{r}-{t}-{p}", Name = $"Rep {r}-{t}-{p}" })],
                })],
            })],
        };
        var asOf = new DateTimeOffset(2026, 2, 10, 0, 0, 0, TimeSpan.Zero);
        var period = FiscalCalendar.Default.QuarterOf(asOf);
        var rng = new Prng(16);
        Deal One(int i, bool open)
        {
            var (r, t, p) = (1 + rng.Next(3), 1 + rng.Next(4), 1 + rng.Next(10));
            var level = rng.Next(7);
            var age = rng.Uniform(1, 90);
            var opened = asOf.AddDays(-age - (open ? 0 : rng.Uniform(0, 120)));
            var won = !open && rng.Chance(0.3);
            var closedAt = opened.AddDays(age);
            return new Deal($"deal-{i}", $"rep-{r}-{t}-{p}", $"team-{r}-{t}", $"region-{r}", Math.Round((decimal)rng.LogNormal(20_000, 0.6), 2),
                level == 0 ? null : (ConversationStep)(level - 1), won ? 6 : level, opened, age, rng.Uniform(0, age),
                open ? asOf.AddDays(rng.Uniform(0, 120)) : closedAt, rng.Next(4),
                open ? (ForecastCategory)rng.Next(3) : won ? ForecastCategory.Closed : ForecastCategory.Omitted, open ? null : closedAt);
        }
        var deals = Enumerable.Range(0, OpenDeals + ClosedDeals).Select(i => One(i, i < OpenDeals)).ToList();
        var model = WinModel.Learn(deals);
        var targets = TargetPlan.For(new SetupDocument { Organisation = organisation }, period);
        return (ForecastBook.Build(period, asOf, organisation, targets, deals, model), deals, model);
    }
}
