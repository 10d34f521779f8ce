using Growth.Dashboard.Components.Shared;
using Growth.Dashboard.Security;
using Growth.Domain.Access;
using Growth.Domain.Training;
using Growth.Grains.Errors;
using Growth.Grains.Setup;
using Growth.Grains.Training;
using Growth.Grains.Workspaces;

namespace Growth.Dashboard.Application.Training;

/// <summary>
/// The training application work: who a viewer trains as, starting a session and answering in it, a cohort's
/// leaderboard, a trainee's history, and running a trainee's skills on a simulated funnel. The grains hold the state;
/// pages (and any API) call this rather than the grains.
/// </summary>
public sealed class TrainingService(IGrainFactory grains, TrainingCatalogue catalogue)
{
    /// <summary>Seed of the simulated team a trainee is tried on: every trainee meets the same team.</summary>
    public const ulong FunnelSeed = 42;
    /// <summary>Simulated days of each funnel run.</summary>
    public const int FunnelDays = 60;
    /// <summary>Longest trainee name (as <see cref="TrainingKeys.IsValidName"/> allows).</summary>
    const int MaxName = 40;

    /// <summary>The scenarios read at start-up.</summary>
    public TrainingCatalogue Catalogue => catalogue;

    /// <summary>
    /// Who a viewer trains as: a signed-in viewer under their own name (the user name before any '@'); trainees and
    /// reps only as themselves, while leaders and admins may name anyone (e.g. to run a session for a new hire).
    /// </summary>
    public static (string? OwnName, bool OwnNameOnly) TraineeOf(Viewer viewer, string workspace)
    {
        var own = new string((viewer.Name ?? "").Split('@')[0].Where(c => char.IsLetterOrDigit(c) || c is ' ' or '.' or '_' or '-').Take(MaxName).ToArray());
        if (!viewer.SignedIn || !TrainingKeys.IsValidName(own)) return (null, false);
        return (own, !viewer.Grants.Any(g => g.Covers(workspace) && g.Role is Role.Leadership or Role.SalesManager or Role.Admin));
    }

    /// <summary>What is wrong with a request to start a session, in words for the trainee; null if nothing.</summary>
    public static string? StartProblem(TrainingScenario? scenario, string? trainee, string? cohort, long? seed, Words words) =>
        scenario is null ? words["Training.Problem.PickScenario"]
        : !TrainingKeys.IsValidName(trainee) ? words["Training.Problem.Trainee"]
        : !TrainingKeys.IsValidName(cohort) ? words["Training.Problem.Cohort"]
        : seed < 0 ? words["Training.Problem.Seed"]
        : null;

    /// <summary>Starts a new session (a fresh id under the trainee's key) and returns its first view.</summary>
    public Task<TrainingSessionView> StartAsync(string workspace, TrainingStart start) =>
        Session(workspace, $"{TrainingKeys.KeyOf(start.Trainee)}-{Guid.NewGuid():N}").StartAsync(start);

    /// <summary>
    /// The products of the workspace's setup catalogue a scenario may sell instead of its own (those with a positive
    /// list price), in catalogue order; none if the workspace has no setup.
    /// </summary>
    public async Task<IReadOnlyList<TrainingProduct>> ProductsAsync(string workspace) =>
        (await grains.GetGrain<ISetupGrain>(workspace).GetAsync())?.Document.Catalogue.Products
            .Where(p => p.ListPrice > 0)
            .Select(p => new TrainingProduct(p.Id, string.IsNullOrWhiteSpace(p.Name) ? p.Id : p.Name, p.Series, p.ListPrice))
            .ToList() ?? [];

    /// <summary>
    /// Starts a new session whose scenario sells product <paramref name="productId"/> of the workspace's setup at its
    /// list price (<see cref="TrainingProducts.ForProduct"/>: the customer's budget scales with the price); null or empty
    /// sells the scenario's own. A product the workspace's setup does not have is refused, naming it.
    /// </summary>
    public async Task<TrainingSessionView> StartAsync(string workspace, TrainingStart start, string? productId)
    {
        if (string.IsNullOrEmpty(productId)) return await StartAsync(workspace, start);
        var products = await ProductsAsync(workspace);
        var product = products.FirstOrDefault(p => p.Id == productId)
            ?? throw new DomainException(products.Count == 0
                ? $"product '{productId}': workspace {workspace} has no products in its setup"
                : $"product '{productId}' is not in the setup of workspace {workspace} (its products: {string.Join(", ", products.Select(p => p.Id))})");
        return await StartAsync(workspace, start with { Scenario = TrainingProducts.ForProduct(start.Scenario, product) });
    }

    public Task<TrainingSessionView> ChooseAsync(string workspace, string sessionId, string choiceId) =>
        Session(workspace, sessionId).ChooseAsync(choiceId);

    /// <summary>A line the trainee typed instead of a choice (see <see cref="ITrainingSessionGrain.SayAsync"/>).</summary>
    public Task<TrainingSessionView> SayAsync(string workspace, string sessionId, string line) =>
        Session(workspace, sessionId).SayAsync(line);

    /// <summary>The session as the trainee sees it; null if no session of that id was started.</summary>
    public Task<TrainingSessionView?> GetAsync(string workspace, string sessionId) => Session(workspace, sessionId).GetAsync();

    /// <summary>A cohort's leaderboard (the cohort name must be valid).</summary>
    public Task<IReadOnlyList<TrainingLeaderboardRow>> LeaderboardAsync(string workspace, string cohort) =>
        grains.GetGrain<ICohortGrain>(Keys.Of(workspace, TrainingKeys.KeyOf(cohort))).GetLeaderboardAsync();

    /// <summary>A trainee's finished sessions, newest first; none for a name that is not a trainee's.</summary>
    public async Task<IReadOnlyList<TrainingResult>> HistoryAsync(string workspace, string? trainee) =>
        TrainingKeys.IsValidName(trainee)
            ? await grains.GetGrain<ITrainingTraineeGrain>(Keys.Of(workspace, TrainingKeys.KeyOf(trainee!))).GetHistoryAsync()
            : [];

    /// <summary>
    /// Runs a leaderboard row's measured skills on the simulated funnel, yielding its progress after each chunk of
    /// simulated days (no call runs long) until the last status, which carries the effect.
    /// </summary>
    public async IAsyncEnumerable<TrainingFunnelStatus> ProjectAsync(string workspace, TrainingLeaderboardRow row)
    {
        var funnel = grains.GetGrain<ITrainingFunnelGrain>(Keys.Of(workspace, TrainingKeys.KeyOf(row.Trainee)));
        var status = await funnel.StartAsync(new TrainingFunnelRequest(row.Trainee, TrainingScoring.RepSkills(row.Skills), FunnelSeed, FunnelDays));
        yield return status;
        while (!status.Done)
        {
            status = await funnel.AdvanceAsync();
            yield return status;
        }
    }

    ITrainingSessionGrain Session(string workspace, string sessionId) => grains.GetGrain<ITrainingSessionGrain>(Keys.Of(workspace, sessionId));
}
