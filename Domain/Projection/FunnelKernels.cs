using Growth.Domain.Journeys;
using Growth.Domain.Randomness;
using Growth.Domain.Simulation;

namespace Growth.Domain.Projection;

/// <summary>
/// The funnel's rates and delays under one set of parameters, measured by walking a seeded sample of synthetic leads
/// and customers through the very <see cref="JourneyPlanner"/> the simulation uses. This is why the projection agrees
/// with the simulation: it does not re-derive the behaviour model, it measures it once, then every Monte Carlo path
/// samples counts per stage and week from these rates instead of walking leads.
/// All arrays are indexed by weeks since the week the lead was created (or since the projection began, for existing customers).
/// </summary>
public sealed class FunnelKernels
{
    /// <summary>Chance an effective (real-intent) lead is qualified.</summary>
    public double QualifyEffective { get; init; }
    /// <summary>Chance a junk lead slips through qualification.</summary>
    public double QualifyJunk { get; init; }
    /// <summary>Chance a qualified effective lead is won within the horizon.</summary>
    public double WinEffective { get; init; }
    /// <summary>Chance a qualified junk lead is won within the horizon.</summary>
    public double WinJunk { get; init; }
    /// <summary>Share of a cohort's wins that land in each week (sums to 1).</summary>
    public required double[] WinShape { get; init; }
    /// <summary>Mean and standard deviation of a won deal's value.</summary>
    public double WonValueMean { get; init; }
    public double WonValueSd { get; init; }
    /// <summary>Per won deal: repurchases, referrals and cash collected by week.</summary>
    public required double[] RepurchasesPerWin { get; init; }
    public required double[] ReferralsPerWin { get; init; }
    public required double[] CashPerWin { get; init; }
    /// <summary>Mean value of a new customer's repurchase.</summary>
    public double RepurchaseValueNew { get; init; }
    /// <summary>Per existing customer: repurchases, referrals and cash collected by week.</summary>
    public required double[] RepurchasesPerExisting { get; init; }
    public required double[] ReferralsPerExisting { get; init; }
    public required double[] CashPerExisting { get; init; }
    /// <summary>Mean value of an existing customer's repurchase.</summary>
    public double RepurchaseValueExisting { get; init; }
    /// <summary>
    /// Deals already in flight when the projection starts (open opportunities part-way through their steps, drawn as
    /// <see cref="Simulation.InFlightDeals"/> draws them): the chance one is won within the horizon, and per deal won, by
    /// week since the start, the share of wins (sums to 1), the value of orders signed (as the model counts revenue: after
    /// the contract stage, a refused discount re-quoted at the limit), repurchases, referrals and cash; the mean value of
    /// their repurchases and the relative spread of a won deal's value.
    /// </summary>
    public double WinInFlight { get; init; }
    public double[] InFlightWinShape { get; init; } = [];
    public double[] InFlightOrdersPerWin { get; init; } = [];
    public double[] InFlightRepurchasesPerWin { get; init; } = [];
    public double[] InFlightReferralsPerWin { get; init; } = [];
    public double[] InFlightCashPerWin { get; init; } = [];
    public double InFlightRepurchaseValue { get; init; }
    public double InFlightValueCv { get; init; }
    /// <summary>Mean days a lead stays open with a rep (for load against capacity).</summary>
    public double MeanOpenDays { get; init; }
    /// <summary>Share of new-business revenue by region id and by team id (from who worked the sample's wins).</summary>
    public required IReadOnlyDictionary<string, double> NewShareByRegion { get; init; }
    public required IReadOnlyDictionary<string, double> NewShareByTeam { get; init; }
    /// <summary>Share of existing customers by region id and team id (they are spread evenly over reps).</summary>
    public required IReadOnlyDictionary<string, double> ExistingShareByRegion { get; init; }
    public required IReadOnlyDictionary<string, double> ExistingShareByTeam { get; init; }
    /// <summary>
    /// Share of won value taken back (a churn: the whole won value; a refund: its amount, as payouts count reversals)
    /// within d days of the win, for d = 0..<see cref="FunnelCalibration.ReversalDays"/>; measured only on wins with d
    /// days left in the sample's horizon. Empty: none measured.
    /// </summary>
    public double[] ReversedShareWithin { get; init; } = [];

    /// <summary>Share of won value reversed within <paramref name="days"/> of the win (0 for no days).</summary>
    public double ReversedWithin(int days) =>
        days <= 0 || ReversedShareWithin.Length == 0 ? 0 : ReversedShareWithin[Math.Min(days, ReversedShareWithin.Length - 1)];
}

/// <summary>A rep leads may be assigned to in the calibration sample, with how often (capacity times presence).</summary>
public sealed record SampleRep(RepAssignment Rep, double Weight);

