using System.Globalization;
using Growth.Domain.Simulation;

namespace Growth.Domain.Compensation;

/// <summary>The plan response's assumptions as the assumptions catalogue shows them.</summary>
public static class PlanResponseAssumptions
{
    const string Chung = "study: Chung, Steenburgh and Sudhir, \"Do Bonuses Enhance Sales Productivity?\", Marketing Science 2014";
    const string Misra = "study: Misra and Nair, \"A structural model of sales-force compensation dynamics\", QME 2011";
    const string Larkin = "study: Larkin, \"The Cost of High-Powered Incentives\", J. Labor Economics 2014";
    const string Oyer = "study: Oyer, \"Fiscal Year Ends and Nonlinear Incentive Contracts\", QJE 1998";

    public static IReadOnlyList<Assumption> Of(PlanResponseParameters r) =>
    [
        new("Pay plan response", "planResponse.referenceRate", "Rate today's effort reflects", N(r.ReferenceRate), "commission rate",
            "reps' incentive levels reflect this rate; a plan paying it on every unit leaves behaviour unchanged", "setup: the flat 8 % plan"),
        new("Pay plan response", "planResponse.effortElasticity", "Effort per marginal pay", N(r.EffortElasticity), "elasticity",
            "effort (first-contact speed, follow-ups) = (rate on the next unit ÷ reference rate) ^ this", Chung + " (direction; size assumed)"),
        new("Pay plan response", "planResponse.minEffort", "Lowest effort", N(r.MinEffort), "multiplier", "effort when the next unit pays nothing (past a cap)", "assumed"),
        new("Pay plan response", "planResponse.maxEffort", "Highest effort", N(r.MaxEffort), "multiplier", "effort at the richest accelerators", "assumed"),
        new("Pay plan response", "planResponse.reachPerPeriod", "Quota horizon", N(r.ReachPerPeriod), "attainment per period",
            "a higher tier within this times the period's share left already counts in the rate reps work for", Misra + " (size assumed)"),
        new("Pay plan response", "planResponse.pullInShare", "Deals pulled in", N(r.PullInShare), "share of deals due soon after the period",
            "of the deals due within the pull-in horizon after the period's end, pulled into it by a rep just below a higher-paying tier (at 30 days about 5 % of a quarter's deals)",
            Larkin + "; " + Oyer + " (timing effects of a few percent of a period's sales; size assumed)"),
        new("Pay plan response", "planResponse.pullInDays", "Pull-in horizon", N(r.PullInDays), "days after the period's end",
            "only deals due this soon after the period's end can be pulled into it", "assumed"),
        new("Pay plan response", "planResponse.pullInReach", "Pull-in reach", N(r.PullInReach), "attainment below the threshold", "how close a rep must be to pull deals in", "assumed"),
        new("Pay plan response", "planResponse.pullInWindow", "Pull-in window", N(r.PullInWindow), "share of the period", "the period's end in which deals are pulled in", "assumed"),
        new("Pay plan response", "planResponse.pullInDiscount", "Discount to close early", N(r.PullInDiscount), "share of the price",
            "extra discount on deals closed near a threshold at the period's end", Larkin + " (size assumed)"),
        new("Pay plan response", "planResponse.holdBackShare", "Deals held back past the cap", N(r.HoldBackShare), "share of deals",
            "a rep past the cap moves this share of closing deals into the next period", Misra + " (size assumed)"),
        new("Pay plan response", "planResponse.fittedOutputElasticity", "Wins per effort (fitted outcomes)", N(r.FittedOutputElasticity), "elasticity",
            "on a calibrated workspace, whose win rates are fitted, wins per lead move as effort ^ this", Chung + " (direction; size assumed)"),
        new("Pay plan response", "planResponse.farBelowOteShare", "Attrition risk", N(r.FarBelowOteShare), "share of on-target earnings",
            "a rep paid less than this share of on-target earnings counts as at risk of leaving", "assumed"),
    ];

    static string N(double value) => Math.Round(value, 4).ToString("0.####", CultureInfo.InvariantCulture);
}
