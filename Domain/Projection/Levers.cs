using Growth.Domain.Journeys;
using Growth.Domain.Simulation;

namespace Growth.Domain.Projection;

/// <summary>
/// A sales compensation plan. The current plan is what the reps' incentive levels already reflect; a scenario's plan
/// moves those levels by <see cref="LeverEffects.IncentiveShift"/> and costs its payout.
/// </summary>
public sealed record IncentivePlan
{
    /// <summary>Commission paid on new-business revenue (won deals), 0..0.5.</summary>
    public double CommissionRate { get; init; } = 0.08;
    /// <summary>Extra commission on new-business revenue above quota, 0..0.5.</summary>
    public double AcceleratorRate { get; init; }
    /// <summary>Bonus per rep when the company reaches <see cref="BonusThreshold"/> of quota.</summary>
    public decimal BonusPerRep { get; init; }
    /// <summary>Attainment of quota (1 = 100 %) at which the bonus is paid, 0.5..2.</summary>
    public double BonusThreshold { get; init; } = 1.0;
    /// <summary>Product incentive (spiff) paid per won deal.</summary>
    public decimal SpiffPerDeal { get; init; }

    /// <summary>The plan reps are assumed to work under today: 8 % commission, nothing else.</summary>
    public static IncentivePlan Current { get; } = new();

    /// <summary>The first thing wrong with the plan, or null.</summary>
    public string? Validate() =>
        CommissionRate is < 0 or > 0.5 ? $"incentive.commissionRate must be between 0 and 0.5 (was {CommissionRate})"
        : AcceleratorRate is < 0 or > 0.5 ? $"incentive.acceleratorRate must be between 0 and 0.5 (was {AcceleratorRate})"
        : BonusPerRep is < 0 or > 1_000_000 ? $"incentive.bonusPerRep must be between 0 and 1000000 (was {BonusPerRep})"
        : BonusThreshold is < 0.5 or > 2 ? $"incentive.bonusThreshold must be between 0.5 and 2 (was {BonusThreshold})"
        : SpiffPerDeal is < 0 or > 100_000 ? $"incentive.spiffPerDeal must be between 0 and 100000 (was {SpiffPerDeal})"
        : null;
}

/// <summary>Reps hired in a given week of the projection; they ramp up to full skill over <see cref="ProjectionLevers.RampWeeks"/>.</summary>
/// <param name="Week">Week of the projection (0 = the first) in which they start.</param>
/// <param name="Count">How many reps.</param>
public sealed record Hire(int Week, int Count);

/// <summary>
/// Changes against the baseline a scenario makes. Every default means "no change", so an empty lever set projects
/// the workspace as it runs. How each lever acts is in <see cref="LeverEffects"/>.
/// </summary>
public sealed record ProjectionLevers
{
    /// <summary>The compensation plan (default: the current plan).</summary>
    public IncentivePlan Incentive { get; init; } = IncentivePlan.Current;
    /// <summary>Marketing budget multiplier per channel (1 = unchanged, 0 = switched off, at most 10). Missing channels keep their budget.</summary>
    public IReadOnlyDictionary<Channel, double> BudgetScale { get; init; } = new Dictionary<Channel, double>();
    /// <summary>Reps hired during the horizon.</summary>
    public IReadOnlyList<Hire> Hires { get; init; } = [];
    /// <summary>Weeks a new rep needs to reach the team's average skill (1..52).</summary>
    public int RampWeeks { get; init; } = 12;
    /// <summary>Loaded cost of one rep per week (salary, seat), counted for hires.</summary>
    public decimal CostPerRepWeek { get; init; } = 1500m;
    /// <summary>Service level for first contact: mean hours from assignment to first contact, capped (null = unchanged).</summary>
    public double? FirstContactSlaHours { get; init; }
    /// <summary>Relative change of the list price, -0.5..1 (0.1 = 10 % dearer).</summary>
    public double PriceChange { get; init; }
    /// <summary>Discount given on every deal, 0..0.5 (applied after the price change).</summary>
    public double Discount { get; init; }
    /// <summary>Product quality 0..1 (null = unchanged).</summary>
    public double? ProductQuality { get; init; }

    /// <summary>No change at all: the baseline.</summary>
    public static ProjectionLevers None { get; } = new();