/// <summary>Measures <see cref="FunnelKernels"/>. Pure and deterministic per seed, parallel over fixed chunks.</summary>
public static partial class FunnelCalibration
{
    /// <summary>Sample leads per chunk: chunks, not threads, own their seeds, so results do not depend on core count.</summary>
    const int ChunkSize = 1000;
    /// <summary>Junk leads sampled per effective lead: they rarely win, so fewer are needed to measure them.</summary>
    const double JunkSampleShare = 0.35;
    /// <summary>Existing customers sampled per effective lead.</summary>
    const double ExistingSampleShare = 0.4;
    /// <summary>Deals in flight sampled per effective lead (at the default 16,000 leads, 4,000 deals: their win rate to about 2 %).</summary>
    const double InFlightSampleShare = 0.25;
    /// <summary>Longest clawback window measured (days after a win).</summary>
    public const int ReversalDays = 365;

    sealed class Acc(int weeks)
    {
        public long Leads, Qualified, Won, OpenDaysCount;
        public double WonValue, WonValueSq, OpenDays, RepValue, RepCount;
        public readonly double[] Wins = new double[weeks], Repurchases = new double[weeks], Referrals = new double[weeks], Cash = new double[weeks],
            Orders = new double[weeks];
        public readonly Dictionary<string, double> ValueByRegion = [], ValueByTeam = [];
        public readonly double[] WonEligible = new double[ReversalDays + 1], Reversed = new double[ReversalDays + 1];
        public readonly int[] WinsEligible = new int[ReversalDays + 1];

        public void Add(Acc o)
        {
            Leads += o.Leads; Qualified += o.Qualified; Won += o.Won; OpenDaysCount += o.OpenDaysCount;
            WonValue += o.WonValue; WonValueSq += o.WonValueSq; OpenDays += o.OpenDays; RepValue += o.RepValue; RepCount += o.RepCount;
            for (var i = 0; i < Wins.Length; i++)
            {
                Wins[i] += o.Wins[i]; Repurchases[i] += o.Repurchases[i]; Referrals[i] += o.Referrals[i]; Cash[i] += o.Cash[i]; Orders[i] += o.Orders[i];
            }
            for (var d = 0; d <= ReversalDays; d++) { WonEligible[d] += o.WonEligible[d]; Reversed[d] += o.Reversed[d]; WinsEligible[d] += o.WinsEligible[d]; }
            foreach (var (k, v) in o.ValueByRegion) ValueByRegion[k] = ValueByRegion.GetValueOrDefault(k) + v;
            foreach (var (k, v) in o.ValueByTeam) ValueByTeam[k] = ValueByTeam.GetValueOrDefault(k) + v;
        }
    }

    enum Kind { Effective, Junk, Existing, InFlight }

    /// <summary>Fewest sample wins a day's reversed share is measured on (assumed; near the horizon a handful gave 0 or 0.74 by chance).</summary>
    public const int MinReversalWins = 30;

    /// <summary>Reversed over eligible won value per day, never falling; a day watched on fewer than <see cref="MinReversalWins"/> wins keeps the last share.</summary>
    static double[] ReversedShares(Acc won)
    {
        var shares = new double[ReversalDays + 1];
        for (var d = 1; d <= ReversalDays; d++)
            shares[d] = won.WinsEligible[d] >= MinReversalWins && won.WonEligible[d] > 0
                ? Math.Max(shares[d - 1], Math.Min(1, won.Reversed[d] / won.WonEligible[d]))
                : shares[d - 1];
        return shares;
    }

    /// <summary>Adds a won deal's value and its reversals by days since the win, for every day the horizon still covers.</summary>
    static void TallyReversals(Acc acc, JourneyState s, DateTimeOffset wonAt, DateTimeOffset horizon, IEnumerable<JourneyEvent> events)
    {
        var last = (int)Math.Min(ReversalDays, Math.Floor((horizon - wonAt).TotalDays));
        var won = (double)s.WonValue;
        if (last < 0 || won <= 0) return;
        for (var d = 0; d <= last; d++) { acc.WonEligible[d] += won; acc.WinsEligible[d]++; }
        foreach (var e in events)
        {
            if (e.At < wonAt || e.At >= horizon || e.Kind is not (EventKind.Refunded or EventKind.Churned)) continue;
            var amount = e.Kind == EventKind.Churned ? won : (double)e.Amount;
            for (var d = (int)Math.Ceiling((e.At - wonAt).TotalDays); d <= last; d++) acc.Reversed[d] += amount;
        }
    }

    static double Ratio(long a, long b) => b == 0 ? 0 : (double)a / b;

