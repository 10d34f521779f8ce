using Growth.Dashboard.Live;
using Growth.Dashboard.Security;
using Growth.Domain.Access;
using Growth.Domain.Figures;
using Growth.Domain.Periods;
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
    /// <summary>The period the figures are for (<see cref="PeriodChoice"/>'s URL form); none: the fiscal quarter to date.</summary>
    [SupplyParameterFromQuery(Name = "period")] public string? PeriodQuery { get; set; }
    /// <summary>What the period is compared with: previous, year or none.</summary>
    [SupplyParameterFromQuery(Name = "compare")] public string? CompareQuery { get; set; }

    protected string Workspace => string.IsNullOrEmpty(WorkspaceParameter) ? "demo" : WorkspaceParameter;
    protected WorkspaceSnapshot? Snapshot { get; private set; }
    protected IReadOnlyList<HistoryPoint> History { get; private set; } = [];
    protected string? Problem { get; private set; }
    /// <summary>Who is looking, and the part of the workspace's figures they see (every snapshot is cut to it before the page reads it).</summary>
    protected Viewer Viewer { get; private set; } = new(null, [], Visitor: true);
    protected FigureScope Scope { get; private set; } = FigureScope.None;
    /// <summary>Whether the viewer sees the whole workspace (leadership, admin).</summary>
    protected bool SeesAll => Scope.All;

    /// <summary>Whether the page shows its figures for a period (Overview, Marketing, Sales, Insight); others read no period.</summary>
    protected virtual bool ShowsPeriod => false;
    /// <summary>The period the reader picked (or the default when the URL's could not be read or placed).</summary>
    protected PeriodChoice Choice { get; private set; } = PeriodChoice.Default;
    /// <summary>The period's figures and its comparison's, from the daily history; null without a history to count from.</summary>
    protected PeriodReport? InPeriod { get; private set; }
    /// <summary>Why the URL's period is not shown (it could not be read, or lies outside the history); null when it is.</summary>
    protected string? PeriodProblem { get; private set; }

    IDisposable? subscription;
    // The workspace's whole snapshot, before it is cut to the viewer: the period's "now" point is company-wide, like the history.
    WorkspaceSnapshot? whole;
    (string?, string?) periodRead = ("\0", null);
    string? subscribedTo;
    long historyVersion = -1;

    protected override async Task OnParametersSetAsync()
    {
        var periodChanged = ReadPeriod();
        if (subscribedTo == Workspace)
        {
            if (periodChanged && whole is not null && Snapshot is not null)
            {
                Measure(whole);
                OnSnapshot(Snapshot);
            }
            return;
        }
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
        whole = snapshot;
        Measure(snapshot);
        OnSnapshot(Snapshot);
    }

    /// <summary>Reads the period from the URL when it changed; true if it did.</summary>
    bool ReadPeriod()
    {
        if (!ShowsPeriod) return false;
        if (periodRead == (PeriodQuery, CompareQuery)) return false;
        periodRead = (PeriodQuery, CompareQuery);
        PeriodChoice.TryParse(PeriodQuery, CompareQuery, out var choice, out var problem);
        Choice = choice;
        PeriodProblem = Words.Refusal(problem);
        return true;
    }

    /// <summary>
    /// The period's figures from the history and the snapshot's now, on the company's calendar. A period that cannot be
    /// placed (a range outside the history) is said so and the default shown instead.
    /// </summary>
    void Measure(WorkspaceSnapshot snapshot)
    {
        InPeriod = null;
        if (!ShowsPeriod || History.Count == 0) return;
        var calendar = PeriodWords.Calendar(snapshot);
        ResolvedPeriod placed;
        try { placed = PeriodPlacement.Place(Choice, calendar, snapshot.AsOf, History[0].AsOf); }
        catch (PeriodException e)
        {
            PeriodProblem = e.Message;
            Choice = PeriodChoice.Default;
            placed = PeriodPlacement.Place(Choice, calendar, snapshot.AsOf);
        }
        InPeriod = PeriodReport.Of(placed, [.. History, PeriodReport.PointOf(snapshot)]);
    }

    /// <summary>Rebuilds the page's charts from a new snapshot and <see cref="History"/>.</summary>
    protected abstract void OnSnapshot(WorkspaceSnapshot snapshot);

    /// <summary>An amount in the workspace's money (its setup's currency symbol and culture), e.g. "€45k".</summary>
    protected string Money(decimal value) => Format.Money(value, Snapshot?.Money);

    protected string Link(string path) => $"{path}?workspace={Uri.EscapeDataString(Workspace)}";

    public void Dispose()
    {
        subscription?.Dispose();
        OnDispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>A page's own clean-up when it closes (such as cancelling a run it started).</summary>
    protected virtual void OnDispose() { }
}