    /// <summary>The first thing wrong with these levers for a horizon of <paramref name="weeks"/>, or null.</summary>
    public string? Validate(int weeks) =>
        Incentive?.Validate() is { } incentive ? incentive
        : Incentive is null ? "incentive must not be null"
        : BudgetScale is null ? "budgetScale must not be null"
        : BudgetScale.Where(b => b.Value is < 0 or > 10 || double.IsNaN(b.Value))
            .Select(b => $"budgetScale.{b.Key} must be between 0 and 10 (was {b.Value})").FirstOrDefault() is { } budget ? budget
        : Hires is null ? "hires must not be null"
        : Hires.FirstOrDefault(h => h.Week < 0 || h.Week >= weeks || h.Count is < 1 or > 1000) is { } bad
            ? $"hires: week must be 0..{weeks - 1} and count 1..1000 (was week {bad.Week}, count {bad.Count})"
        : RampWeeks is < 1 or > 52 ? $"rampWeeks must be between 1 and 52 (was {RampWeeks})"
        : CostPerRepWeek is < 0 or > 1_000_000 ? $"costPerRepWeek must be between 0 and 1000000 (was {CostPerRepWeek})"
        : FirstContactSlaHours is { } sla && (sla is < 0.25 or > 720 || double.IsNaN(sla)) ? $"firstContactSlaHours must be between 0.25 and 720 (was {sla})"
        : PriceChange is < -0.5 or > 1 || double.IsNaN(PriceChange) ? $"priceChange must be between -0.5 and 1 (was {PriceChange})"
        : Discount is < 0 or > 0.5 || double.IsNaN(Discount) ? $"discount must be between 0 and 0.5 (was {Discount})"
        : ProductQuality is { } q && (q is < 0 or > 1 || double.IsNaN(q)) ? $"productQuality must be between 0 and 1 (was {q})"
        : null;
}

/// <summary>
/// How each lever acts on the behaviour model. Pure; every constant is an assumption named here, and tests check the
/// direction and a plausible size of each effect.
/// </summary>
public static class LeverEffects
{
    /// <summary>Incentive level gained per point of commission (0.01 of rate -> +0.025 incentive): 8 % to 10 % is +0.05.</summary>
    public const double CommissionElasticity = 2.5;
    /// <summary>Incentive level gained per point of accelerator above quota; weaker than commission (paid only above quota).</summary>
    public const double AcceleratorElasticity = 1.0;
    /// <summary>Incentive level gained per spiff worth 100 % of the list price.</summary>
    public const double SpiffElasticity = 1.0;
    /// <summary>Incentive level gained by a bonus worth one rep's quarterly target.</summary>
    public const double BonusElasticity = 0.5;
    /// <summary>Leads grow as budget^0.7: doubling spend brings about 1.62x the leads (saturating audiences).</summary>
    public const double BudgetReturnsExponent = 0.7;
    /// <summary>Share of the team's average skill a new rep starts at; they ramp linearly to 100 %.</summary>
    public const double NewRepStartingSkill = 0.6;

    /// <summary>Change of every rep's incentive level (0..1 scale of <see cref="Behaviour.Effort"/>) from moving to <paramref name="plan"/>.</summary>
    public static double IncentiveShift(IncentivePlan current, IncentivePlan plan, decimal listPrice, decimal quarterlyRepTarget) =>
        CommissionElasticity * (plan.CommissionRate - current.CommissionRate)
        + AcceleratorElasticity * (plan.AcceleratorRate - current.AcceleratorRate)
        + (listPrice <= 0 ? 0 : SpiffElasticity * (double)((plan.SpiffPerDeal - current.SpiffPerDeal) / listPrice))
        + (quarterlyRepTarget <= 0 ? 0 : BonusElasticity * (double)((plan.BonusPerRep - current.BonusPerRep) / quarterlyRepTarget));

    /// <summary>A rep's incentive level under a shift, kept within 0..1.</summary>
    public static double ShiftedIncentive(double incentive, double shift) => Math.Clamp(incentive + shift, 0, 1);

    /// <summary>Multiplier on a channel's leads for a budget multiplier (diminishing returns).</summary>
    public static double LeadMultiplier(double budgetScale) => budgetScale <= 0 ? 0 : Math.Pow(budgetScale, BudgetReturnsExponent);

    /// <summary>A new rep's skill as a share of the team average, <paramref name="weeksIn"/> weeks after starting.</summary>
    public static double RampedSkillShare(double weeksIn, int rampWeeks) =>
        NewRepStartingSkill + (1 - NewRepStartingSkill) * Math.Clamp(weeksIn / Math.Max(1, rampWeeks), 0, 1);

    /// <summary>
    /// The behaviour parameters under the price, discount, SLA and quality levers. The price and discount levers move
    /// every price: the list price and, where a setup's catalogue prices opportunities, each product's list and
    /// regional price.
    /// </summary>
    public static BehaviourParameters Apply(BehaviourParameters p, ProjectionLevers levers) => p with
    {
        ListPrice = Math.Round(p.ListPrice * PriceFactor(levers), 2),
        Prices = Scale(p.Prices, PriceFactor(levers)),
        HoursToFirstContact = levers.FirstContactSlaHours is { } sla ? Math.Min(p.HoursToFirstContact, sla) : p.HoursToFirstContact,
        ProductQuality = levers.ProductQuality ?? p.ProductQuality,
    };

    static decimal PriceFactor(ProjectionLevers levers) => (decimal)(1 + levers.PriceChange) * (decimal)(1 - levers.Discount);

    static PriceBook? Scale(PriceBook? book, decimal factor) => book is null || factor == 1 ? book : book with
    {
        Products = book.Products.Select(x => x with { Price = Math.Round(x.Price * factor, 2) }).ToList(),
        RegionalPrices = book.RegionalPrices.Select(x => x with { Price = Math.Round(x.Price * factor, 2) }).ToList(),
    };
}
