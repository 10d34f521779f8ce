namespace Growth.Domain.Forecast;

/// <summary>The assumptions of the Monte Carlo forecast, each with its default, unit and source.</summary>
public sealed record MonteCarloParameters
{
    public const int DefaultRuns = 5000;
    /// <summary>Spread (standard deviation) of a close date around the rep's expected one before the workspace has
    /// <see cref="MinWonForSpread"/> won deals: 14 days, two weekly pipeline reviews (assumed).</summary>
    public const double DefaultCloseSpreadDays = 14;

    public static MonteCarloParameters Default { get; } = new();

    /// <summary>Runs, 100..100000. Default 5,000 (assumed: a P10 or P90 then rests on 500 runs either side of it).</summary>
    public int Runs { get; init; } = DefaultRuns;
    /// <summary>Seed of every draw. Default 1.</summary>
    public ulong Seed { get; init; } = 1;
    /// <summary>Won deals needed before the close-date spread is learned from the workspace's cycles. Default 10 (assumed, as <see cref="DealJudgementParameters.MinWonForCycle"/>).</summary>
    public int MinWonForSpread { get; init; } = DealJudgementParameters.MinWonForCycle;
    /// <summary>See <see cref="DefaultCloseSpreadDays"/>.</summary>
    public double AssumedCloseSpreadDays { get; init; } = DefaultCloseSpreadDays;
    /// <summary>Days of recent history the rate of new deals is measured over: 28 days, four whole weeks (assumed). Shorter in a younger workspace.</summary>
    public int NewDealWindowDays { get; init; } = 28;

    /// <summary>The first thing wrong, or null.</summary>
    public string? Validate() =>
        Runs is < 100 or > 100_000 ? $"runs must be between 100 and 100000 (was {Runs})"
        : AssumedCloseSpreadDays is < 0 or > 365 ? $"assumedCloseSpreadDays must be between 0 and 365 (was {AssumedCloseSpreadDays})"
        : NewDealWindowDays is < 1 or > 365 ? $"newDealWindowDays must be between 1 and 365 (was {NewDealWindowDays})"
        : null;
}

/// <summary>What the runs were built from, for the page to say.</summary>
/// <param name="CloseSpread">Where the close-date spread came from, in words.</param>
/// <param name="WonDeals">Won deals in the workspace's history (cycles, amounts and the spread come from them).</param>
/// <param name="NewDealsPerDay">Deals opened per day recently (company), over <paramref name="WindowDays"/>.</param>
/// <param name="WinRate">Share of closed deals won: the chance a new deal is won.</param>
/// <param name="MeanFromOpenDeals">Mean revenue the open deals add by period end; <paramref name="MeanFromNewDeals"/> the deals still to be created.</param>
public sealed record MonteCarloBasis(int Runs, ulong Seed, double DaysLeft, int OpenDeals, string CloseSpread, int WonDeals,
    double NewDealsPerDay, double WindowDays, double WinRate, double AverageWonDeal, double MeanFromOpenDeals, double MeanFromNewDeals);

