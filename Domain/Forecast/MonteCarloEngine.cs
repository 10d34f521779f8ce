using Growth.Domain.Projection;
using Growth.Domain.Randomness;

namespace Growth.Domain.Forecast;

/// <summary>A row the Monte Carlo forecast is given per: the company (always first), a region or a team.</summary>
/// <param name="Closed">Already won in the period: every run starts from it.</param>
/// <param name="Target">The period's target; 0 when none (no odds then).</param>
public sealed record MonteCarloGroup(ForecastLevel Level, string Id, string? ParentId, string Name, decimal Closed, decimal Target);

/// <summary>An open deal as the runs draw it.</summary>
/// <param name="Team">Index of its team among the groups (−1: none); <paramref name="Region"/> likewise. The company always counts it.</param>
/// <param name="WinProbability">P(it is ever won), 0..1.</param>
/// <param name="DaysToExpectedClose">Days from now to the date its rep expects it to close.</param>
public sealed record MonteCarloDeal(int Team, int Region, double Amount, double WinProbability, double DaysToExpectedClose);

/// <summary>Deals still to be created in a team before the period ends that will be won: a Poisson rate per day.</summary>
public sealed record MonteCarloNewDeals(int Team, int Region, double WonDealsPerDay);

/// <summary>Everything one Monte Carlo forecast draws from. Pure data: <see cref="MonteCarloEngine.Run"/> is deterministic for it.</summary>
public sealed record MonteCarloInput
{
    /// <summary>Company first (index 0), then any regions and teams.</summary>
    public required IReadOnlyList<MonteCarloGroup> Groups { get; init; }
    /// <summary>Days from now to the period's end: a deal counts when it is won and closes within them.</summary>
    public required double DaysLeft { get; init; }
    public required IReadOnlyList<MonteCarloDeal> Deals { get; init; }
    public IReadOnlyList<MonteCarloNewDeals> NewDeals { get; init; } = [];
    /// <summary>Days a deal's actual close lands after its expected date, drawn with replacement; empty: Normal(0, <see cref="AssumedCloseSpreadDays"/>).</summary>
    public IReadOnlyList<double> CloseOffsets { get; init; } = [];
    /// <summary>Standard deviation of the close date around the expected one when no offsets are known, days.</summary>
    public double AssumedCloseSpreadDays { get; init; } = MonteCarloParameters.DefaultCloseSpreadDays;
    /// <summary>Days from opening to a win of new deals, drawn with replacement; empty: <see cref="AssumedCycleDays"/> exactly.</summary>
    public IReadOnlyList<double> WonCycles { get; init; } = [];
    public double AssumedCycleDays { get; init; } = 30;
    /// <summary>Amounts of new won deals, drawn with replacement; empty: new deals add nothing.</summary>
    public IReadOnlyList<double> WonAmounts { get; init; } = [];
    public int Runs { get; init; } = MonteCarloParameters.DefaultRuns;
    public ulong Seed { get; init; } = 1;
}

/// <summary>One group's period-end revenue over the runs (closed included) and the chance it reaches its target.</summary>
/// <param name="Odds">Share of runs at or above the target; null without a target.</param>
/// <param name="OddsInWords">The odds on the IPCC likelihood scale (see <see cref="MonteCarloEngine.InWords"/>).</param>
public sealed record MonteCarloRow(ForecastLevel Level, string Id, string? ParentId, string Name, decimal Closed, decimal Target,
    Band Revenue, double? Odds, string OddsInWords);

/// <summary>The runs' outcome: a row per group, and the mean revenue the open deals and the deals still to be created add (company).</summary>
public sealed record MonteCarloOutcome(IReadOnlyList<MonteCarloRow> Rows, double MeanFromOpenDeals, double MeanFromNewDeals);

/// <summary>
/// The Monte Carlo forecast of the period's end, pure and deterministic per seed. Each run: every open deal is won with
/// its probability and, if won, closes on its expected date plus an offset drawn from the workspace's history; it counts
/// when that is before the period ends. Each team's deals still to be created arrive as a Poisson process of won deals
/// (opened uniformly over the days left), each closing after a drawn cycle with a drawn amount, counting likewise.
/// Runs go in fixed chunks of <see cref="ChunkRuns"/> with their own seeds, so the result does not depend on the cores.
/// </summary>
public static class MonteCarloEngine
{
    public const int ChunkRuns = 250;

