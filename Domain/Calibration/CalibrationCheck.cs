using Growth.Domain.Journeys;
using Growth.Domain.Randomness;
using Growth.Domain.Simulation;

namespace Growth.Domain.Calibration;

/// <summary>How a tolerance is measured: in percentage points of a share, or relative to the history's value.</summary>
public enum ToleranceKind { Points, Relative }

/// <summary>
/// One figure of the history beside the calibrated simulation's over the same span, and whether it is within its
/// tolerance. <paramref name="Group"/> names the channel for per-channel figures ("" otherwise).
/// </summary>
public sealed record ToleranceCheck(string Figure, string Group, double History, double Simulated, double Tolerance, ToleranceKind Kind)
{
    /// <summary>The difference in the tolerance's unit: points (0.01 = 1 point) or a share of the history's value.</summary>
    public double Difference => Kind == ToleranceKind.Points ? Simulated - History : History == 0 ? double.PositiveInfinity : Simulated / History - 1;
    public bool Met => Math.Abs(Difference) <= Tolerance + 1e-12;
}

/// <summary>The history's figures and the calibrated simulation's, side by side, with each tolerance met or missed.</summary>
public sealed record CalibrationComparison(DateTimeOffset From, DateTimeOffset To, int HistoryLeads, int SimulatedLeads, ulong Seed,
    IReadOnlyList<ToleranceCheck> Checks)
{
    public bool AllMet => Checks.All(c => c.Met);
}

/// <summary>
/// Runs the calibrated model over the history's span and compares the figures a leader checks a calibration by.
/// Pure and seeded: the history's leads arrive evenly over its span on the fitted lead flows (each region's leads
/// at its fitted rate, its reps in turn), every journey is planned by the same <see cref="JourneyPlanner"/> the
/// simulation runs, and each is advanced to the history's last day, so deals still open then are open in both.
/// </summary>
public static class CalibrationCheck
{
    /// <summary>Win rate: within 3 points.</summary>
    public const double WinRatePoints = 0.03;
    /// <summary>Average won value: within 10 %.</summary>
    public const double AverageDealShare = 0.10;
    /// <summary>Mean days from opportunity to a win: within 15 %.</summary>
    public const double CycleShare = 0.15;
    /// <summary>Lead-to-deal conversion (won deals per lead) per channel: within 2 points.</summary>
    public const double ConversionPoints = 0.02;

    /// <summary>The group of leads whose source the export does not give.</summary>
    public const string NoChannel = "";

    public static CalibrationComparison Compare(CalibrationResult fit, IReadOnlyCollection<JourneyState> history, ulong seed = 42)
    {
        var simulated = Simulate(fit, seed);
        var historyLeads = Leads(history);
        var checks = new List<ToleranceCheck>
        {
            new("winRate", "", WinRate(historyLeads), WinRate(simulated), WinRatePoints, ToleranceKind.Points),
            new("averageDeal", "", AverageDeal(historyLeads), AverageDeal(simulated), AverageDealShare, ToleranceKind.Relative),
            new("cycleDays", "", CycleDays(historyLeads), CycleDays(simulated), CycleShare, ToleranceKind.Relative),
        };
        // Each channel of the history against the leads of the model's flows for that channel (all of them when the
        // history names no channel, or for a channel no fitted flow carries).
        var simulatedByChannel = simulated.GroupBy(j => fit.FlowGroups.GetValueOrDefault(j.CampaignId ?? "", NoChannel))
            .ToDictionary(g => g.Key, g => g.ToList());
        foreach (var channel in historyLeads.GroupBy(j => j.Channel?.ToString() ?? NoChannel).OrderBy(g => g.Key, StringComparer.Ordinal))
            checks.Add(new("leadToDeal", channel.Key, Conversion(channel.ToList()),
                Conversion(simulatedByChannel.GetValueOrDefault(channel.Key) ?? simulated), ConversionPoints, ToleranceKind.Points));
        return new CalibrationComparison(fit.From, fit.To, historyLeads.Count, simulated.Count, seed, checks);
    }

    static List<JourneyState> Leads(IEnumerable<JourneyState> journeys) => journeys.Where(j => !j.Existing && j.Status != JourneyStatus.None).ToList();

    static double WinRate(IReadOnlyCollection<JourneyState> leads)
    {
        var won = leads.Count(j => j.OpportunityAt is not null && j.Won);
        var lost = leads.Count(j => j.OpportunityAt is not null && j.Status == JourneyStatus.Lost);
        return won + lost == 0 ? 0 : (double)won / (won + lost);
    }

    static double AverageDeal(IReadOnlyCollection<JourneyState> leads)
    {
        var values = leads.Where(j => j.Won && j.WonValue > 0).Select(j => (double)j.WonValue).ToArray();
        return values.Length == 0 ? 0 : values.Average();
    }

    static double CycleDays(IReadOnlyCollection<JourneyState> leads)
    {
        var days = leads.Where(j => j.Won && j.DaysToClose is not null).Select(j => j.DaysToClose!.Value).ToArray();
        return days.Length == 0 ? 0 : days.Average();
    }

    static double Conversion(IReadOnlyCollection<JourneyState> leads) => leads.Count == 0 ? 0 : (double)leads.Count(j => j.Won) / leads.Count;

    /// <summary>The calibrated model's journeys over the history's span, as they stand on its last day.</summary>
    public static List<JourneyState> Simulate(CalibrationResult fit, ulong seed = 42)
    {
        var planner = new JourneyPlanner(fit.Parameters);
        var rng = new Prng(seed);
        var span = fit.To - fit.From;
        var days = Math.Max(1, span.TotalDays);
        var journeys = new List<JourneyState>();
        foreach (var flow in fit.Organisation.Campaigns)
        {
            var reps = fit.Organisation.Teams.Where(t => flow.RegionIds.Contains(t.RegionId))
                .SelectMany(t => t.Reps.Select(r => new RepAssignment(t.RegionId, t.Id, r.Id, r.Skills, r.Incentive, 0, r.Capacity))).ToArray();
            if (reps.Length == 0) continue;
            var leads = (int)Math.Round((double)flow.DailyBudget / (double)HistoryCalibration.FittedFlow.CostPerTouch * days);
            // The fitted flow's quality, with the channel's share of real leads when the flow has one.
            var quality = flow.EffectiveShare is { } share ? HistoryCalibration.FittedFlow with { EffectiveShare = share } : HistoryCalibration.FittedFlow;
            for (var i = 0; i < leads; i++)
            {
                var at = fit.From + span * ((i + 0.5) / leads);
                var persona = LeadPersonas.Draw(rng, quality, fit.Parameters);
                var (first, plan) = planner.Start(new JourneyStart
                {
                    JourneyId = $"{flow.Id}-{i}", At = at, CampaignId = flow.Id, Channel = flow.Channel, Persona = persona, Rep = reps[i % reps.Length],
                });
                journeys.Add(planner.AdvanceTo(first.State, plan, fit.To).State);
            }
        }
        return journeys;
    }
}
