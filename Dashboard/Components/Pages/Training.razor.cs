using Growth.Dashboard.Application.Training;
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

    [SupplyParameterFromQuery(Name = "training")] public string? WorkspaceParameter { get; set; }
    [CascadingParameter] Task<AuthenticationState>? AuthenticationState { get; set; }

    string Workspace => Keys.IsValidWorkspace(WorkspaceParameter) ? WorkspaceParameter! : TrainingKeys.DefaultWorkspace;
    TrainingCatalogue Catalogue => Service.Catalogue;

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

    protected override async Task OnInitializedAsync()
    {
        var viewer = await Access.ViewerAsync(AuthenticationState is null ? null : (await AuthenticationState).User);
        (ownName, ownNameOnly) = TrainingService.TraineeOf(viewer, Workspace);
        if (ownName is not null) form.Trainee = ownName;
        form.ScenarioId = Catalogue.Scenarios.FirstOrDefault()?.Id;
        products = await Service.ProductsAsync(Workspace);
        await LoadCohortAsync();
    }

    async Task StartAsync()
    {
        error = null;
        if (ownNameOnly) form.Trainee = ownName;
        var scenario = Catalogue.Find(form.ScenarioId ?? "");
        if (TrainingService.StartProblem(scenario, form.Trainee, form.Cohort, form.Seed) is { } problem) { error = problem; return; }
        var start = new TrainingStart(scenario!, form.Difficulty, (ulong?)form.Seed, form.Trainee!, form.Cohort);
        await Try(async () => session = await Service.StartAsync(Workspace, start, form.ProductId));
    }

    async Task RetryAsync()
    {
        // The same customer: the seed and difficulty of the session just reviewed.
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
        catch (DomainException e) { error = e.Message; }
    }
}
