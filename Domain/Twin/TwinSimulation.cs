using Growth.Domain.Projection;
using Growth.Domain.Randomness;

namespace Growth.Domain.Twin;

/// <summary>One counted series of the twin: entries into <see cref="Step"/> within a scope, day by day.</summary>
/// <remarks>Index i of every array is the cumulative count from the twin's start to the end of day i + 1.</remarks>
public sealed record TwinSeries(TwinScope Scope, string Id, string Name, TwinStep Step,
    double[] P5, double[] P50, double[] P95, double[] Mean, double[] Sd);

/// <summary>The twin's expected ranges: every series, over <see cref="Days"/> days, from <see cref="Paths"/> seeded runs.</summary>
public sealed record TwinBands(IReadOnlyList<TwinSeries> Series, int Paths, int Days, ulong Seed);

/// <summary>
/// The twin's Monte Carlo runs, pure and deterministic per seed: each run walks the funnel forward day by day from
/// the start state. Per team and channel, new leads arrive (Poisson), and each day a share of the waiting leads is
/// decided (geometric delays: 1 - e^(-1/mean days)) and qualifies with the team's rate times the channel's factor;
/// qualified leads open opportunities with the team's rate; opportunities close with the team's win rate. Each run first
/// draws its own lead rates and team rates from the history they were fitted on (<see cref="TwinDraws"/>), so the runs'
/// spread holds the fit's uncertainty as well as the day-to-day noise. Like the
/// projection engine (<see cref="PathSimulation"/>) runs go in fixed chunks of <see cref="TwinRun.ChunkPaths"/>, each
/// from its own derived seed, and draw with its <see cref="Sampling.Binomial"/>; unlike it, they are daily and keep
/// every team and channel apart, which the judgement needs.
/// </summary>
public static class TwinSimulation
{
    public static readonly TwinStep[] Steps = Enum.GetValues<TwinStep>();

    /// <summary>Runs the twin and summarises every series per day: P5, P50, P95, mean and standard deviation.</summary>
    public static TwinBands Run(TwinModel model, TwinRun run)
    {
        if (model.Validate() is { } error) throw new ArgumentException(error, nameof(model));
        if (run.Validate() is { } runError) throw new ArgumentException(runError, nameof(run));
        var names = SeriesOf(model);
        var stride = names.Count * run.Days;
        var values = new int[run.Paths * stride];
        var chunks = (run.Paths + TwinRun.ChunkPaths - 1) / TwinRun.ChunkPaths;
        for (var chunk = 0; chunk < chunks; chunk++)
        {
            var rng = new Prng(Prng.Derive(run.Seed, $"twin-{chunk}"));
            for (var path = chunk * TwinRun.ChunkPaths; path < Math.Min(run.Paths, (chunk + 1) * TwinRun.ChunkPaths); path++)
                RunPath(model, run.Days, rng, values.AsSpan(path * stride, stride));
        }
        var series = new List<TwinSeries>(names.Count);
        var column = new double[run.Paths];
        for (var s = 0; s < names.Count; s++)
        {
            var (scope, id, name, step) = names[s];
            double[] p5 = new double[run.Days], p50 = new double[run.Days], p95 = new double[run.Days], mean = new double[run.Days], sd = new double[run.Days];
            for (var d = 0; d < run.Days; d++)
            {
                for (var p = 0; p < run.Paths; p++) column[p] = values[p * stride + s * run.Days + d];
                Array.Sort(column);
                p5[d] = Sampling.Quantile(column, 0.05);
                p50[d] = Sampling.Quantile(column, 0.50);
                p95[d] = Sampling.Quantile(column, 0.95);
                var m = column.Average();
                mean[d] = Math.Round(m, 3);
                sd[d] = Math.Round(Math.Sqrt(column.Sum(v => (v - m) * (v - m)) / column.Length), 3);
            }
            series.Add(new TwinSeries(scope, id, name, step, p5, p50, p95, mean, sd));
        }
        return new TwinBands(series, run.Paths, run.Days, run.Seed);
    }

    /// <summary>
    /// One run drawn from <paramref name="seed"/>: the cumulative count of every series (in the order of
    /// <see cref="SeriesOf"/>) at the end of each day, series by series. A stand-in "live" workspace in tests.
    /// </summary>
    public static int[] OnePath(TwinModel model, int days, ulong seed)
    {
        var values = new int[SeriesOf(model).Count * days];
        RunPath(model, days, new Prng(Prng.Derive(seed, "one-path")), values);
        return values;
    }

    /// <summary>The series, in order: the company's steps, then each team's, then each channel's.</summary>
    public static IReadOnlyList<(TwinScope Scope, string Id, string Name, TwinStep Step)> SeriesOf(TwinModel model) =>
        new[] { (TwinScope.Company, "company", "company") }
            .Concat(model.Teams.Select(t => (TwinScope.Team, t.Id, t.Name)))
            .Concat(model.Channels.Select(c => (TwinScope.Channel, c.Id, c.Id)))
            .SelectMany(g => Steps.Select(step => (g.Item1, g.Item2, g.Item3, step))).ToList();