    public static MonteCarloOutcome Run(MonteCarloInput input, ParallelOptions? parallel = null)
    {
        if (input.Runs is < 100 or > 100_000) throw new ArgumentOutOfRangeException(nameof(input), $"runs must be between 100 and 100000 (was {input.Runs})");
        if (input.Groups.Count == 0 || input.Groups[0].Level != ForecastLevel.Company)
            throw new ArgumentException("groups must start with the company", nameof(input));
        int groups = input.Groups.Count, runs = input.Runs, chunks = (runs + ChunkRuns - 1) / ChunkRuns;
        var values = new double[groups][];
        for (var g = 0; g < groups; g++) values[g] = new double[runs];
        var fromOpen = new double[chunks];
        var fromNew = new double[chunks];
        var offsets = input.CloseOffsets.Order().ToArray();
        // Deals no draw can bring inside the period are left out before the runs (the normal spread: beyond 8 standard deviations).
        var earliest = offsets.Length > 0 ? offsets.Min() : -8 * input.AssumedCloseSpreadDays;
        var deals = input.Deals.Where(d => d.WinProbability > 0 && d.Amount != 0 && d.DaysToExpectedClose + earliest < input.DaysLeft).ToArray();
        var cycles = input.WonCycles.ToArray();
        var amounts = input.WonAmounts.ToArray();
        var closed = input.Groups.Select(g => (double)g.Closed).ToArray();

        Parallel.For(0, chunks, parallel ?? new ParallelOptions(), chunk =>
        {
            var rng = new Prng(Prng.Derive(input.Seed, "forecast-montecarlo/" + chunk));
            var sums = new double[groups];
            for (var run = chunk * ChunkRuns; run < Math.Min(runs, (chunk + 1) * ChunkRuns); run++)
            {
                Array.Copy(closed, sums, groups);
                foreach (var d in deals)
                {
                    if (rng.NextDouble() >= d.WinProbability) continue;
                    if (CloseDay(d.DaysToExpectedClose, offsets, input.AssumedCloseSpreadDays, rng) >= input.DaysLeft) continue;
                    Add(sums, d.Team, d.Region, d.Amount);
                    fromOpen[chunk] += d.Amount;
                }
                if (amounts.Length > 0)
                    foreach (var n in input.NewDeals)
                    {
                        var count = rng.Poisson(n.WonDealsPerDay * input.DaysLeft);
                        for (var i = 0; i < count; i++)
                        {
                            var opened = rng.NextDouble() * input.DaysLeft;
                            var cycle = cycles.Length > 0 ? cycles[rng.Next(cycles.Length)] : input.AssumedCycleDays;
                            var amount = amounts[rng.Next(amounts.Length)];
                            if (opened + cycle >= input.DaysLeft) continue;
                            Add(sums, n.Team, n.Region, amount);
                            fromNew[chunk] += amount;
                        }
                    }
                for (var g = 0; g < groups; g++) values[g][run] = sums[g];
            }
        });

        var rows = input.Groups.Select((g, i) =>
        {
            double? odds = g.Target > 0 ? (double)values[i].Count(v => v >= (double)g.Target) / runs : null;
            return new MonteCarloRow(g.Level, g.Id, g.ParentId, g.Name, g.Closed, g.Target, Sampling.Band(values[i]), odds, InWords(odds));
        }).ToList();
        return new MonteCarloOutcome(rows, Math.Round(fromOpen.Sum() / runs, 2), Math.Round(fromNew.Sum() / runs, 2));
    }

    /// <summary>
    /// Days from now to a won open deal's close: its expected date plus an offset drawn from <paramref name="sorted"/> (or the
    /// normal spread), given that the deal is still open, so among the offsets that land after now only. (Drawing from every
    /// offset and moving the ones that land in the past to today, as before, closed a deal expected weeks after the period
    /// within it whenever an early offset was drawn: the forecast ran high even on the period's last day.) A deal later than
    /// every offset allows (or, with no offsets, overdue by more than 2.5 standard deviations of the spread) closes today, as before.
    /// </summary>
    internal static double CloseDay(double daysToExpectedClose, double[] sorted, double spreadDays, Prng rng)
    {
        if (sorted.Length > 0)
        {
            // The first offset that lands after now (sorted ascending): draw among it and those after it.
            var first = Array.BinarySearch(sorted, -daysToExpectedClose);
            first = first < 0 ? ~first : first;
            while (first < sorted.Length && sorted[first] <= -daysToExpectedClose) first++;
            if (first == sorted.Length) return 0;
            return daysToExpectedClose + sorted[first + rng.Next(sorted.Length - first)];
        }
        if (daysToExpectedClose < -2.5 * spreadDays) return 0;
        for (var attempt = 0; attempt < 64; attempt++)
        {
            var day = daysToExpectedClose + rng.Normal(0, spreadDays);
            if (day > 0) return day;
        }
        return 0;
    }

    static void Add(double[] sums, int team, int region, double amount)
    {
        sums[0] += amount;
        if (team > 0) sums[team] += amount;
        if (region > 0 && region != team) sums[region] += amount;
    }

    /// <summary>
    /// Odds in words, on the likelihood scale of the IPCC's guidance note on uncertainty (Mastrandrea et al. 2010):
    /// ≥ 99 % virtually certain, ≥ 90 % very likely, ≥ 66 % likely, ≥ 33 % about as likely as not, ≥ 10 % unlikely,
    /// ≥ 1 % very unlikely, else exceptionally unlikely.
    /// </summary>
    public static string InWords(double? odds) => odds switch
    {
        null => "no target",
        >= 0.99 => "virtually certain",
        >= 0.90 => "very likely",
        >= 0.66 => "likely",
        >= 0.33 => "about as likely as not",
        >= 0.10 => "unlikely",
        >= 0.01 => "very unlikely",
        _ => "exceptionally unlikely",
    };
}
