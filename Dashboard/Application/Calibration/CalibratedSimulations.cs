using Growth.Dashboard.Application.Workspaces;
using System.Collections.Concurrent;
using Growth.Domain.Calibration;
using Growth.Domain.Import;
using Growth.Domain.Journeys;
using Growth.Domain.Progress;
using Growth.Domain.Setup;
using Growth.Domain.Simulation;
using Growth.Grains.Figures;
using Growth.Grains.Journeys;
using Growth.Grains.Setup;
using Growth.Grains.Simulation;
using Growth.Grains.Workspaces;

namespace Growth.Dashboard.Application.Calibration;

/// <summary>Optional settings of the calibrated simulation; the history decides the rest.</summary>
/// <param name="Seed">Random seed (42 if omitted).</param>
/// <param name="Speed">Simulated days per real second (2 if omitted).</param>
/// <param name="Start">Simulated start; the first day of the history if omitted, so the run covers the same span.</param>
/// <param name="ExistingCustomers">Customers the simulation starts with (none if omitted: the history's deals are all new business).</param>
/// <param name="Run">
/// Whether to start the simulation's clock at once (true if omitted); false creates it paused, so its setup can be
/// reviewed and edited before it is started.
/// </param>
/// <param name="Products">
/// The price list the history's opportunities were priced by (names, series, list prices); if omitted, the history
/// workspace's setup catalogue, if it has one, else products named by their price.
/// </param>
public sealed record CalibratedRequest(ulong? Seed = null, double? Speed = null, DateTimeOffset? Start = null, int? ExistingCustomers = null,
    bool? Run = null, IReadOnlyList<CrmProduct>? Products = null);

/// <summary>
/// A calibration on a history, for review before any simulation: its span, the parameters in force (each fitted or
/// assumed, with unit and source) and the history's figures beside the calibrated model's, tolerances met or missed.
/// </summary>
/// <remarks>
/// <see cref="Archived"/>: the journeys the retention rule archived, which the fit and the comparison do not read, with
/// their won and lost deals and the whole history's win rate (from the shards' archived totals); null when none is archived.
/// </remarks>
public sealed record CalibrationReview(string From, DateTimeOffset Start, DateTimeOffset End, int Leads, int Won, int Lost,
    IReadOnlyList<Assumption> Parameters, CalibrationComparison Comparison, ArchivedHistory? Archived = null);

/// <summary>The calibrated simulation, what was fitted, and the setup version stored for it.</summary>
public sealed record CalibratedSimulation(SimulationStatus Simulation, string From, CalibrationResult Calibration, SetupVersionInfo? Setup = null);

/// <summary>
/// Fits the behaviour model on the history of one workspace (an import, or any workspace with closed deals), stores
/// the setup the history yields (<see cref="ImportedSetup"/>: its organisation with run-rate quotas, products and
/// prices, fitted lead flows, targets) as the new workspace's first setup version, and creates a simulation built from
/// that setup with the fitted parameters: started at once, or paused for the setup to be reviewed first. Who may read
/// the history is checked by the caller.
/// </summary>
public sealed class CalibratedSimulations(IGrainFactory grains)
{
    /// <summary>Steps of a calibrated simulation's creation: read the history, fit, build the setup, store it and create the simulation.</summary>
    public const int CreateSteps = 4;
    /// <summary>Steps of a review: read the history, fit, run the calibrated model over the history's span.</summary>
    public const int ReviewSteps = 3;

