using System.Globalization;
using Growth.Dashboard.Application.Projection;
using Growth.Domain.Journeys;
using Growth.Domain.Projection;

namespace Growth.Dashboard.Components.WhatIf;

/// <summary>The What-if page's inputs as the user sets them: horizon, target, paths, seed and the scenario's levers.</summary>
public sealed class LeverForm
{
    /// <summary>The channels whose budget can be scaled.</summary>
    public static IReadOnlyList<Channel> BudgetChannels { get; } = [Channel.Ads, Channel.Events, Channel.Content, Channel.Incentive, Channel.Brand];

    public int Weeks { get; set; } = 26;
    public int Paths { get; set; } = 2000;
    public ulong Seed { get; set; } = 1;
    /// <summary>Company revenue target over the horizon; null: the reps' quotas.</summary>
    public decimal? Target { get; set; }
    /// <summary>Incentive plan, in percent (commission, accelerator, bonus threshold) and money.</summary>
    public double Commission { get; set; } = 8;
    public double Accelerator { get; set; }
    public decimal Bonus { get; set; }
    public double BonusThreshold { get; set; } = 100;
    public decimal Spiff { get; set; }
    /// <summary>Budget per channel, times today's.</summary>
    public IReadOnlyDictionary<Channel, double> Budget => budget;
    public int Hires { get; set; }
    public int HireWeek { get; set; } = 13;
    public int Ramp { get; set; } = 12;
    /// <summary>First-contact SLA in hours; null: as today.</summary>
    public double? Sla { get; set; }
    /// <summary>Price change and discount, in percent.</summary>
    public double PriceChange { get; set; }
    public double Discount { get; set; }
    /// <summary>Product quality 0-1; null: as today.</summary>
    public double? Quality { get; set; }

    readonly Dictionary<Channel, double> budget = BudgetChannels.ToDictionary(c => c, _ => 1.0);

    /// <summary>Sets a channel's budget scale from an input's value (ignored unless it is a number).</summary>
    public void SetBudget(Channel channel, object? value)
    {
        if (double.TryParse(value?.ToString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var v)) budget[channel] = v;
    }

    /// <summary>The scenario's levers.</summary>
    public ProjectionLevers Levers() => new()
    {
        Incentive = new IncentivePlan
        {
            CommissionRate = Commission / 100, AcceleratorRate = Accelerator / 100, BonusPerRep = Bonus,
            BonusThreshold = BonusThreshold / 100, SpiffPerDeal = Spiff,
        },
        BudgetScale = budget.Where(b => b.Value != 1).ToDictionary(b => b.Key, b => b.Value),
        Hires = Hires > 0 ? [new Hire(HireWeek, Hires)] : [],
        RampWeeks = Ramp,
        FirstContactSlaHours = Sla,
        PriceChange = PriceChange / 100,
        Discount = Discount / 100,
        ProductQuality = Quality,
    };

    /// <summary>The projection to ask for: these levers as "scenario", against the saved scenarios to compare (as many as fit).</summary>
    public ProjectionBody Body(IEnumerable<string> compare, bool sensitivity) =>
        new(Weeks, Paths, Seed, new ProjectionTargets { Revenue = Target }, Levers(),
            Saved: compare.Take(Scenario.MaxCompared - 1).ToList(), Sensitivity: sensitivity);
}
