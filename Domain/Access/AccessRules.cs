namespace Growth.Domain.Access;

/// <summary>
/// Who may use which part of a workspace: the one table every check (pages, API, hub) reads. Leadership sees all
/// figures; Marketing campaigns and the funnel; a sales manager their region or team; a rep their own pipeline and
/// training; a trainee training only; Admin everything, including the admin functions.
/// </summary>
public static class AccessRules
{

    /// <summary>The roles that may use an area (in a workspace they hold the role in).</summary>
    public static IReadOnlyList<Role> RolesFor(Area area) => area switch
    {
        Area.Overview or Area.Marketing or Area.History => [Role.Leadership, Role.Marketing, Role.Admin],
        // Compensation statements are cut to the viewer's part (FigureScope), like the Sales page.
        Area.Sales or Area.Customer or Area.Compensation => [Role.Leadership, Role.SalesManager, Role.Rep, Role.Admin],
        Area.Insight or Area.WhatIf or Area.Scenarios => [Role.Leadership, Role.Admin],
        // The setup holds quotas, prices and pay: leadership and administrators only.
        Area.Setup or Area.SetupChanges or Area.Templates => [Role.Leadership, Role.Admin],
        Area.Forecast or Area.ForecastCalls => [Role.Leadership, Role.SalesManager, Role.Admin],
        Area.Figures => [Role.Leadership, Role.Marketing, Role.SalesManager, Role.Rep, Role.Admin],
        Area.Training => [Role.Leadership, Role.SalesManager, Role.Rep, Role.Trainee, Role.Admin],
        // Those who may assign training may write what is played (issue 19: administrators and managers).
        Area.TrainingAuthoring => [Role.Leadership, Role.SalesManager, Role.Admin],
        Area.Import or Area.SimulationControl or Area.Admin => [Role.Admin],
        _ => [],
    };

    /// <summary>Whether the grants allow <paramref name="area"/> in <paramref name="workspace"/>.</summary>
    public static bool Allows(IEnumerable<Grant> grants, Area area, string workspace)
    {
        var roles = RolesFor(area);
        return grants.Any(g => g.Covers(workspace) && roles.Contains(g.Role));
    }

    /// <summary>Whether the grants allow <paramref name="area"/> in at least one workspace.</summary>
    public static bool AllowsAnywhere(IEnumerable<Grant> grants, Area area)
    {
        var roles = RolesFor(area);
        return grants.Any(g => roles.Contains(g.Role));
    }

    /// <summary>The admin functions (users, keys of every workspace, the Orleans dashboard) need Admin in every workspace.</summary>
    public static bool IsAdministrator(IEnumerable<Grant> grants) => grants.Any(g => g.Workspace == Grant.AllWorkspaces && g.Role == Role.Admin);

    /// <summary>The part of a workspace's figures the grants show (nothing if they hold no figure role there).</summary>
    public static FigureScope ScopeOf(IEnumerable<Grant> grants, string workspace)
    {
        var held = grants.Where(g => g.Covers(workspace)).ToList();
        if (held.Any(g => g.Role is Role.Leadership or Role.Admin)) return FigureScope.Full;
        return new FigureScope(
            Marketing: held.Any(g => g.Role == Role.Marketing),
            Groups: held.Where(g => g.Role is Role.SalesManager or Role.Rep && g.Scope is not null).Select(g => g.Scope!)
                .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList());
    }
}
