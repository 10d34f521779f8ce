using Growth.Domain.Journeys;
using Growth.Domain.Randomness;
using Growth.Domain.Simulation;

namespace Growth.Domain.Calibration;

/// <summary>A product as a fitted deal model sees it.</summary>
/// <param name="Name">The product's name (or its price, when the history did not name it).</param>
/// <param name="ListPrice">Its list price: an opportunity for it opens at this value, and is recognised by it.</param>
/// <param name="Share">Share of the history's opportunities that were for it (0..1).</param>
/// <param name="WinRate">Its won / (won + lost), shrunk towards the overall rate when it has few closed deals.</param>
/// <param name="WonValues">Quantiles of its won deals' values, evenly spaced from the minimum to the maximum; empty if it was never won.</param>
public sealed record ProductFit(string Name, decimal ListPrice, double Share, double WinRate, IReadOnlyList<decimal> WonValues);

/// <summary>
/// How opportunities end, fitted on a real history (see <see cref="HistoryCalibration"/>). When
/// <see cref="BehaviourParameters.Deals"/> carries one, the journey planner opens opportunities for products drawn by
/// their share of the history, wins them with the chance fitted for the rep (or team) and product, and values a win
/// by the product's won values; the conversation steps, objections and timing still come from the behaviour model.
/// </summary>
public sealed record DealCalibration
{
    /// <summary>Won / (won + lost) over the whole history.</summary>
    public double WinRate { get; init; }
    /// <summary>Win rate per rep id (shrunk towards the team's rate).</summary>
    public IReadOnlyDictionary<string, double> RepWinRates { get; init; } = new Dictionary<string, double>();
    /// <summary>Win rate per team id (shrunk towards the overall rate).</summary>
    public IReadOnlyDictionary<string, double> TeamWinRates { get; init; } = new Dictionary<string, double>();
    /// <summary>
    /// Win rate of the deals of each fitted lead flow (flow id to its channel's rate, shrunk towards the overall rate)
    /// when the history's leads name their channels; empty otherwise.
    /// </summary>
    public IReadOnlyDictionary<string, double> FlowWinRates { get; init; } = new Dictionary<string, double>();
    /// <summary>The products opportunities were opened for.</summary>
    public IReadOnlyList<ProductFit> Products { get; init; } = [];
    /// <summary>
    /// Share of opportunities that stall: opened, then neither won nor lost (they stay open), as a CRM's abandoned
    /// deals do. 0..1; 0 (every opportunity closes) unless fitted (see <see cref="HistoryCalibration.StallShares"/>).
    /// </summary>
    public double StallShare { get; init; }
    /// <summary>Stall share per fitted lead flow (flow id to its channel's share) when the history's leads name their channels; else <see cref="StallShare"/> serves all.</summary>
    public IReadOnlyDictionary<string, double> FlowStallShares { get; init; } = new Dictionary<string, double>();

    /// <summary>The chance an opportunity of a lead of this flow stalls.</summary>
    public double StallOf(string? flowId) => flowId is not null && FlowStallShares.TryGetValue(flowId, out var share) ? share : StallShare;

    /// <summary>The lowest and highest chance a deal may be given: nothing is certain.</summary>
    public const double MinChance = 0.01, MaxChance = 0.99;

    /// <summary>Draws the product of a new opportunity by its share of the history.</summary>
    public ProductFit? DrawProduct(Prng rng) =>
        Products.Count == 0 ? null : Products[rng.Pick(Products.Select(p => p.Share).ToArray())];

    /// <summary>The product an opportunity of this value is for (opportunities open at list price), if any.</summary>
    public ProductFit? ProductOf(decimal opportunityValue) => Products.FirstOrDefault(p => p.ListPrice == opportunityValue);

    /// <summary>
    /// Chance this rep wins a deal for this product: the rep's rate (else the team's, else the overall rate) times the
    /// product's rate relative to the overall rate (and the lead flow's, when fitted). Rep and product effects are taken as independent.
    /// </summary>
    public double WinChance(string? repId, string? teamId, ProductFit? product, string? flowId = null)
    {
        var rate = repId is not null && RepWinRates.TryGetValue(repId, out var rep) ? rep
            : teamId is not null && TeamWinRates.TryGetValue(teamId, out var team) ? team
            : WinRate;
        if (product is not null && WinRate > 0) rate *= product.WinRate / WinRate;
        // The lead's channel, as its fitted flow says: channels are taken as independent of rep and product too.
        if (flowId is not null && WinRate > 0 && FlowWinRates.TryGetValue(flowId, out var flow)) rate *= flow / WinRate;
        return Math.Clamp(rate, MinChance, MaxChance);
    }

    /// <summary>The value of a won deal: a draw from the product's won values (interpolated between quantiles).</summary>
    public decimal DrawWonValue(Prng rng, ProductFit? product, decimal opportunityValue)
    {
        var u = rng.NextDouble();
        if (product is not { WonValues.Count: > 0 } p) return Math.Max(1, opportunityValue);
        if (p.WonValues.Count == 1) return p.WonValues[0];
        var x = u * (p.WonValues.Count - 1);
        var i = Math.Min((int)x, p.WonValues.Count - 2);
        var value = p.WonValues[i] + (p.WonValues[i + 1] - p.WonValues[i]) * (decimal)(x - i);
        // A won deal needs a positive value (the event language refuses a win worth nothing).
        return Math.Max(1, Math.Round(value, 0));
    }

    /// <summary>
    /// Chance of passing each conversation step so that a deal with <paramref name="winChance"/> is won: the default
    /// per-step failures are kept in proportion (where deals fail is the behaviour model's assumption) and scaled
    /// so that passing all of them has exactly the fitted chance.
    /// </summary>
    public static double StepPassChance(BehaviourParameters p, ConversationStep step, double winChance)
    {
        var win = Math.Clamp(winChance, MinChance, MaxChance);
        var total = p.StepFailure.Sum(f => Math.Log(1 - Math.Clamp(f, 0, 0.99)));
        // Without any default failure there is no profile to keep: the chance is spread evenly over the steps.
        if (total == 0) return Math.Pow(win, 1.0 / p.StepFailure.Count);
        return Math.Pow(1 - Math.Clamp(p.StepFailure[(int)step], 0, 0.99), Math.Log(win) / total);
    }
}
