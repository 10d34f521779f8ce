using Growth.Dashboard.Application;
using Growth.Dashboard.Application.Calibration;
using Growth.Dashboard.Application.Workspaces;
using Growth.Dashboard.Security;
using Growth.Domain.Access;
using Growth.Grains.Errors;
using Microsoft.AspNetCore.Components;

namespace Growth.Dashboard.Components.Pages;

/// <summary>The import page's next step: a simulation calibrated on the imported history, created paused, then started.</summary>
public partial class Import
{
    [Inject] CalibratedSimulations Calibrations { get; set; } = null!;
    [Inject] SimulationControl Simulations { get; set; } = null!;

    // The calibrated simulation made from the import: its workspace name, what was created, and whether it was started.
    string simulation = "";
    CalibratedSimulation? calibrated;
    bool started;

    /// <summary>Creates the calibrated simulation of the imported history, paused, with the setup made from the history.</summary>
    async Task CalibrateAsync()
    {
        error = null;
        if (report is null) return;
        var name = (simulation ?? "").Trim();
        if (Refusal.OfWorkspaceName(name) is { } invalid) { error = Words.Refusal(invalid.Detail); return; }
        var viewer = await Access.ViewerAsync(AuthenticationState is null ? null : (await AuthenticationState).User);
        // As the API asks: administering the new workspace, and the history's (which is read whole).
        if (!viewer.Allows(Area.SimulationControl, name) || !viewer.Allows(Area.SimulationControl, report.Workspace))
        {
            error = Words["Calibration.NoSimulateRight", name, report.Workspace];
            return;
        }
        busy = true;
        phase = Words["Import.Calibrating", name, report.Workspace];
        try
        {
            var outcome = await Calibrations.CreateAsync(name, report.Workspace, new CalibratedRequest(Run: false), viewer.Name ?? "import page");
            if (outcome.Refusal is { } refused) error = Words.Refusal(refused.Detail);
            else
            {
                calibrated = outcome.Value;
                phase = Words["Import.CalibratedPhase", name, report.Workspace];
            }
        }
        catch (DomainException e) { error = Words.Refusal(e.Message); }
        finally { busy = false; }
    }

    /// <summary>Starts the calibrated simulation's clock.</summary>
    async Task StartSimulationAsync()
    {
        if (calibrated is null) return;
        error = null;
        busy = true;
        try
        {
            await Simulations.ResumeAsync(calibrated.Simulation.Workspace);
            started = true;
            phase = Words["Import.RunningPhase", calibrated.Simulation.Workspace];
        }
        catch (DomainException e) { error = Words.Refusal(e.Message); }
        finally { busy = false; }
    }
}