    /// <summary>
    /// Creates simulation <paramref name="workspace"/> calibrated on the history of <paramref name="from"/>, its setup stored by
    /// <paramref name="by"/>, reporting each step done. <paramref name="cancellationToken"/> is honoured until the setup is
    /// stored: a cancelled calibration leaves no workspace behind; from there the setup and the simulation are created together.
    /// </summary>
    public async Task<Outcome<CalibratedSimulation>> CreateAsync(string workspace, string from, CalibratedRequest? request, string by = "calibration",
        IProgress<RunProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var steps = new ProgressCounter(ProgressUnit.Steps, CreateSteps, progress);
        steps.Begin();
        if (await grains.GetGrain<IWorkspaceGrain>(from).GetOrganisationAsync() is null) return Refusal.UnknownWorkspace(from);
        if (await grains.GetGrain<IWorkspaceGrain>(workspace).GetAsync() is not null)
            return new Refusal(RefusalKind.Conflict, "The workspace exists",
                $"workspace {workspace} already exists; a calibrated simulation is created in a new workspace");
        var history = await HistoryAsync(from, request?.Products, steps, cancellationToken);
        if (history.Refusal is { } refused) return refused;
        var (states, fit, products) = history.Value!;
        var start = request?.Start ?? new DateTimeOffset(fit.From.UtcDateTime.Date, TimeSpan.Zero);
        var setup = ImportedSetup.Build(new ImportedHistory
        {
            Calibration = fit, Journeys = states, PriceList = products, CompanyName = workspace, TargetsFrom = start,
        });
        steps.Add(1);
        // The last moment a cancel is honoured: nothing is stored yet.
        cancellationToken.ThrowIfCancellationRequested();
        // The setup first: the simulation is built from it (its organisation, quotas, lead flows and prices).
        var version = await grains.GetGrain<ISetupGrain>(workspace).ApplyAsync(setup, by, $"from import of {from}");
        var settings = new SimulationSettings
        {
            Seed = request?.Seed ?? 42,
            Speed = request?.Speed ?? 2,
            Start = start,
            ExistingCustomers = request?.ExistingCustomers ?? 0,
            Parameters = fit.Parameters,
        };
        var simulation = grains.GetGrain<ISimulationGrain>(workspace);
        var status = request?.Run == false ? await simulation.CreateAsync(settings) : await simulation.StartAsync(settings);
        steps.Add(1);
        return new CalibratedSimulation(status, from, fit, version);
    }

    /// <summary>
    /// What a calibration on the history of <paramref name="from"/> fits and assumes, and the history's figures beside
    /// those of the calibrated model run over the same span (seeded by <paramref name="seed"/>), each tolerance met or missed.
    /// </summary>
    /// <remarks>
    /// Reports each step done; it only reads, so <paramref name="cancellationToken"/> may stop it at any step.
    /// Read, fitted and simulated once per state of the history: the review is kept with the history's stamp (its
    /// snapshot's version and counts, its setup's version) and answered from memory while the stamp is unchanged, so
    /// reloading the page reads no journeys. Any new event, import or setup change makes the next review fresh.
    /// </remarks>
    public async Task<Outcome<CalibrationReview>> ReviewAsync(string from, ulong seed = 42, IProgress<RunProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        var steps = new ProgressCounter(ProgressUnit.Steps, ReviewSteps, progress);
        steps.Begin();
        var stamp = await StampAsync(from);
        if (stamp is not null && reviews.TryGetValue((from, seed), out var kept) && kept.Stamp == stamp)
        {
            steps.Add(ReviewSteps);
            return kept.Review;
        }
        var history = await HistoryAsync(from, null, steps, cancellationToken);
        if (history.Refusal is { } refused) return refused;
        var (states, fit, _) = history.Value!;
        // The calibrated model over the history's span: the long step, off the caller's thread.
        var comparison = await Task.Run(() => CalibrationCheck.Compare(fit, states, seed), cancellationToken);
        cancellationToken.ThrowIfCancellationRequested();
        steps.Add(1);
        var review = new CalibrationReview(from, fit.From, fit.To, fit.Journeys, fit.Won, fit.Lost, AssumptionCatalogue.Of(fit.Parameters), comparison,
            await ArchivedAsync(from, fit));
        if (stamp is not null)
        {
            // A handful of histories are reviewed at a time: an unbounded dictionary is not needed.
            if (reviews.Count >= KeptReviews) reviews.Clear();
            reviews[(from, seed)] = (stamp, review);
        }
        return review;
    }

    /// <summary>Reviews kept in memory at most (histories × seeds); 32, assumed (a review of the Maven sample is about 200 KB).</summary>
    public const int KeptReviews = 32;

    readonly ConcurrentDictionary<(string From, ulong Seed), (HistoryStamp Stamp, CalibrationReview Review)> reviews = new();

    /// <summary>What identifies one state of a history: any event or setup change moves one of these.</summary>
    sealed record HistoryStamp(long Version, DateTimeOffset AsOf, long Journeys, long Won, long Lost, long Open, decimal Revenue, int? Setup);

