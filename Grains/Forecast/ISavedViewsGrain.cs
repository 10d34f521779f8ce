using Growth.Domain.Forecast;
using Orleans.Concurrency;

namespace Growth.Grains.Forecast;

/// <summary>One person's saved Pipeline views over every workspace. Key: the person's user name ("visitor" for the demo's visitors).</summary>
public interface ISavedViewsGrain : IGrainWithStringKey
{
    /// <summary>The views of <paramref name="workspace"/>, by name.</summary>
    [AlwaysInterleave]
    Task<IReadOnlyList<SavedView>> GetAsync(string workspace);

    /// <summary>Every view the person saved, over every workspace.</summary>
    [AlwaysInterleave]
    Task<IReadOnlyList<SavedView>> GetAllAsync();

    /// <summary>Saves <paramref name="view"/> (replacing one of its name); the workspace's views after. A bad view is refused, nothing changed.</summary>
    Task<IReadOnlyList<SavedView>> SaveAsync(SavedView view);

    /// <summary>Deletes the view <paramref name="name"/> of <paramref name="workspace"/>; the workspace's views after.</summary>
    Task<IReadOnlyList<SavedView>> DeleteAsync(string workspace, string name);
}
