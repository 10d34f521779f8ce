using Growth.Dashboard.Application.Training;
using Growth.Dashboard.Components.Shared;
using Growth.Dashboard.Components.Training;
using Growth.Dashboard.Security;
using Growth.Domain.Training;
using Growth.Grains.Errors;
using Growth.Grains.Training;
using Growth.Grains.Workspaces;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace Growth.Dashboard.Components.Pages;

/// <summary>The training page's state and handlers; the work is the <see cref="TrainingService"/>'s.</summary>
public partial class Training
{
    [Inject] TrainingService Service { get; set; } = null!;
    [Inject] AccessResolver Access { get; set; } = null!;
    [Inject] TrainingAssignmentService Assignments { get; set; } = null!;
    [Inject] TrainingCoachingService Coaching { get; set; } = null!;
    [Inject] Words Words { get; set; } = null!;

    [SupplyParameterFromQuery(Name = "training")] public string? WorkspaceParameter { get; set; }
    /// <summary>A lost deal to practise at once (from the Customer page): its journey id, and the workspace it is in (<c>from</c>, default demo).</summary>
    [SupplyParameterFromQuery(Name = "deal")] public string? DealParameter { get; set; }
    [SupplyParameterFromQuery(Name = "from")] public string? FromParameter { get; set; }
    [CascadingParameter] Task<AuthenticationState>? AuthenticationState { get; set; }

    string Workspace => Keys.IsValidWorkspace(WorkspaceParameter) ? WorkspaceParameter! : TrainingKeys.DefaultWorkspace;
    // The workspace's scenarios: the built-in ones and its own (ScenarioAuthoringService), read once the page opens.
    TrainingCatalogue Catalogue => workspaceCatalogue ?? Service.Catalogue.In(System.Globalization.CultureInfo.CurrentUICulture.Name);
    TrainingCatalogue? workspaceCatalogue;
    [Inject] ScenarioAuthoringService Authoring { get; set; } = null!;

    readonly TrainingForm form = new();
    TrainingSessionView? session;
    // The workspace's setup products a scenario may sell instead of its own.
    IReadOnlyList<TrainingProduct> products = [];
    IReadOnlyList<TrainingLeaderboardRow> board = [];
    IReadOnlyList<TrainingResult> history = [];
    TrainingFunnelStatus? projecting;
    TrainingFunnelEffect? effect;
    string? error;
    bool busy;
    // Trainees and reps train as themselves (the name field is locked to their own).
    bool ownNameOnly;
    string? ownName;
    // The name field takes typing only once its default is settled: letters typed while the signed-in user's name
    // arrives would otherwise be joined to it ("adminWendy").
    bool nameSettled;
    Viewer viewer = new(null, [], true);
    // Assignments: the boards the viewer has a part in, and the form for those who may assign.
    IReadOnlyList<AssignmentBoard> assignments = [];
    readonly AssignmentForm assignForm = new();
    bool mayAssign;
    string? assignMessage;
    // Coaching from real deals (for those who may read deals somewhere), and the lost deal being practised.
    readonly CoachingRequest coaching = new();
    bool coachingAllowed;
    TrainingAdvice? advice;
    LostDeal? practice;

    protected override async Task OnInitializedAsync()
    {
        viewer = await Access.ViewerAsync(AuthenticationState is null ? null : (await AuthenticationState).User);
        (ownName, ownNameOnly) = TrainingService.TraineeOf(viewer, Workspace);
        workspaceCatalogue = await Authoring.CatalogueAsync(Workspace, ScenarioLibrary.LanguageOf(System.Globalization.CultureInfo.CurrentUICulture));
        // The page shows its form while it loads: what the trainee picked meanwhile is kept, the name's default only
        // fills an empty field (a trainee who may play only as themselves always plays under their own name).
        if (ownName is not null && (ownNameOnly || string.IsNullOrWhiteSpace(form.Trainee))) form.Trainee = ownName;
        nameSettled = true;
        StateHasChanged();
        var first = Catalogue.Scenarios.FirstOrDefault()?.Id;
        form.ScenarioId ??= first;
        assignForm.ScenarioId ??= first;
        assignForm.Due = DateTime.UtcNow.Date.AddDays(7);
        mayAssign = TrainingAssignmentService.ViewerOf(viewer, Workspace).MayAssign;
        coachingAllowed = viewer.AllowsAnywhere(Growth.Domain.Access.Area.Customer);
        if (Keys.IsValidWorkspace(FromParameter)) coaching.Workspace = FromParameter!;
        coaching.RepId = TrainingCoachingService.OwnRep(viewer, coaching.Workspace);
        products = await Service.ProductsAsync(Workspace);
        await LoadCohortAsync();
        if (!string.IsNullOrEmpty(DealParameter)) await PractiseDealAsync(coaching.Workspace, DealParameter);
    }