    static Acc RunChunk(BehaviourParameters p, IReadOnlyList<SampleRep> reps, int weeks, Kind kind, int count, ulong seed)
    {
        var acc = new Acc(weeks);
        var rng = new Prng(seed);
        var planner = new JourneyPlanner(p);
        var weights = reps.Select(r => r.Weight).ToArray();
        var origin = new DateTimeOffset(2026, 1, 5, 0, 0, 0, TimeSpan.Zero);
        var horizon = origin + TimeSpan.FromDays(7 * weeks);
        Pool? pool = null;
        for (var i = 0; i < count; i++)
        {
            JourneyStart start;
            if (kind == Kind.InFlight)
                start = InFlightDeals.Draw(rng, p, origin, reps[rng.Pick(weights)].Rep, $"f{i}");
            else if (kind == Kind.Existing)
            {
                // Mirrors how the simulation seeds its customer base: keen customers, some with a receivable carried in.
                var rep = reps[i % reps.Count].Rep;
                var persona = new LeadPersona(true, rng.Uniform(0.5, 1), Math.Round(p.MedianBudget * (decimal)rng.LogNormal(1, 0.5), 0), rng.NextUInt64());
                var balance = rng.Chance(0.6) ? Math.Round(p.ListPrice * 0.6m * (decimal)rng.LogNormal(1, 0.5), 0) : 0m;
                start = new JourneyStart
                {
                    JourneyId = $"x{i}", At = origin, Existing = true, OpeningBalance = balance, Persona = persona,
                    Rep = rep with { Load = 0 },
                };
            }
            else
            {
                // A lead arrives at a uniform moment of its cohort's week, from a channel of this quality.
                var effective = kind == Kind.Effective;
                var intent = effective ? rng.Uniform(0.4, 1.0) : rng.Uniform(0, 2 * Behaviour.JunkIntent);
                var budget = Math.Round(p.MedianBudget * (decimal)rng.LogNormal(1, p.BudgetSpread), 0);
                var persona = new LeadPersona(effective, intent, budget, rng.NextUInt64());
                start = new JourneyStart
                {
                    JourneyId = $"l{i}", At = origin + TimeSpan.FromDays(7 * rng.NextDouble()), Channel = Channel.Ads,
                    Persona = persona, Rep = reps[rng.Pick(weights)].Rep,
                };
            }
            var (first, plan) = planner.Start(start);
            var rest = planner.AdvanceTo(first.State, plan, horizon);
            Tally(acc, first.Events, origin, horizon, start);
            Tally(acc, rest.Events, origin, horizon, start);
            var events = first.Events.Concat(rest.Events);
            // A lead sent back to the pool is taken up by another rep of its team at the next whole hour, as the simulation's
            // routing takes it up (its own stream: a sample without returns draws as before).
            while (rest.Returned is { } back && rest.State.InPool && Pool.Up(back.At, origin) is var at && at < horizon)
            {
                pool ??= new Pool(reps, Prng.Derive(seed, "pool"));
                var taken = planner.TakeFromPool(rest.State, plan, pool.Pick(back), at);
                rest = planner.AdvanceTo(taken.State, plan, horizon);
                Tally(acc, taken.Events, origin, horizon, start);
                Tally(acc, rest.Events, origin, horizon, start);
                events = events.Concat(taken.Events).Concat(rest.Events);
            }
            var s = rest.State;
            acc.Leads++;
            if (!start.Existing && kind != Kind.InFlight)
            {
                if (s.QualifiedAt is not null) acc.Qualified++;
                if (s.Won && s.ClosedAt is { } won && won < horizon) TallyReversals(acc, s, won, horizon, events);
                var closed = s.ClosedAt ?? horizon;
                acc.OpenDays += (closed - start.At).TotalDays;
                acc.OpenDaysCount++;
            }
        }
        return acc;
    }

    static void Tally(Acc acc, IReadOnlyList<JourneyEvent> events, DateTimeOffset origin, DateTimeOffset horizon, JourneyStart start)
    {
        foreach (var e in events)
        {
            if (e.At >= horizon) continue;
            var week = (int)((e.At - origin).TotalDays / 7);
            switch (e.Kind)
            {
                case EventKind.Won:
                    acc.Won++;
                    acc.Wins[week]++;
                    acc.WonValue += (double)e.Amount;
                    acc.WonValueSq += (double)e.Amount * (double)e.Amount;
                    acc.ValueByRegion[start.Rep.RegionId] = acc.ValueByRegion.GetValueOrDefault(start.Rep.RegionId) + (double)e.Amount;
                    acc.ValueByTeam[start.Rep.TeamId] = acc.ValueByTeam.GetValueOrDefault(start.Rep.TeamId) + (double)e.Amount;
                    break;
                case EventKind.Repurchased:
                    acc.Repurchases[week]++;
                    acc.RepCount++;
                    acc.RepValue += (double)e.Amount;
                    break;
                case EventKind.Referred:
                    acc.Referrals[week]++;
                    break;
                case EventKind.OrderSigned:
                    acc.Orders[week] += (double)e.Amount;
                    break;
                case EventKind.PaymentReceived:
                    acc.Cash[week] += (double)e.Amount;
                    break;
            }
        }
    }
}
