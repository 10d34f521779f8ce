using Growth.Domain.Randomness;
using Growth.Domain.Simulation;

namespace Growth.Domain.Projection;

public static partial class FunnelCalibration
{
    /// <summary>Measures the kernels for <paramref name="weeks"/> weeks with the given reps, walking <paramref name="effectiveLeads"/> sample leads.</summary>
    public static FunnelKernels Measure(BehaviourParameters p, IReadOnlyList<SampleRep> reps, int weeks, int effectiveLeads, ulong seed, ParallelOptions parallel) =>
        Measure(p, reps, weeks, effectiveLeads, seed, parallel, null);

    /// <summary>
    /// Measures the kernels as <see cref="Measure(BehaviourParameters, IReadOnlyList{SampleRep}, int, int, ulong, ParallelOptions)"/>, but
    /// first hands the leads' mean open days to <paramref name="reload"/>: when it answers other reps (the same reps under load),
    /// the leads are walked again with those. Existing customers are walked once, after the answer: their reps carry no load
    /// (<see cref="RunChunk"/>), so they come out the same either way, and a loaded funnel costs one walk of the leads more, not
    /// one of the whole sample. Kernels are exactly those of a measurement with the final reps.
    /// </summary>
    public static FunnelKernels Measure(BehaviourParameters p, IReadOnlyList<SampleRep> reps, int weeks, int effectiveLeads, ulong seed, ParallelOptions parallel,
        Func<double, IReadOnlyList<SampleRep>?>? reload)
    {
        if (reps.Count == 0) throw new ArgumentException("calibration needs at least one rep", nameof(reps));
        var junk = Math.Max(ChunkSize, (int)(effectiveLeads * JunkSampleShare));
        var existing = Math.Max(ChunkSize, (int)(effectiveLeads * ExistingSampleShare));
        var inFlight = Math.Max(ChunkSize, (int)(effectiveLeads * InFlightSampleShare));
        List<(Kind Kind, int Chunk, int Count, IReadOnlyList<SampleRep> Reps)> Plan(params (Kind Kind, int Total, IReadOnlyList<SampleRep> Reps)[] kinds)
        {
            var jobs = new List<(Kind, int, int, IReadOnlyList<SampleRep>)>();
            foreach (var (kind, total, with) in kinds)
                for (int i = 0, n = 0; n < total; i++, n += ChunkSize) jobs.Add((kind, i, Math.Min(ChunkSize, total - n), with));
            return jobs;
        }
        Acc[] RunJobs(List<(Kind Kind, int Chunk, int Count, IReadOnlyList<SampleRep> Reps)> jobs)
        {
            var results = new Acc[jobs.Count];
            Parallel.For(0, jobs.Count, parallel, j =>
            {
                var (kind, chunk, count, with) = jobs[j];
                results[j] = RunChunk(p, with, weeks, kind, count, Prng.Derive(seed, $"calibration-{kind}-{chunk}"));
            });
            return results;
        }
        // Merged in chunk order per kind: floating-point sums come out the same whatever ran in parallel.
        Acc Merge(List<(Kind Kind, int Chunk, int Count, IReadOnlyList<SampleRep> Reps)> jobs, Acc[] results, Kind kind)
        {
            var acc = new Acc(weeks);
            for (var j = 0; j < jobs.Count; j++)
                if (jobs[j].Kind == kind) acc.Add(results[j]);
            return acc;
        }

        var leadJobs = Plan((Kind.Effective, effectiveLeads, reps), (Kind.Junk, junk, reps));
        var leadResults = RunJobs(leadJobs);
        var eff = Merge(leadJobs, leadResults, Kind.Effective);
        var jnk = Merge(leadJobs, leadResults, Kind.Junk);
        var loaded = reload?.Invoke(MeanOpenDays(eff, jnk));
        // Deals in flight (a quarter as many as effective leads), on their own seeds, walked with the final reps (a rep's load
        // acts on first contact only, which they are past): no other kernel draws differently for them.
        var restJobs = loaded is null
            ? Plan((Kind.Existing, existing, reps), (Kind.InFlight, inFlight, reps))
            : Plan((Kind.Existing, existing, reps), (Kind.Effective, effectiveLeads, loaded), (Kind.Junk, junk, loaded), (Kind.InFlight, inFlight, loaded));
        var restResults = RunJobs(restJobs);
        var ex = Merge(restJobs, restResults, Kind.Existing);
        var flight = Merge(restJobs, restResults, Kind.InFlight);
        if (loaded is not null)
        {
            (eff, jnk) = (Merge(restJobs, restResults, Kind.Effective), Merge(restJobs, restResults, Kind.Junk));
            reps = loaded;
        }

        var won = new Acc(weeks);
        won.Add(eff);
        won.Add(jnk);
        var wins = Math.Max(1, won.Won);
        var mean = won.WonValue / wins;
        var totalNew = won.ValueByRegion.Values.Sum();
        var repsByRegion = reps.GroupBy(r => r.Rep.RegionId).ToDictionary(g => g.Key, g => (double)g.Count() / reps.Count);
        var repsByTeam = reps.GroupBy(r => r.Rep.TeamId).ToDictionary(g => g.Key, g => (double)g.Count() / reps.Count);
        return new FunnelKernels
        {
            QualifyEffective = Ratio(eff.Qualified, eff.Leads),
            QualifyJunk = Ratio(jnk.Qualified, jnk.Leads),
            WinEffective = Ratio(eff.Won, eff.Qualified),
            WinJunk = Ratio(jnk.Won, jnk.Qualified),
            WinShape = won.Wins.Select(w => w / wins).ToArray(),
            WonValueMean = mean,
            WonValueSd = Math.Sqrt(Math.Max(0, won.WonValueSq / wins - mean * mean)),
            RepurchasesPerWin = won.Repurchases.Select(x => x / wins).ToArray(),
            ReferralsPerWin = won.Referrals.Select(x => x / wins).ToArray(),
            CashPerWin = won.Cash.Select(x => x / wins).ToArray(),
            RepurchaseValueNew = won.RepCount == 0 ? 0 : won.RepValue / won.RepCount,
            RepurchasesPerExisting = ex.Repurchases.Select(x => x / Math.Max(1, ex.Leads)).ToArray(),
            ReferralsPerExisting = ex.Referrals.Select(x => x / Math.Max(1, ex.Leads)).ToArray(),
            CashPerExisting = ex.Cash.Select(x => x / Math.Max(1, ex.Leads)).ToArray(),
            RepurchaseValueExisting = ex.RepCount == 0 ? 0 : ex.RepValue / ex.RepCount,
            WinInFlight = Ratio(flight.Won, flight.Leads),
            InFlightWinShape = PerWin(flight, flight.Wins),
            InFlightOrdersPerWin = PerWin(flight, flight.Orders),
            InFlightRepurchasesPerWin = PerWin(flight, flight.Repurchases),
            InFlightReferralsPerWin = PerWin(flight, flight.Referrals),
            InFlightCashPerWin = PerWin(flight, flight.Cash),
            InFlightRepurchaseValue = flight.RepCount == 0 ? 0 : flight.RepValue / flight.RepCount,
            InFlightValueCv = flight.Won == 0 || flight.WonValue <= 0 ? 0
                : Math.Sqrt(Math.Max(0, flight.WonValueSq / flight.Won - Math.Pow(flight.WonValue / flight.Won, 2))) / (flight.WonValue / flight.Won),
            MeanOpenDays = MeanOpenDays(eff, jnk),
            NewShareByRegion = totalNew <= 0 ? repsByRegion : won.ValueByRegion.ToDictionary(kv => kv.Key, kv => kv.Value / totalNew),
            NewShareByTeam = totalNew <= 0 ? repsByTeam : won.ValueByTeam.ToDictionary(kv => kv.Key, kv => kv.Value / totalNew),
            ExistingShareByRegion = repsByRegion,
            ExistingShareByTeam = repsByTeam,
            ReversedShareWithin = ReversedShares(won),
        };
    }

    static double[] PerWin(Acc acc, double[] byWeek) => byWeek.Select(x => x / Math.Max(1, acc.Won)).ToArray();

    static double MeanOpenDays(Acc eff, Acc jnk) => (eff.OpenDays + jnk.OpenDays) / Math.Max(1, eff.OpenDaysCount + jnk.OpenDaysCount);
}
