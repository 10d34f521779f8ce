using Growth.Domain.Access;
using Growth.Grains.Training;
using Growth.Grains.Workspaces;
using Microsoft.AspNetCore.Authorization;

namespace Growth.Dashboard.Security;

/// <summary>
/// Puts a page or an endpoint under the access table: the request is allowed only if the viewer holds a role
/// that may use <paramref name="area"/> in the request's workspace (route value or query <c>workspace</c>).
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, Inherited = true)]
public sealed class AreaAttribute(Area area) : AuthorizeAttribute(AreaPolicies.Name(area))
{
    public Area Area { get; } = area;
}

/// <summary>One authorization policy per <see cref="Area"/>, and the ingestion-key policy.</summary>
public static class AreaPolicies
{
    public const string Ingestion = "ingestion";
    public static string Name(Area area) => $"area:{area}";

    /// <summary>The workspace a request is about: the route's, else the query's (training pages: <c>training</c>), else demo.</summary>
    public static string WorkspaceOf(HttpContext context, Area area) =>
        context.Request.RouteValues.TryGetValue("workspace", out var route) && route is string w ? w
            : WorkspaceOf(area, name => context.Request.Query[name].ToString());

    /// <summary>The workspace a page is about, from its query string: <c>workspace</c> (training: <c>training</c>), else the default.</summary>
    public static string WorkspaceOf(Area area, Func<string, string?> query) =>
        area is Area.Training or Area.TrainingAuthoring
            ? query("training") is { Length: > 0 } t ? t : TrainingKeys.DefaultWorkspace
            : query("workspace") is { Length: > 0 } q ? q : Hosting.DemoWorkspace.Name;

    public static void Add(AuthorizationOptions options)
    {
        foreach (var area in Enum.GetValues<Area>())
            options.AddPolicy(Name(area), p => p.AddRequirements(new AreaRequirement(area)));
        options.AddPolicy(Ingestion, p => p.AddAuthenticationSchemes(IngestionKeyAuthentication.SchemeName).AddRequirements(new IngestionRequirement()));
    }
}

public sealed record AreaRequirement(Area Area) : IAuthorizationRequirement;

/// <summary>The request carries an ingestion key for the workspace it writes to.</summary>
public sealed class IngestionRequirement : IAuthorizationRequirement;

/// <summary>Decides <see cref="AreaRequirement"/>s for HTTP requests (pages and API) from the access table.</summary>
public sealed class AreaAuthorizationHandler(AccessResolver resolver) : IAuthorizationHandler
{
    public async Task HandleAsync(AuthorizationHandlerContext context)
    {
        if (context.Resource is not HttpContext http) return;
        // A malformed workspace name names nothing to protect: the endpoint answers 400 and says why.
        if (http.Request.RouteValues.TryGetValue("workspace", out var named) && !Keys.IsValidWorkspace(named as string))
        {
            foreach (var requirement in context.PendingRequirements.ToList()) context.Succeed(requirement);
            return;
        }
        foreach (var requirement in context.PendingRequirements.ToList())
        {
            switch (requirement)
            {
                case AreaRequirement area:
                {
                    var viewer = await resolver.ViewerAsync(context.User);
                    var allowed = viewer.MayOpen(area.Area, AreaPolicies.WorkspaceOf(http, area.Area));
                    if (allowed) context.Succeed(requirement);
                    break;
                }
                case IngestionRequirement:
                {
                    var keyWorkspace = context.User.FindFirst(AccessClaims.KeyWorkspace)?.Value;
                    if (keyWorkspace is not null && http.Request.RouteValues["workspace"] as string == keyWorkspace) context.Succeed(requirement);
                    break;
                }
            }
        }
    }
}
