using Growth.Domain.Randomness;

namespace Growth.Domain.Compensation;

/// <summary>
/// What a rep's pay plan makes them do with the deals they are closing, as the simulated journeys take it in: the
/// timing and discount parts of the rep's <see cref="PlanEffect"/> where they stand now, and when their measurement
/// period ends. Effort reaches the journeys through the rep's incentive at assignment; these act on every open deal.
/// </summary>
/// <param name="PullIn">Chance a conversation step that would fall in the next period is brought into this one (<see cref="PlanResponseParameters.PullInShare"/> × closeness to the next tier).</param>
/// <param name="HoldBack">Chance a deal at its closing step is held back to the next period's first day (<see cref="PlanResponseParameters.HoldBackShare"/> past a cap).</param>
/// <param name="Discount">Extra discount, 0..1, on a deal won now (<see cref="PlanResponseParameters.PullInDiscount"/> × closeness).</param>
/// <param name="PeriodEnd">End of the rep's current measurement period (exclusive).</param>
/// <param name="PullUntil">Only deals expected to close before this at their normal pace are pulled in: those due within <see cref="PlanResponseParameters.PullInDays"/> after the period's end.</param>
public sealed record PayStance(double PullIn, double HoldBack, double Discount, DateTimeOffset PeriodEnd, DateTimeOffset PullUntil)
{
    /// <summary>A stance that changes nothing (not kept: reps without one close as they always did).</summary>
    public bool Neutral => PullIn <= 0 && HoldBack <= 0 && Discount <= 0;
}

/// <summary>
/// The pay stances of a simulation step's reps (by rep id), only those whose plan moves their deals. Computed by the
/// simulation from <see cref="RepStandings"/> at each step's start and handed to the journeys with the step.
/// </summary>
public sealed record PayStances
{
    public Dictionary<string, PayStance> ByRep { get; init; } = [];

    public PayStance? Of(string? repId) => repId is not null && ByRep.TryGetValue(repId, out var stance) ? stance : null;

    /// <summary>Whether <paramref name="at"/> falls in the stance's period (effects act only before its end).</summary>
    public static bool Within(PayStance stance, DateTimeOffset at) => at < stance.PeriodEnd;

    /// <summary>
    /// When the next conversation step falls, given it would fall at <paramref name="next"/> with <paramref name="remaining"/>
    /// steps left to the close (this one included), each <paramref name="daysPerStep"/> days on average. A deal of the next
    /// period's first weeks (expected to close before <see cref="PayStance.PullUntil"/>) of a rep pulling deals in is pulled with chance
    /// <see cref="PayStance.PullIn"/>: a ticket drawn once per deal and period (from the journey id and the period's end, not
    /// from the journey's own random state, so its other draws stay as they were), and every step of a pulled deal that
    /// would cross the period's end is put at a uniform share of the time left over the steps left (assumed), so a pulled
    /// deal reaches its close within the period.
    /// </summary>
    public static DateTimeOffset PullIn(PayStance? stance, string journeyId, int remaining, double daysPerStep, DateTimeOffset at, DateTimeOffset next)
    {
        if (stance is not { PullIn: > 0 } s || !Within(s, at) || next < s.PeriodEnd) return next;
        if (at + TimeSpan.FromDays(Math.Max(1, remaining) * daysPerStep) >= s.PullUntil) return next;
        var ticket = new Prng(Prng.Derive((ulong)s.PeriodEnd.UtcTicks, journeyId));
        if (ticket.NextDouble() >= s.PullIn) return next;
        return at + (s.PeriodEnd - at) * (ticket.NextDouble() / Math.Max(1, remaining));
    }

    /// <summary>A won amount after the stance's extra discount at <paramref name="at"/> (to the cent).</summary>
    public static decimal Discounted(PayStance? stance, DateTimeOffset at, decimal amount) =>
        stance is { Discount: > 0 } s && Within(s, at) ? Math.Round(amount * (decimal)(1 - Math.Min(1, s.Discount)), 2) : amount;

    /// <summary>When a deal at its closing step is held back to (the next period's first hour), or null: it closes now.</summary>
    public static DateTimeOffset? HeldUntil(PayStance? stance, DateTimeOffset at, Prng rng) =>
        stance is { HoldBack: > 0 } s && Within(s, at) && rng.Chance(s.HoldBack) ? s.PeriodEnd + TimeSpan.FromHours(1) : null;
}