    /// <summary>Starts a session replaying a lost deal: its objections, its value, the step it died at.</summary>
    async Task PractiseDealAsync(string from, string journeyId)
    {
        if (ownNameOnly) form.Trainee = ownName;
        var started = await Coaching.PractiseAsync(Workspace, from, journeyId, viewer, form.Trainee, form.Cohort);
        if (started.Refusal is { } refused) { error = Words.Refusal(refused.Detail); return; }
        (session, practice) = (started.Value!.Session, started.Value.Deal);
    }

    async Task AdviseAsync()
    {
        var outcome = await Coaching.AdviceAsync(coaching.Workspace, coaching.RepId, viewer);
        (advice, error) = (outcome.Value, Words.Refusal(outcome.Refusal?.Detail));
    }

    async Task PractiseAdviceAsync(TrainingAdvice a)
    {
        (form.ScenarioId, form.Difficulty, form.Seed, form.ProductId) = (a.ScenarioId, a.Difficulty ?? TrainingDifficulty.Normal, null, null);
        await StartAsync();
    }

    async Task AssignAsync()
    {
        var outcome = await Assignments.AssignAsync(Workspace, viewer, assignForm.Request());
        assignMessage = outcome.Value is { } a ? Words["Training.AssignedOk", a.Id, a.ScenarioTitle] : Words.Refusal(outcome.Refusal!.Detail);
        await LoadAssignmentsAsync();
    }

    async Task PractiseAssignmentAsync(TrainingAssignment a)
    {
        (form.ScenarioId, form.Difficulty, form.Seed, form.ProductId) = (a.ScenarioId, a.Difficulty, null, null);
        await StartAsync();
    }

    async Task LoadAssignmentsAsync() => assignments = await Assignments.BoardAsync(Workspace, viewer);

    async Task StartAsync()
    {
        error = null;
        if (ownNameOnly) form.Trainee = ownName;
        var scenario = Catalogue.Find(form.ScenarioId ?? "");
        if (TrainingService.StartProblem(scenario, form.Trainee, form.Cohort, form.Seed, Words) is { } problem) { error = problem; return; }
        var start = new TrainingStart(scenario!, form.Difficulty, (ulong?)form.Seed, form.Trainee!, form.Cohort);
        practice = null;
        await Try(async () => session = await Service.StartAsync(Workspace, start, form.ProductId));
    }

    async Task RetryAsync()
    {
        // The same customer: the seed and difficulty of the session just reviewed (a lost deal: the same deal again).
        if (practice is { } deal)
        {
            await PractiseDealAsync(deal.Workspace, deal.JourneyId);
            return;
        }
        if (session is { } v)
        {
            form.Seed = (long)v.Seed;
            form.Difficulty = v.Difficulty;
            form.ScenarioId = v.ScenarioId;
        }
        await StartAsync();
    }

    Task ChooseAsync(string choiceId) => TurnAsync(current => Service.ChooseAsync(Workspace, current.SessionId, choiceId));

    Task SayAsync(string line) => TurnAsync(current => Service.SayAsync(Workspace, current.SessionId, line));

    async Task TurnAsync(Func<TrainingSessionView, Task<TrainingSessionView>> turn)
    {
        if (busy || session is not { } current) return;
        busy = true;
        try
        {
            await Try(async () => session = await turn(current));
            if (session?.Outcome is not null and not TrainingOutcome.InProgress) await LoadCohortAsync();
        }
        finally { busy = false; }
    }

    async Task LoadCohortAsync()
    {
        if (TrainingKeys.IsValidName(form.Cohort)) board = await Service.LeaderboardAsync(Workspace, form.Cohort);
        history = await Service.HistoryAsync(Workspace, form.Trainee);
        await LoadAssignmentsAsync();
    }

    async Task ProjectAsync(TrainingLeaderboardRow row)
    {
        effect = null;
        await Try(async () =>
        {
            // Each status is a few simulated days further: the page shows progress and no call runs long.
            await foreach (var status in Service.ProjectAsync(Workspace, row))
            {
                projecting = status;
                if (!status.Done) StateHasChanged();
            }
            effect = projecting?.Effect;
        });
        projecting = null;
    }

    async Task Try(Func<Task> action)
    {
        try
        {
            error = null;
            await action();
        }
        catch (DomainException e) { error = Words.Refusal(e.Message); }
    }
}