/// <summary>The Monte Carlo forecast of a period's end: per company, region and team, and what it stands on.</summary>
public sealed record MonteCarloForecast(string Period, DateTimeOffset AsOf, IReadOnlyList<MonteCarloRow> Rows, MonteCarloBasis Basis)
{
    /// <summary>
    /// The forecast of <paramref name="report"/>'s period from <paramref name="deals"/> (every deal, open and closed, as
    /// judged at the report's instant): open deals win with <paramref name="model"/>'s P(win | step, age) and close on
    /// their expected date plus an offset drawn from the won deals' cycles around their average (with fewer than
    /// <see cref="MonteCarloParameters.MinWonForSpread"/> won: Normal(0, assumed spread)); each team's deals still to
    /// be created arrive at its recent rate of new deals × the win rate, with a won deal's amount and cycle drawn from
    /// the history. Groups are the report's company, region and team rows (its closed and targets); deals of reps
    /// outside the organisation are left out, as in the report.
    /// </summary>
    public static MonteCarloForecast Build(ForecastReport report, IReadOnlyList<Deal> deals, WinModel model, MonteCarloParameters? parameters = null)
    {
        var p = parameters ?? MonteCarloParameters.Default;
        if (p.Validate() is { } wrong) throw new ArgumentException(wrong, nameof(parameters));
        var asOf = report.AsOf;
        var groupRows = report.Rows.Where(r => r.Level != ForecastLevel.Rep).ToList();
        var index = groupRows.Select((r, i) => (r.Id, i)).GroupBy(x => x.Id).ToDictionary(g => g.Key, g => g.First().i, StringComparer.Ordinal);
        var parentOf = report.Rows.GroupBy(r => r.Id).ToDictionary(g => g.Key, g => g.First().ParentId, StringComparer.Ordinal);
        // rep id → (team index, region index), for the reps of the organisation.
        var place = report.Rows.Where(r => r.Level == ForecastLevel.Rep && r.ParentId is not null).GroupBy(r => r.Id).ToDictionary(g => g.Key, g =>
        {
            var team = g.First().ParentId!;
            var region = parentOf.GetValueOrDefault(team);
            return (Team: index.GetValueOrDefault(team, -1), Region: region is null ? -1 : index.GetValueOrDefault(region, -1));
        }, StringComparer.Ordinal);

        var daysLeft = Math.Max(0, (report.Period.End - asOf).TotalDays);
        var open = new List<MonteCarloDeal>();
        foreach (var d in deals)
            if (d.IsOpen && d.RepId is { } rep && place.TryGetValue(rep, out var at))
                open.Add(new MonteCarloDeal(at.Team, at.Region, (double)d.Amount, model.Probability(d.Level, d.AgeDays), (d.ExpectedCloseAt - asOf).TotalDays));

        var won = deals.Where(d => d.IsWon).ToList();
        var cycles = won.Select(d => d.AgeDays).ToList();
        var meanCycle = cycles.Count > 0 ? cycles.Average() : DealJudgementParameters.Default.ExpectedCycleDays;
        var learnedSpread = won.Count >= p.MinWonForSpread;
        var spread = learnedSpread
            ? $"learned: the {won.Count} won deals' cycles around their average of {meanCycle:0.0} days"
            : $"assumed: normal, {p.AssumedCloseSpreadDays:0.#} days standard deviation (fewer than {p.MinWonForSpread} won deals)";

        // The recent rate of new deals per team: deals opened in the window ÷ its days.
        var earliest = deals.Count > 0 ? deals.Min(d => d.OpenedAt) : asOf;
        var window = Math.Clamp((asOf - earliest).TotalDays, 1, p.NewDealWindowDays);
        var from = asOf.AddDays(-window);
        var recent = deals.Where(d => d.OpenedAt >= from && d.OpenedAt <= asOf && d.RepId is { } r && place.ContainsKey(r)).ToList();
        var newDeals = recent.GroupBy(d => place[d.RepId!]).OrderBy(g => g.Key.Team).ThenBy(g => g.Key.Region)
            .Select(g => new MonteCarloNewDeals(g.Key.Team, g.Key.Region, g.Count() / window * model.OverallWinRate)).ToList();

        var input = new MonteCarloInput
        {
            Groups = groupRows.Select(r => new MonteCarloGroup(r.Level, r.Id, r.ParentId, r.Name, r.Closed, r.Target)).ToList(),
            DaysLeft = daysLeft, Deals = open, NewDeals = newDeals,
            CloseOffsets = learnedSpread ? cycles.Select(c => c - meanCycle).ToList() : [],
            AssumedCloseSpreadDays = p.AssumedCloseSpreadDays,
            WonCycles = cycles, AssumedCycleDays = meanCycle,
            WonAmounts = won.Select(d => (double)d.Amount).ToList(),
            Runs = p.Runs, Seed = p.Seed,
        };
        var outcome = MonteCarloEngine.Run(input);
        var basis = new MonteCarloBasis(p.Runs, p.Seed, Math.Round(daysLeft, 2), open.Count, spread, won.Count,
            Math.Round(recent.Count / window, 3), Math.Round(window, 2), model.OverallWinRate,
            won.Count > 0 ? Math.Round((double)won.Average(d => d.Amount), 2) : 0, outcome.MeanFromOpenDeals, outcome.MeanFromNewDeals);
        return new MonteCarloForecast(report.Period.Name, asOf, outcome.Rows, basis);
    }

    /// <summary>The rows a viewer may see: those of <paramref name="report"/> (already cut to the viewer).</summary>
    public MonteCarloForecast CutTo(ForecastReport report)
    {
        var visible = report.Rows.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        return this with { Rows = Rows.Where(r => visible.Contains(r.Id)).ToList() };
    }
}