    async Task<HistoryStamp?> StampAsync(string from)
    {
        if (await grains.GetGrain<IWorkspaceStatisticsGrain>(from).GetSnapshotAsync() is not { } s) return null;
        var setup = await grains.GetGrain<ISetupGrain>(from).GetAsync();
        return new HistoryStamp(s.Version, s.AsOf, s.Journeys, s.Deals.Won, s.Deals.Lost, s.Deals.Open, s.Revenue.Total, setup?.Version);
    }

    /// <summary>The final states of the journeys of <paramref name="from"/>, the fit on them and the price list used, or why not.</summary>
    /// <remarks>Two steps for <paramref name="steps"/>: the history read, and the fit.</remarks>
    async Task<Outcome<(List<JourneyState> States, CalibrationResult Fit, IReadOnlyList<CrmProduct> Products)>> HistoryAsync(string from,
        IReadOnlyList<CrmProduct>? requested, ProgressCounter steps, CancellationToken cancellationToken)
    {
        if (await grains.GetGrain<IWorkspaceGrain>(from).GetOrganisationAsync() is not { } organisation)
            return Refusal.UnknownWorkspace(from);
        var states = await WorkspaceJourneys.StatesAsync(grains, from);
        cancellationToken.ThrowIfCancellationRequested();
        steps.Add(1);
        // A live workspace's organisation is only what its events named: the groups its figures show.
        if (!organisation.Reps.Any() && await grains.GetGrain<IWorkspaceStatisticsGrain>(from).GetSnapshotAsync() is { } snapshot)
            organisation = HistoryOrganisation.Of(snapshot);
        if (!states.Any(s => s.Won || s.Status == JourneyStatus.Lost))
            return new Refusal(RefusalKind.Invalid, "Nothing to calibrate on", $"workspace {from} has no won or lost deal");
        var products = requested ?? await PriceListAsync(from);
        if (products.FirstOrDefault(p => string.IsNullOrWhiteSpace(p.Name) || p.ListPrice < 0) is { } bad)
            return new Refusal(RefusalKind.Invalid, "A product cannot be used",
                $"products[{products.ToList().IndexOf(bad)}]: needs a name and a list price of 0 or more (was '{bad.Name}', {bad.ListPrice})");
        var fit = await Task.Run(() => HistoryCalibration.Fit(states, organisation, products.Select(p => (p.Name, p.ListPrice)).ToList()), cancellationToken);
        cancellationToken.ThrowIfCancellationRequested();
        steps.Add(1);
        return (states, fit, products);
    }

    /// <summary>
    /// The journeys of <paramref name="from"/> the retention rule archived, which <paramref name="fit"/> (read from the
    /// kept journeys, <see cref="WorkspaceJourneys.StatesAsync"/>) leaves out, with what the shards' archived totals give
    /// exactly of them; null when none is archived.
    /// </summary>
    async Task<ArchivedHistory?> ArchivedAsync(string from, CalibrationResult fit)
    {
        var archived = await WorkspaceJourneys.ArchivedCountAsync(grains, from);
        if (archived == 0) return null;
        var totals = (await Task.WhenAll(Enumerable.Range(0, Keys.ShardCount)
            .Select(i => grains.GetGrain<IJourneyShardGrain>(Keys.Shard(from, i)).ArchivedTotalsAsync()))).SelectMany(d => d).Select(d => d.Change);
        // The rule the shards archive by: a simulation's, else (a workspace fed by ingestion) the setup's, else the default.
        var retention = (await grains.GetGrain<ISimulationGrain>(from).GetParametersAsync())?.Rules.ArchiveClosedAfterDays
            ?? (await grains.GetGrain<ISetupGrain>(from).GetAsync())?.Document.Rules.ArchiveClosedAfterDays ?? Growth.Domain.Journeys.Archiving.DefaultDays;
        return ArchivedHistory.Of(archived, totals, fit, retention);
    }

    /// <summary>The catalogue of the history workspace's setup as a price list, or none.</summary>
    async Task<IReadOnlyList<CrmProduct>> PriceListAsync(string from) =>
        (await grains.GetGrain<ISetupGrain>(from).GetAsync())?.Document.Catalogue.Products
            .Select(p => new CrmProduct(p.Name, p.Series, p.ListPrice)).ToList() ?? [];
}
