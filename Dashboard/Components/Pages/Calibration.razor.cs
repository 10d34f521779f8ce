using System.Globalization;
using Growth.Dashboard.Application.Calibration;
using Growth.Dashboard.Components.Shared;
using Growth.Dashboard.Security;
using Growth.Domain.Access;
using Growth.Domain.Calibration;
using Growth.Domain.Journeys;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace Growth.Dashboard.Components.Pages;

/// <summary>
/// The calibration page: what a calibration on a workspace's history fits and assumes, the history's figures beside
/// the calibrated model's over the same span with each tolerance met or missed, and the calibrated simulation created
/// paused with its setup opened for review.
/// </summary>
public partial class Calibration
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

    protected override async Task OnParametersSetAsync()
    {
        review = null;
        problem = null;
        simulation = $"{Workspace}-sim";
        var viewer = await Access.ViewerAsync(AuthenticationState is null ? null : (await AuthenticationState).User);
        if (!viewer.Allows(Area.Import, Workspace)) { problem = Words["Calibration.NotAllowed", Workspace]; return; }
        var outcome = await Calibrations.ReviewAsync(Workspace);
        if (outcome.Refusal is { } refusal) problem = Words.Refusal(refusal.Detail);
        else review = outcome.Value;
    }

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
            var outcome = await Calibrations.CreateAsync(name, Workspace, new CalibratedRequest(Run: false), viewer.Name ?? "calibration page");
            if (outcome.Refusal is { } refusal) { createProblem = Words.Refusal(refusal.Detail); return; }
            created = name;
            Navigation.NavigateTo($"setup?workspace={Uri.EscapeDataString(name)}");
        }
        finally { busy = false; }
    }

    string ChannelName(string group) => group.Length == 0 ? Words[review!.Comparison.Checks.Count(c => c.Figure == "leadToDeal") > 1 ? "Calibration.NoSource" : "Calibration.AllLeads"]
        : Enum.TryParse<Channel>(group, out var channel) ? Words.Of(channel) : group;

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
