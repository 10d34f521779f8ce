using Growth.Dashboard.Application.Projection;
using Growth.Dashboard.Components.WhatIf;
using Growth.Domain.Access;
using Growth.Domain.Figures;
using Growth.Domain.Progress;
using Growth.Domain.Projection;
using Growth.Grains.Errors;
using Growth.Grains.Workspaces;
using Microsoft.AspNetCore.Components;

namespace Growth.Dashboard.Components.Pages;

/// <summary>
/// What-if planning: the user sets levers, runs, and reads a Monte Carlo comparison against the baseline (table,
/// fan, odds, cost and tornado charts), and may save the levers as a scenario. Runs only read the workspace.
/// </summary>
public partial class WhatIf
{
    [Inject] ProjectionService Projections { get; set; } = null!;

    readonly LeverForm form = new();
    WhatIfCharts charts = null!;
    bool sensitivity = true, running;
    RunProgress? progress;
    /// <summary>The run going on (cancelled by Cancel or by leaving the page), and what was last said about a run.</summary>
    CancellationTokenSource? run;
    string? announcement;
    string? error, scenarioName, csvHref;
    IReadOnlyList<Scenario> saved = [];
    readonly HashSet<string> compare = [];
    ProjectionResponse? result;

    protected override async Task OnInitializedAsync()
    {
        charts = new WhatIfCharts(Words);
        if (Keys.IsValidWorkspace(Workspace)) saved = await Projections.ScenariosAsync(Workspace);
    }

    // The projection starts from the workspace as it stands when Run is pressed; live updates only refresh the bar.
    protected override void OnSnapshot(WorkspaceSnapshot s) { }

    void Toggle(string name, object? value)
    {
        if (value is true) compare.Add(name);
        else compare.Remove(name);
    }

    async Task SaveAsync()
    {
        error = null;
        if (!Viewer.Allows(Area.Scenarios, Workspace)) { error = Words["WhatIf.SignInToSave"]; return; }
        try
        {
            saved = await Projections.SaveScenarioAsync(Workspace, new Scenario(scenarioName!.Trim(), form.Levers()));
        }
        catch (DomainException e)
        {
            error = e.Message;
        }
    }

    async Task RunAsync()
    {
        error = null;
        announcement = null;
        running = true;
        progress = null;
        using var cancel = new CancellationTokenSource();
        run = cancel;
        StateHasChanged();
        try
        {
            var report = new PageProgress(v => InvokeAsync(() => { progress = v.Advance(progress) == v ? v : progress; StateHasChanged(); }));
            result = await Projections.ProjectAsync(Workspace, form.Body(compare, sensitivity), report, cancel.Token);
            charts.Draw(result.Comparison);
            csvHref = "data:text/csv;base64," + Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(ScenarioComparison.ToCsv(result.Comparison)));
            announcement = Words["Progress.ProjectionDone"];
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
            announcement = Words["Progress.ProjectionCancelled"];
        }
        catch (DomainException e)
        {
            error = e.Message;
        }
        finally
        {
            running = false;
            run = null;
        }
    }

    /// <summary>Stops the run: the chunks in flight stop, no more are sent, and the last result stays as it was.</summary>
    void Cancel() => run?.Cancel();

    protected override void OnDispose() => run?.Cancel();

    /// <summary>Reports progress straight to the page (not through a captured context, which would queue behind the run).</summary>
    sealed class PageProgress(Action<RunProgress> report) : IProgress<RunProgress>
    {
        public void Report(RunProgress value) => report(value);
    }
}
