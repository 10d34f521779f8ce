using Growth.Domain.Forecast;
using Growth.Grains.Forecast;
using Growth.Grains.Workspaces;

namespace Growth.Dashboard.Application.Forecast;

/// <summary>The Pipeline page's filters as a view to save: the same fields as the deal list's query.</summary>
public sealed record ViewRequest(string? Owner, string? Step, string? Category, string? Q, string? Sort, bool? Desc, string? Team = null);

/// <summary>
/// Each person's saved Pipeline views (<see cref="ISavedViewsGrain"/>, keyed by the user's name). Saving needs a
/// signed-in person: a demo visitor only looks. A view is checked as a deal query before it is kept.
/// </summary>
public sealed class SavedViewsService(IGrainFactory grains, TimeProvider time)
{
    /// <summary>The views <paramref name="user"/> saved for <paramref name="workspace"/> (none for a visitor).</summary>
    public async Task<Outcome<IReadOnlyList<SavedView>>> ListAsync(string? user, string workspace)
    {
        if (Refusal.OfWorkspaceName(workspace) is { } bad) return bad;
        return user is { Length: > 0 } ? new Outcome<IReadOnlyList<SavedView>>(await grains.GetGrain<ISavedViewsGrain>(user).GetAsync(workspace), null)
            : new Outcome<IReadOnlyList<SavedView>>([], null);
    }

    /// <summary>Saves (or replaces) the view <paramref name="name"/>; the workspace's views after, or what was wrong (nothing saved).</summary>
    public async Task<Outcome<IReadOnlyList<SavedView>>> SaveAsync(string? user, string workspace, string name, ViewRequest request)
    {
        if (Refusal.OfWorkspaceName(workspace) is { } bad) return bad;
        if (user is not { Length: > 0 }) return Refusal.NotAllowed("sign in to save views: a visitor only looks");
        if (await grains.GetGrain<IWorkspaceGrain>(workspace).GetAsync() is null) return Refusal.UnknownWorkspace(workspace);
        var (query, wrong) = DealQuery.Parse(request.Owner, request.Step, request.Category, request.Q, request.Sort, request.Desc, 1, 50);
        if (query is null) return new Refusal(RefusalKind.Invalid, "Invalid view", wrong!);
        var view = new SavedView(name, workspace, query.Owner, query.Step, query.Category?.ToString(), query.Search, query.Sort, query.Descending, time.GetUtcNow(),
            string.IsNullOrWhiteSpace(request.Team) ? null : request.Team.Trim());
        var grain = grains.GetGrain<ISavedViewsGrain>(user);
        if (SavedViews.Save(await grain.GetAllAsync(), view).Error is { } error) return new Refusal(RefusalKind.Invalid, "Invalid view", error);
        return new Outcome<IReadOnlyList<SavedView>>(await grain.SaveAsync(view), null);
    }

    /// <summary>Deletes the view <paramref name="name"/> (no such view: nothing happens); the workspace's views after.</summary>
    public async Task<Outcome<IReadOnlyList<SavedView>>> DeleteAsync(string? user, string workspace, string name)
    {
        if (Refusal.OfWorkspaceName(workspace) is { } bad) return bad;
        if (user is not { Length: > 0 }) return Refusal.NotAllowed("sign in to delete views: a visitor only looks");
        return new Outcome<IReadOnlyList<SavedView>>(await grains.GetGrain<ISavedViewsGrain>(user).DeleteAsync(workspace, name), null);
    }
}
