using System.Globalization;
using Growth.Dashboard.Application.Calibration;
using Growth.Dashboard.Components.Shared;
using Growth.Dashboard.Security;
using Growth.Domain.Access;
using Growth.Domain.Calibration;
using Growth.Domain.Journeys;
using Growth.Domain.Progress;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace Growth.Dashboard.Components.Pages;

/// <summary>
/// The calibration page: what a calibration on a workspace's history fits and assumes, the history's figures beside
/// the calibrated model's over the same span with each tolerance met or missed, and the calibrated simulation created
/// paused with its setup opened for review.
/// </summary>
public partial class Calibration : IDisposable
{
    [Inject] CalibratedSimulations Calibrations { get; set; } = null!;
    [Inject] AccessResolver Access { get; set; } = null!;
    [Inject] NavigationManager Navigation { get; set; } = null!;
    [CascadingParameter] Task<AuthenticationState>? AuthenticationState { get; set; }
    [SupplyParameterFromQuery(Name = "workspace")] public string? WorkspaceParameter { get; set; }

    /// <summary>The history calibrated on: the import page's default workspace unless the address names one.</summary>
    string Workspace => string.IsNullOrEmpty(WorkspaceParameter) ? "crm-import" : WorkspaceParameter;

    CalibrationReview? review;
    string? problem, createProblem, created;
    string simulation = "";
    bool busy;
    /// <summary>The review or creation going on (cancelled by Cancel or by leaving the page), its steps, and what was last said.</summary>
    CancellationTokenSource? run;
    RunProgress? progress;
    string? announcement;

    protected override async Task OnParametersSetAsync()
    {
        review = null;
        problem = null;
        simulation = $"{Workspace}-sim";
        var viewer = await Access.ViewerAsync(AuthenticationState is null ? null : (await AuthenticationState).User);
        if (!viewer.Allows(Area.Import, Workspace)) { problem = Words["Calibration.NotAllowed", Workspace]; return; }
        var (cancelled, outcome) = await RunAsync(token => Calibrations.ReviewAsync(Workspace, progress: Reporter(), cancellationToken: token));
        if (cancelled) problem = Words["Progress.CalibrationCancelled"];
        else if (outcome.Refusal is { } refusal) problem = Words.Refusal(refusal.Detail);
        else review = outcome.Value;
    }

    /// <summary>Runs one cancellable step of the page with the progress bar; Cancelled when it was.</summary>
    async Task<(bool Cancelled, T? Value)> RunAsync<T>(Func<CancellationToken, Task<T>> work)
    {
        run?.Cancel();
        using var cancel = new CancellationTokenSource();
        run = cancel;
        progress = null;
        announcement = null;
        try
        {
            var result = await work(cancel.Token);
            announcement = Words["Progress.Done"];
            return (false, result);
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
            announcement = Words["Progress.CalibrationCancelled"];
            return (true, default);
        }
        finally { if (run == cancel) run = null; }
    }

    IProgress<RunProgress> Reporter() => new PageProgress(this);

    /// <summary>Step reports from another thread, shown through the renderer; they never go back.</summary>
    sealed class PageProgress(Calibration page) : IProgress<RunProgress>
    {
        public void Report(RunProgress value) => _ = page.InvokeAsync(() =>
        {
            page.progress = page.progress?.Advance(value) ?? value;
            page.StateHasChanged();
        });
    }

    void Cancel() => run?.Cancel();

    public void Dispose() => run?.Cancel();

    /// <summary>Creates the calibrated simulation paused and opens its setup for review: it starts only when someone starts it.</summary>
    async Task CreateAsync()
    {
        busy = true;
        createProblem = null;
        try
        {
            var name = simulation.Trim();
            var viewer = await Access.ViewerAsync(AuthenticationState is null ? null : (await AuthenticationState).User);
            if (!viewer.Allows(Area.SimulationControl, name) || !viewer.Allows(Area.SimulationControl, Workspace))
            {
                createProblem = Words["Calibration.NoSimulateRight", name, Workspace];
                return;
            }
            if (Application.Refusal.OfWorkspaceName(name) is { } invalid) { createProblem = Words.Refusal(invalid.Detail); return; }
            var (cancelled, outcome) = await RunAsync(token => Calibrations.CreateAsync(name, Workspace, new CalibratedRequest(Run: false), viewer.Name ?? "calibration page",
                Reporter(), token));
            if (cancelled) { createProblem = Words["Progress.CalibrationCancelled"]; return; }
            if (outcome.Refusal is { } refusal) { createProblem = Words.Refusal(refusal.Detail); return; }
            created = name;
            Navigation.NavigateTo($"setup?workspace={Uri.EscapeDataString(name)}");
        }
        finally { busy = false; }
    }

    string ChannelName(string group) => group.Length == 0 ? Words[review!.Comparison.Checks.Count(c => c.Figure == "leadToDeal") > 1 ? "Calibration.NoSource" : "Calibration.AllLeads"]
        : Enum.TryParse<Channel>(group, out var channel) ? Words.Of(channel) : group;

    /// <summary>
    /// What the calibration leaves out: the journeys the retention rule archived (how many, closed how long ago) and,
    /// when they hold leads, the whole history's win rate and lead-to-deal conversion with them beside the kept journeys' the fit read.
    /// </summary>
    string ArchivedNote(ArchivedHistory a)
    {
        var left = a.RetentionDays is { } days
            ? Words["Calibration.Archived", Format.Number(a.Journeys), Format.Number(days)]
            : Words["Calibration.ArchivedEarlier", Format.Number(a.Journeys)];
        if (a.Leads == 0) return left;
        var r = review!;
        var winRate = r.Won + r.Lost == 0 ? 0 : (double)r.Won / (r.Won + r.Lost);
        var leadToDeal = r.Leads == 0 ? 0 : (double)r.Won / r.Leads;
        return left + " " + Words["Calibration.ArchivedWinRate", Format.Number(a.Leads), Format.Number(a.Won), Format.Number(a.Lost),
            Format.Percent(a.WinRate), Format.Percent(winRate), Format.Percent(a.LeadToDeal), Format.Percent(leadToDeal)];
    }

    static string Shown(ToleranceCheck check, double value) => check.Figure switch
    {
        "averageDeal" => Format.Number(value, "N0"),
        "cycleDays" => Format.Number(value, "N1"),
        _ => Format.Percent(value),
    };

    string Tolerance(ToleranceCheck check) => check.Kind == ToleranceKind.Points
        ? Words["Calibration.Points", (check.Tolerance * 100).ToString("0.#", CultureInfo.CurrentCulture)]
        : Words["Calibration.Relative", (check.Tolerance * 100).ToString("0.#", CultureInfo.CurrentCulture)];
}
