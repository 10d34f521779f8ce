using Growth.Dashboard.Application.Workspaces;
using Growth.Domain.Setup;
using Growth.Grains.Errors;
using Growth.Grains.Setup;
using Growth.Grains.Simulation;

namespace Growth.Dashboard.Application.Setup;

/// <summary>
/// The companies Growth ships as setup templates, and "new workspace from template": the template's setup stored as
/// the new workspace's version 1, then its simulation started (through <see cref="SimulationControl"/>) on that setup.
/// </summary>
public sealed class SetupTemplatesService(IGrainFactory grains, SimulationControl simulations)
{
    /// <summary>The templates shipped with the binaries (<see cref="SetupTemplates.DefaultFolder"/>), read once on first use.</summary>
    readonly Lazy<SetupTemplates> shipped = new(() => SetupTemplates.Load());

    /// <summary>Every template, for pickers.</summary>
    public IReadOnlyList<SetupTemplateInfo> List() => shipped.Value.All.Select(t => new SetupTemplateInfo(t.Id, t.Name, t.Summary)).ToList();

    /// <summary>A template's document, or null if there is none of that id.</summary>
    public SetupDocument? Document(string id) => shipped.Value.Find(id)?.Document;

    /// <summary>
    /// Creates <paramref name="workspace"/> from template <paramref name="template"/> and starts its simulation. Refused if
    /// the template is unknown (404) or the workspace exists (409); names are checked by the caller.
    /// </summary>
    public async Task<Outcome<CreatedWorkspace>> CreateAsync(string workspace, string template, string by)
    {
        if (Refusal.OfWorkspaceName(workspace) is { } invalid) return invalid;
        if (Document(template) is not { } document) return SetupRefusals.UnknownTemplate(template);
        if (await SetupService.WorkspaceExistsAsync(grains, workspace)) return SetupRefusals.Exists(workspace);
        var problems = SetupValidator.Validate(document);
        if (problems.Count > 0) return SetupRefusals.Invalid(problems);
        try
        {
            var version = await grains.GetGrain<ISetupGrain>(workspace).ApplyAsync(document, by, $"created from template {template}");
            // The simulation builds its organisation, prices, campaigns and calendar from the stored setup.
            var status = await simulations.StartAsync(workspace, new SimulationSettings());
            return new CreatedWorkspace(workspace, template, version.Number, status.Running);
        }
        catch (DomainException e) when (e.Problems is { Count: > 0 } refused) { return SetupRefusals.Invalid(refused); }
        catch (DomainException e)
        {
            return new Refusal(e.Kind == DomainErrorKind.Conflict ? RefusalKind.Conflict : RefusalKind.Invalid, "The workspace could not be created", e.Message);
        }
    }
}
