using System.Globalization;
using Growth.Domain.Setup;

namespace Growth.Domain.Compensation;

/// <summary>
/// Every rep's pay for a fiscal period under the setup's plans, pure: for each rep of the organisation the plan in
/// force (<see cref="PlanBook"/>), the measurement periods the asked period holds, the rep's target for each
/// (<see cref="TargetPlan"/>), credited revenue (won value at the win, or payments received), marginal commission by
/// tier up to the cap (<see cref="Commission"/>), spiffs per won deal of a product, the team bonus, clawbacks and
/// draws. Every line is rounded to cents; statements are the sums of their lines and the report the sum of its
/// statements, so the company's payout reconciles exactly.
/// </summary>
/// <remarks>
/// Draws are carried from the start of the fiscal year (assumed: a draw not recovered by the year's end is
/// forgiven), so the periods of the year before the asked one are worked out too when a plan has a draw. The team
/// bonus compares the team's credited revenue with the sum of its reps' targets for the same measurement period.
/// </remarks>
public static class Payouts
{
    public static CompensationReport Compute(SetupDocument setup, FiscalPeriod asked, PayoutActivity activity)
    {
        var calendar = new FiscalCalendar(setup.Company);
        var sheets = new Dictionary<string, TargetSheet>(StringComparer.Ordinal);
        TargetSheet Sheet(FiscalPeriod p) => sheets.TryGetValue(p.Name, out var s) ? s : sheets[p.Name] = TargetPlan.For(setup, p);
        var wins = ByRep(activity.Wins);
        var payments = ByRep(activity.Payments);
        var reversals = activity.Reversals.GroupBy(r => r.RepId).ToDictionary(g => g.Key, g => g.OrderBy(r => r.At).ThenBy(r => r.JourneyId, StringComparer.Ordinal).ToList());
        var withDraws = setup.Compensation.Plans.Any(p => p.Draw > 0);
        var yearStart = calendar.YearOf(asked.Start).Start;

        var units = new List<(RepSetup Rep, string Team, string Region, FiscalPeriod Period, bool Reported)>();
        foreach (var region in setup.Organisation.Regions)
            foreach (var team in region.Teams)
                foreach (var rep in team.Reps)
                {
                    var kind = PlanBook.For(setup.Compensation, rep.Id, team.Id, region.Id, rep.Role, calendar.LocalDate(asked.Start)).Period;
                    var reported = PlanBook.PeriodsFor(calendar, kind, asked);
                    if (withDraws)
                        for (var p = PlanBook.Of(calendar, kind, yearStart); p is not null && p.Start < reported[0].Start; p = calendar.Next(p))
                            units.Add((rep, team.Id, region.Id, p, false));
                    foreach (var p in reported) units.Add((rep, team.Id, region.Id, p, true));
                }

        var statements = new List<(PayoutStatement Statement, CompensationPlanSetup Plan, bool Reported)>();
        foreach (var group in units.GroupBy(u => u.Period.Name).OrderBy(g => g.First().Period.Start))
        {
            var period = group.First().Period;
            var sheet = Sheet(period);
            var first = statements.Count;
            foreach (var u in group)
            {
                var plan = PlanBook.For(setup.Compensation, u.Rep.Id, u.Team, u.Region, u.Rep.Role, calendar.LocalDate(period.Start));
                var target = sheet.Reps.GetValueOrDefault(u.Rep.Id);
                var credits = In(plan.Basis == CreditBasis.Collection ? payments : wins, u.Rep.Id, period);
                var statement = Statement(u.Rep, u.Team, u.Region, plan, period, target, credits, In(wins, u.Rep.Id, period),
                    reversals.GetValueOrDefault(u.Rep.Id, []).Where(r => period.Contains(r.At)));
                statements.Add((statement, plan, u.Reported));
            }
            TeamBonus(statements, first);
        }
        Draws(statements);

        var shown = statements.Where(s => s.Reported).Select(s => s.Statement).ToList();
        return new CompensationReport
        {
            Period = asked.Name, Start = asked.Start, End = asked.End,
            Statements = shown,
            Total = shown.Sum(s => s.Total),
            Revenue = activity.Wins.Where(w => asked.Contains(w.At)).Sum(w => w.Amount),
        };
    }

    static Dictionary<string, List<Credit>> ByRep(IEnumerable<Credit> credits) =>
        credits.GroupBy(c => c.RepId).ToDictionary(g => g.Key, g => g.OrderBy(c => c.At).ThenBy(c => c.JourneyId, StringComparer.Ordinal).ToList());

    static List<Credit> In(Dictionary<string, List<Credit>> byRep, string repId, FiscalPeriod period) =>
        byRep.TryGetValue(repId, out var all) ? all.Where(c => period.Contains(c.At)).ToList() : [];

