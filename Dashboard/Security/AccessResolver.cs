using System.Security.Claims;
using Growth.Dashboard.Hosting;
using Growth.Domain.Access;
using Growth.Grains.Access;
using Microsoft.Extensions.Options;

namespace Growth.Dashboard.Security;

/// <summary>
/// What one viewer may do: their grants, or, for someone not signed in, the read-only view of the <c>demo</c>
/// workspace while demo access is open (<see cref="AccessOptions.Demo"/>).
/// </summary>
public sealed record Viewer(string? Name, IReadOnlyList<Grant> Grants, bool Visitor)
{
    public bool SignedIn => Name is not null;
    public bool Allows(Area area, string workspace) => AccessRules.Allows(Grants, area, workspace) && (!Visitor || VisitorMay(area));
    public bool AllowsAnywhere(Area area) => AccessRules.AllowsAnywhere(Grants, area) && (!Visitor || VisitorMay(area));
    public bool IsAdministrator => AccessRules.IsAdministrator(Grants) && !Visitor;

    /// <summary>
    /// Whether the viewer may open an area (a page, a route group) about <paramref name="workspace"/>. The admin
    /// functions need Admin in every workspace; the import page, Admin somewhere (the workspace is chosen on it).
    /// </summary>
    public bool MayOpen(Area area, string workspace) => area switch
    {
        Area.Admin => IsAdministrator,
        Area.Import => AllowsAnywhere(Area.Import),
        Area.Templates => AllowsAnywhere(Area.Templates),
        _ => Allows(area, workspace),
    };
    public FigureScope ScopeOf(string workspace) => AccessRules.ScopeOf(Grants, workspace);

    /// <summary>A visitor only looks: nothing that writes.</summary>
    static bool VisitorMay(Area area) => area is not (Area.Scenarios or Area.SimulationControl or Area.Import or Area.Admin or Area.SetupChanges or Area.ForecastCalls or Area.TrainingAuthoring);

    /// <summary>Workspaces named in the grants ("*" excepted), in grant order.</summary>
    public IEnumerable<string> NamedWorkspaces => Grants.Select(g => g.Workspace).Where(w => w != Grant.AllWorkspaces).Distinct();
}

/// <summary>Turns a principal into a <see cref="Viewer"/>; the one place that knows the demo rule.</summary>
public sealed class AccessResolver(IGrainFactory grains, IOptionsMonitor<AccessOptions> options)
{
    static readonly IReadOnlyList<Grant> DemoGrants = [new Grant(DemoWorkspace.Name, Role.Leadership)];

    public async Task<Viewer> ViewerAsync(ClaimsPrincipal? user)
    {
        if (user?.Identity?.IsAuthenticated == true && user.FindFirst(AccessClaims.Source) is not null)
            return new Viewer(user.Identity.Name, AccessClaims.GrantsOf(user), Visitor: false);
        return await DemoIsPublicAsync() ? new Viewer(null, DemoGrants, Visitor: true) : new Viewer(null, [], Visitor: true);
    }

    /// <summary>Whether the demo workspace may be viewed without signing in right now.</summary>
    public async Task<bool> DemoIsPublicAsync() => options.CurrentValue.Demo switch
    {
        DemoAccess.Always => true,
        DemoAccess.Never => false,
        _ => !await grains.GetGrain<IUserDirectoryGrain>(0).AnyAsync(),
    };
}
