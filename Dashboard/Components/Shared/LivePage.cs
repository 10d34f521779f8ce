using Growth.Dashboard.Live;
using Growth.Dashboard.Security;
using Growth.Domain.Access;
using Growth.Domain.Figures;
using Growth.Domain.Workspaces;
using Growth.Grains.Workspaces;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components;

namespace Growth.Dashboard.Components.Shared;

/// <summary>
/// A page that shows one workspace live: it takes the workspace from the query string, subscribes to the
/// web host's in-process live feed (no grain call per update), and reads the history only when it grew, from the
/// web host's <see cref="LiveFigures"/> (one fetch per history version for all pages).
/// </summary>
public abstract class LivePage : ComponentBase, IDisposable
{
    [Inject] protected LiveBroadcaster Live { get; set; } = null!;
    [Inject] LiveFigures LiveFigures { get; set; } = null!;
    [Inject] AccessResolver Access { get; set; } = null!;
    /// <summary>The reader's words (their language) and the plain names of enums.</summary>
    [Inject] protected Words Words { get; set; } = null!;
    [CascadingParameter] Task<AuthenticationState>? AuthenticationState { get; set; }

    [SupplyParameterFromQuery(Name = "workspace")] public string? WorkspaceParameter { get; set; }

    protected string Workspace => string.IsNullOrEmpty(WorkspaceParameter) ? "demo" : WorkspaceParameter;
    protected WorkspaceSnapshot? Snapshot { get; private set; }
    protected IReadOnlyList<HistoryPoint> History { get; private set; } = [];
    protected string? Problem { get; private set; }
    /// <summary>Who is looking, and the part of the workspace's figures they see (every snapshot is cut to it before the page reads it).</summary>
    protected Viewer Viewer { get; private set; } = new(null, [], Visitor: true);
    protected FigureScope Scope { get; private set; } = FigureScope.None;
    /// <summary>Whether the viewer sees the whole workspace (leadership, admin).</summary>
    protected bool SeesAll => Scope.All;

    IDisposable? subscription;
    string? subscribedTo;
    long historyVersion = -1;

    protected override async Task OnParametersSetAsync()
    {
        if (subscribedTo == Workspace) return;
        subscription?.Dispose();
        Viewer = await Access.ViewerAsync(AuthenticationState is null ? null : (await AuthenticationState).User);
        Scope = Viewer.ScopeOf(Workspace);
        subscribedTo = Workspace;
        Snapshot = null;
        History = [];
        historyVersion = -1;
        Problem = null;
        if (!Keys.IsValidWorkspace(Workspace))
        {
            Problem = Names.InvalidWorkspace(Workspace);
            return;
        }
        if (!Viewer.Allows(Area.Figures, Workspace))
        {
            Problem = Words["Live.NotYourFigures", Workspace];
            return;
        }
        subscription = Live.Subscribe(Workspace, update => InvokeAsync(async () =>
        {
            await ApplyAsync(update.Snapshot);
            StateHasChanged();
        }));
        var snapshot = await LiveFigures.CurrentAsync(Workspace);
        if (snapshot is null) Problem = Words["Live.NoFigures", Workspace];
        else await ApplyAsync(snapshot);
    }

    async Task ApplyAsync(WorkspaceSnapshot snapshot)
    {
        if (snapshot.Workspace != Workspace || snapshot.Version == Snapshot?.Version) return;
        Snapshot = SnapshotFilter.Apply(snapshot, Scope);
        Problem = null;
        // The history is company-wide: only for those who may see it.
        if (snapshot.HistoryVersion != historyVersion && Viewer.Allows(Area.History, Workspace))
        {
            historyVersion = snapshot.HistoryVersion;
            History = await LiveFigures.HistoryAsync(Workspace, snapshot.HistoryVersion);
        }
        OnSnapshot(Snapshot);
    }

    /// <summary>Rebuilds the page's charts from a new snapshot and <see cref="History"/>.</summary>
    protected abstract void OnSnapshot(WorkspaceSnapshot snapshot);

    /// <summary>An amount in the workspace's money (its setup's currency symbol and culture), e.g. "€45k".</summary>
    protected string Money(decimal value) => Format.Money(value, Snapshot?.Money);

    protected string Link(string path) => $"{path}?workspace={Uri.EscapeDataString(Workspace)}";

    public void Dispose()
    {
        subscription?.Dispose();
        GC.SuppressFinalize(this);
    }
}
