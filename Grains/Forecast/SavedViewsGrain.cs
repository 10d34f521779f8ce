using Growth.Domain.Forecast;
using Growth.Grains.Errors;
using Growth.Grains.Runtime;

namespace Growth.Grains.Forecast;

/// <summary>The saved views grain's state.</summary>
[GenerateSerializer]
public sealed class SavedViewsRecord
{
    [Id(0)] public List<SavedView> Views { get; set; } = [];
}

/// <summary>Keeps one person's saved views (thin: the rules are <see cref="SavedViews"/>).</summary>
public sealed class SavedViewsGrain(
    [PersistentState("saved-views", GrainStorage.Name)] IPersistentState<SavedViewsRecord> record) : Grain, ISavedViewsGrain
{
    public Task<IReadOnlyList<SavedView>> GetAsync(string workspace) => Task.FromResult(SavedViews.Of(record.State.Views, workspace));

    public Task<IReadOnlyList<SavedView>> GetAllAsync() => Task.FromResult<IReadOnlyList<SavedView>>(record.State.Views.ToList());

    public async Task<IReadOnlyList<SavedView>> SaveAsync(SavedView view)
    {
        var (views, error) = SavedViews.Save(record.State.Views, view);
        if (views is null) throw new DomainException(error!);
        record.State.Views = views;
        await record.WriteStateAsync();
        return SavedViews.Of(views, view.Workspace);
    }

    public async Task<IReadOnlyList<SavedView>> DeleteAsync(string workspace, string name)
    {
        var views = SavedViews.Delete(record.State.Views, workspace, name);
        if (views.Count != record.State.Views.Count)
        {
            record.State.Views = views;
            await record.WriteStateAsync();
        }
        return SavedViews.Of(views, workspace);
    }
}
