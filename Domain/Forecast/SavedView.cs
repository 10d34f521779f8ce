namespace Growth.Domain.Forecast;

/// <summary>
/// A named set of the Pipeline page's filters and sort that one person saved for one workspace: applied with one click.
/// Its fields are the deal query's (<see cref="DealQuery"/>) text, so applying it refuses the same bad values the page does.
/// </summary>
public sealed record SavedView(string Name, string Workspace, string? Owner, string? Step, string? Category, string? Search,
    string Sort, bool Descending, DateTimeOffset SavedAt, string? Team = null)
{
    /// <summary>The view's filters as a query (first page), or what is wrong with them.</summary>
    public (DealQuery? Query, string? Error) Query(int pageSize = 50) =>
        DealQuery.Parse(Owner, Step, Category, Search, Sort, Descending, 1, pageSize) is ({ } q, _) ? (q with { Team = Team }, null)
        : (null, DealQuery.Parse(Owner, Step, Category, Search, Sort, Descending, 1, pageSize).Error);
}

/// <summary>The rules of a person's saved views (pure).</summary>
public static class SavedViews
{
    /// <summary>Views kept per person over every workspace. Assumed.</summary>
    public const int MaxViews = 50;
    public const int MaxNameLength = 60;

    /// <summary>
    /// <paramref name="views"/> with <paramref name="view"/> saved (replacing one of the same name in the same
    /// workspace, names compared ignoring case), or what is wrong with it: nothing changes then.
    /// </summary>
    public static (List<SavedView>? Views, string? Error) Save(IEnumerable<SavedView> views, SavedView view)
    {
        var name = view.Name?.Trim() ?? "";
        if (name.Length == 0) return (null, "name must not be empty");
        if (name.Length > MaxNameLength) return (null, $"name must be at most {MaxNameLength} characters (was {name.Length})");
        if (string.IsNullOrWhiteSpace(view.Workspace)) return (null, "workspace must not be empty");
        if (view.Query().Error is { } wrong) return (null, wrong);
        var list = views.Where(v => !Same(v, view.Workspace, name)).ToList();
        if (list.Count >= MaxViews) return (null, $"at most {MaxViews} saved views per person: delete one first");
        list.Add(view with { Name = name });
        return (list, null);
    }

    /// <summary><paramref name="views"/> without the view <paramref name="name"/> of <paramref name="workspace"/> (unchanged when there is none).</summary>
    public static List<SavedView> Delete(IEnumerable<SavedView> views, string workspace, string name) =>
        views.Where(v => !Same(v, workspace, name.Trim())).ToList();

    /// <summary>The views of <paramref name="workspace"/>, by name.</summary>
    public static IReadOnlyList<SavedView> Of(IEnumerable<SavedView> views, string workspace) =>
        views.Where(v => v.Workspace == workspace).OrderBy(v => v.Name, StringComparer.OrdinalIgnoreCase).ToList();

    static bool Same(SavedView v, string workspace, string name) =>
        v.Workspace == workspace && string.Equals(v.Name, name, StringComparison.OrdinalIgnoreCase);
}