    static void RunPath(TwinModel model, int days, Prng rng, Span<int> output)
    {
        int teams = model.Teams.Count, channels = model.Channels.Count, steps = Steps.Length;
        var cells = teams * Math.Max(1, channels);
        var waitingLeads = new long[cells];
        var waitingQualified = new long[cells];
        var open = new long[cells];
        var counts = new long[(1 + teams + channels) * steps];
        var weights = model.Channels.Select(c => c.LeadsPerDay).ToArray();
        // This run's parameters, drawn from what the fitted history allows (none drawn for a parameter taken as known).
        // A dispersed flow's count rests on fewer independent leads: its count ÷ φ.
        var rates = model.Channels.Select(c => TwinDraws.LeadRate(rng, c.LeadsPerDay, c.WindowLeads / Math.Max(1, c.Dispersion))).ToArray();
        var dayFactor = new double[channels];
        var drawn = model.Teams.Select(t => (Qualify: TwinDraws.Share(rng, t.Qualify, t.QualifyBasis), Open: TwinDraws.Share(rng, t.Open, t.OpenBasis),
            Win: TwinDraws.Share(rng, t.Win, t.WinBasis))).ToArray();
        for (var t = 0; t < teams; t++)
        {
            var team = model.Teams[t];
            Split(rng, team.OpenLeads, weights, waitingLeads, t * Math.Max(1, channels));
            Split(rng, team.OpenQualified, weights, waitingQualified, t * Math.Max(1, channels));
            Split(rng, team.OpenOpportunities, weights, open, t * Math.Max(1, channels));
        }
        var decide = 1 - Math.Exp(-1 / model.QualifyDays);
        var opens = 1 - Math.Exp(-1 / model.OpenDays);
        for (var day = 0; day < days; day++)
        {
            // Each channel's day as a whole: busier or quieter than its rate when its daily leads vary more than Poisson.
            for (var c = 0; c < channels; c++) dayFactor[c] = TwinDispersion.DayFactor(rng, rates[c], model.Channels[c].Dispersion);
            for (var t = 0; t < teams; t++)
            {
                var team = model.Teams[t];
                var close = 1 - Math.Exp(-1 / team.CycleDays);
                for (var c = 0; c < Math.Max(1, channels); c++)
                {
                    var cell = t * Math.Max(1, channels) + c;
                    var channel = channels == 0 ? null : model.Channels[c];
                    long arrived = channel is null ? 0 : rng.Poisson(rates[c] * dayFactor[c] * team.LeadShare);
                    waitingLeads[cell] += arrived;
                    var decided = Sampling.Binomial(rng, waitingLeads[cell], decide);
                    waitingLeads[cell] -= decided;
                    var qualified = Sampling.Binomial(rng, decided, Math.Min(1, drawn[t].Qualify * (channel?.QualifyFactor ?? 1)));
                    waitingQualified[cell] += qualified;
                    var considered = Sampling.Binomial(rng, waitingQualified[cell], opens);
                    waitingQualified[cell] -= considered;
                    var opened = Sampling.Binomial(rng, considered, drawn[t].Open);
                    open[cell] += opened;
                    var closed = Sampling.Binomial(rng, open[cell], close);
                    open[cell] -= closed;
                    var won = Sampling.Binomial(rng, closed, drawn[t].Win);
                    ReadOnlySpan<long> entered = [arrived, qualified, opened, won];
                    for (var s = 0; s < steps; s++)
                    {
                        counts[s] += entered[s];
                        counts[(1 + t) * steps + s] += entered[s];
                        if (channel is not null) counts[(1 + teams + c) * steps + s] += entered[s];
                    }
                }
            }
            for (var i = 0; i < counts.Length; i++) output[i * days + day] = (int)Math.Min(int.MaxValue, counts[i]);
        }
    }

    /// <summary>Spreads <paramref name="n"/> over the cells from <paramref name="offset"/> in proportion to <paramref name="weights"/> (all in the first when they are all 0).</summary>
    static void Split(Prng rng, long n, double[] weights, long[] cells, int offset)
    {
        var total = weights.Sum();
        if (weights.Length == 0 || total <= 0) { cells[offset] += n; return; }
        for (var c = 0; c < weights.Length && n > 0; c++)
        {
            var share = c == weights.Length - 1 ? n : Sampling.Binomial(rng, n, weights[c] / total);
            cells[offset + c] += share;
            n -= share;
            total -= weights[c];
            if (total <= 0 && n > 0) { cells[offset + c] += n; n = 0; }
        }
    }
}