    static PayoutStatement Statement(RepSetup rep, string team, string region, CompensationPlanSetup plan, FiscalPeriod period, decimal target,
        List<Credit> credits, List<Credit> wins, IEnumerable<Reversal> reversals)
    {
        var lines = new List<PayoutLine>();
        if (plan.BasePay > 0) lines.Add(new PayoutLine(PayoutLineKind.BasePay, period.Name, Commission.Round(plan.BasePay)));
        var commission = Commission.Lines(plan, target, credits, period.Name);
        lines.AddRange(commission);
        var credited = credits.Sum(c => c.Amount);
        var earned = commission.Sum(l => l.Amount);
        foreach (var win in wins)
            foreach (var spiff in plan.Spiffs)
                if (spiff.Amount > 0 && spiff.Matches(win.ProductId, win.Channel))
                    lines.Add(new PayoutLine(PayoutLineKind.Spiff, period.Name, Commission.Round(spiff.Amount), win.JourneyId, win.At, win.Amount,
                        LedgerEntry: win.LedgerEntry, Note: $"spiff on {SpiffLabel(spiff)}"));
        if (plan.Clawback.Days > 0)
        {
            // The effective rate of the period: what the rep earned per unit of credited revenue (the first tier's rate without any).
            var rate = credited > 0 ? earned / credited : (decimal)(plan.Tiers.Count > 0 ? plan.Tiers[0].Rate : 0);
            foreach (var r in reversals)
                if ((r.At - r.WonAt).TotalDays <= plan.Clawback.Days && r.Amount > 0)
                    lines.Add(new PayoutLine(PayoutLineKind.Clawback, period.Name, -Commission.Round(r.Amount * rate), r.JourneyId, r.At, r.Amount,
                        Rate: (double)rate, LedgerEntry: r.LedgerEntry,
                        Note: string.Create(CultureInfo.InvariantCulture, $"{(r.Kind == ReversalKind.Churn ? "churned" : "refunded")} {(r.At - r.WonAt).TotalDays:0} days after the win")));
        }
        return Sum(new PayoutStatement
        {
            RepId = rep.Id, RepName = rep.Name, TeamId = team, RegionId = region, PlanId = plan.Id,
            Period = period.Name, Start = period.Start, End = period.End,
            Target = target, Credited = credited, Attainment = target > 0 ? (double)(credited / target) : 0,
            OnTargetEarnings = plan.OnTargetEarnings, Lines = lines,
        });
    }

    /// <summary>The statement's figures as the sums of its lines.</summary>
    static PayoutStatement Sum(PayoutStatement s)
    {
        decimal Of(params PayoutLineKind[] kinds) => s.Lines.Where(l => kinds.Contains(l.Kind)).Sum(l => l.Amount);
        return s with
        {
            BasePay = Of(PayoutLineKind.BasePay),
            Commission = Of(PayoutLineKind.Commission),
            Spiffs = Of(PayoutLineKind.Spiff),
            Bonus = Of(PayoutLineKind.TeamBonus),
            Clawbacks = Of(PayoutLineKind.Clawback),
            Draws = Of(PayoutLineKind.Draw, PayoutLineKind.DrawRecovery),
            Total = s.Lines.Sum(l => l.Amount),
        };
    }

    /// <summary>Adds the team bonus to the statements from <paramref name="first"/> on (one measurement period).</summary>
    static void TeamBonus(List<(PayoutStatement Statement, CompensationPlanSetup Plan, bool Reported)> statements, int first)
    {
        var teams = new Dictionary<string, (decimal Credited, decimal Target)>(StringComparer.Ordinal);
        for (var i = first; i < statements.Count; i++)
        {
            var s = statements[i].Statement;
            var t = teams.GetValueOrDefault(s.TeamId ?? "");
            teams[s.TeamId ?? ""] = (t.Credited + s.Credited, t.Target + s.Target);
        }
        for (var i = first; i < statements.Count; i++)
        {
            var (s, plan, reported) = statements[i];
            var (credited, target) = teams[s.TeamId ?? ""];
            if (plan.TeamBonus.Amount <= 0 || target <= 0) continue;
            var attainment = (double)(credited / target);
            if (attainment < plan.TeamBonus.Threshold) continue;
            var line = new PayoutLine(PayoutLineKind.TeamBonus, s.Period, Commission.Round(plan.TeamBonus.Amount), Revenue: credited,
                Note: string.Create(CultureInfo.InvariantCulture, $"team {s.TeamId} at {attainment:P1} of target (threshold {plan.TeamBonus.Threshold:P0})"));
            statements[i] = (Sum(s with { Lines = [.. s.Lines, line] }), plan, reported);
        }
    }

    /// <summary>Pays each rep's draw where variable pay falls short of it and recovers it from later pay above it, period by period.</summary>
    static void Draws(List<(PayoutStatement Statement, CompensationPlanSetup Plan, bool Reported)> statements)
    {
        var outstanding = new Dictionary<string, decimal>(StringComparer.Ordinal);
        for (var i = 0; i < statements.Count; i++)
        {
            var (s, plan, reported) = statements[i];
            var owed = outstanding.GetValueOrDefault(s.RepId);
            var variable = s.Commission + s.Spiffs + s.Bonus + s.Clawbacks;
            PayoutLine? line = null;
            if (plan.Draw > 0 && variable < plan.Draw)
                line = new PayoutLine(PayoutLineKind.Draw, s.Period, Commission.Round(plan.Draw - variable), Note: "advance against later commission");
            else if (owed > 0 && variable > plan.Draw)
                line = new PayoutLine(PayoutLineKind.DrawRecovery, s.Period, -Math.Min(owed, Commission.Round(variable - plan.Draw)), Note: "draw recovered");
            if (line is not null) s = Sum(s with { Lines = [.. s.Lines, line] });
            outstanding[s.RepId] = owed + s.Draws;
            statements[i] = (s with { DrawOutstanding = owed + s.Draws }, plan, reported);
        }
    }

    /// <summary>What a spiff is on: its product, its channel's deals, or both ("core, referral deals").</summary>
    static string SpiffLabel(SpiffSetup s) => string.Join(", ", new[] { s.Product, string.IsNullOrWhiteSpace(s.Channel) ? "" : $"{s.ChannelKind?.ToString().ToLowerInvariant() ?? s.Channel} deals" }
        .Where(x => !string.IsNullOrEmpty(x)));
}
