using Growth.Dashboard.Components.Shared;
using Growth.Domain.Figures;
using Growth.Domain.Journeys;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using Plotly.Blazor;
using Plotly.Blazor.Traces;

namespace Growth.Dashboard.Components.Pages;

/// <summary>The overview: company money, where revenue comes from, the funnel, the customer lifecycle and notable events.</summary>
public partial class Home
{
    [Inject] IJSRuntime JS { get; set; } = null!;
    [Inject] NavigationManager Navigation { get; set; } = null!;
    [Inject] Growth.Dashboard.Application.Revenue.RevenueOrdersService RevenueOrders { get; set; } = null!;
    /// <summary>The times of each revenue curve's points (the period's, the comparison's), for a click to find its orders.</summary>
    List<DateTimeOffset[]> revenuePoints = [];
    /// <summary>The orders behind the revenue point last clicked (null: none clicked).</summary>
    Growth.Dashboard.Application.Revenue.RevenueOrderList? revenueOrders;
    /// <summary>The funnel's bars, in order: a click opens the records at that stage (for those who may see records).</summary>
    List<FunnelStage> funnelStages = [];
    /// <summary>The notable events already seen; null until the first snapshot (whose events are not news).</summary>
    HashSet<NotableEvent>? seen;
    string? announcement;
    IList<ITrace> revenueTraces = [];
    IList<ITrace> funnelTraces = [];
    IList<ITrace> lifecycleTraces = [];
    Plotly.Blazor.Layout revenueLayout = null!, funnelLayout = null!, lifecycleLayout = null!;

    protected override bool ShowsPeriod => true;

    protected override void OnInitialized()
    {
        revenueLayout = Charts.Layout(Words["Home.RevenueChart"], null, Words["Home.RevenueAxis"]).WithDates(Words).LegendBelow();
        funnelLayout = Charts.Layout(Words["Home.Funnel"], legend: false);
        // Stage names sit left of the bars: room for the longest, whichever the language.
        funnelLayout.Margin.L = 130;
        // Lifecycle counts are kept as running totals only: all time, whatever the period (the title says so).
        lifecycleLayout = Charts.Layout(Words["Home.LifecycleAllTime"], null, Words["Home.CustomersAxis"], legend: false);
    }

    protected override void OnSnapshot(WorkspaceSnapshot s)
    {
        Announce(s.Notables);
        revenueTraces = RevenueTraces(s);
        // Reach dwarfs every later stage, so it is named in the title and the bars start at the lead.
        // Entries into each stage in the period (from the daily history); all time when there is no history to count from.
        var entered = InPeriod?.Current?.Entered is { Length: > 0 } e ? e : [.. s.Funnel.Select(f => f.Entered)];
        var stages = s.Funnel.Where(f => f.Stage != FunnelStage.CampaignTouch).Select(f => f with { Entered = entered[(int)f.Stage] }).ToList();
        funnelLayout.Title.Text = Words[InPeriod?.Current is null ? "Home.FunnelReach" : "Home.FunnelReachPeriod", Format.Number(entered[0])];
        funnelStages = stages.Select(f => f.Stage).ToList();
        funnelTraces =
        [
            new Funnel
            {
                Y = stages.Select(f => (object)Words.Of(f.Stage)).ToList(),
                X = stages.Select(f => (object)f.Entered).ToList(),
                TextInfo = Plotly.Blazor.Traces.FunnelLib.TextInfoFlag.Value | Plotly.Blazor.Traces.FunnelLib.TextInfoFlag.PercentPrevious,
            },
        ];
        var l = s.Lifecycle;
        lifecycleTraces =
        [
            new Bar
            {
                X = Figures.OverviewDrill.LifecycleBars.Select(stage => (object)Words.Of(stage)).ToList(),
                Y = Figures.OverviewDrill.LifecycleBars.Select(stage => (object)Figures.OverviewDrill.Bar(l, stage)).ToList(),
                Marker = new Plotly.Blazor.Traces.BarLib.Marker { Color = new List<object> { "#3b82f6", "#06b6d4", "#10b981", "#84cc16", "#f59e0b", "#ef4444" } },
            },
        ];
    }

    /// <summary>Puts the newest significant event (an anomaly, a large win) not seen before in the live region.</summary>
    void Announce(IReadOnlyList<NotableEvent> notables)
    {
        var fresh = seen is null ? [] : notables.Where(n => n.Kind is "Anomaly" or "LargeWin" && !seen.Contains(n)).ToList();
        seen = [.. notables];
        if (fresh.Count > 0) announcement = Words["Home.Announce", Words.Notable(fresh.MaxBy(n => n.At)!)];
    }

    Task PrintAsync() => JS.InvokeVoidAsync("print").AsTask();

    /// <summary>
    /// Revenue booked since the period began, day by day, and the comparison period's laid over the same days (shifted
    /// to the period's start). The quarter's projection and target only when the period is the fiscal quarter.
    /// </summary>
    List<ITrace> RevenueTraces(WorkspaceSnapshot s)
    {
        var traces = new List<ITrace>();
        revenuePoints = [];
        if (InPeriod is not { Current: { } now } report) return traces;
        var range = report.Period.Current;
        revenueLayout.Title.Text = Words["Home.RevenueChartPeriod", Words.PeriodLabel(report)];
        Figures.SetupMarkFigures.Apply(revenueLayout, s.SetupMarks, range.Start, range.End);
        traces.Add(Booked(Words["Home.RevenueBooked"], now.CountedFrom, range.End, TimeSpan.Zero, null));
        if (report.Comparison is { } then && report.Period.Comparison is { } was)
            traces.Add(Booked(Words["Home.RevenueComparison", Words.Days(was)], then.CountedFrom, was.End, range.Start - was.Start, "dot"));
        // The quarter's projection and target are the quarter's: drawn over another period they would mislead.
        if (report.Period.Choice.Kind != Growth.Domain.Periods.PeriodKind.Quarter || s.Period is not { } p || s.FromHistory) return traces;
        traces.Add(new Scatter
        {
            Name = Words["Home.Projection"],
            Mode = Plotly.Blazor.Traces.ScatterLib.ModeFlag.Lines,
            Line = new Plotly.Blazor.Traces.ScatterLib.Line { Dash = "dot", Color = "#64748b" },
            X = new List<object> { s.AsOf.UtcDateTime, p.End.UtcDateTime },
            Y = new List<object> { p.Revenue, p.Projection },
        });
        traces.Add(new Scatter
        {
            Name = Words["Home.Target"],
            Mode = Plotly.Blazor.Traces.ScatterLib.ModeFlag.Lines,
            Line = new Plotly.Blazor.Traces.ScatterLib.Line { Dash = "dash", Color = "#ef4444" },
            X = new List<object> { p.Start.UtcDateTime, p.End.UtcDateTime },
            Y = new List<object> { 0m, p.Target },
        });
        return traces;
    }

    /// <summary>Cumulative revenue from <paramref name="from"/> to <paramref name="to"/>, drawn <paramref name="shift"/> later.</summary>
    Scatter Booked(string name, DateTimeOffset from, DateTimeOffset to, TimeSpan shift, string? dash)
    {
        var points = History.Where(h => h.AsOf >= from && h.AsOf <= to).ToList();
        if (Snapshot is { } s && s.AsOf <= to && (points.Count == 0 || points[^1].AsOf < s.AsOf))
            points.Add(Growth.Domain.Periods.PeriodReport.PointOf(s));
        var start = points.Count > 0 ? points[0].Revenue.Total : 0m;
        revenuePoints.Add([.. points.Select(h => h.AsOf)]);
        return new Scatter
        {
            Name = name,
            Mode = Plotly.Blazor.Traces.ScatterLib.ModeFlag.Lines,
            Line = dash is null ? null : new Plotly.Blazor.Traces.ScatterLib.Line { Dash = dash },
            X = points.Select(h => (object)(h.AsOf + shift).UtcDateTime).ToList(),
            Y = points.Select(h => (object)(h.Revenue.Total - start)).ToList(),
        };
    }

    /// <summary>
    /// A point of the revenue line lists the orders behind it (<see cref="Figures.OverviewDrill.RevenueWindow"/>) under the
    /// chart, for those who may see records (the line is only drawn for those who see the whole workspace).
    /// </summary>
    Action<Plotly.Blazor.Interop.EventDataPoint>? RevenueClick => SeesAll && Viewer.Allows(Growth.Domain.Access.Area.Customer, Workspace) ? point =>
    {
        var curve = int.TryParse(point.CurveNumber?.ToString(), System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var c) ? c : -1;
        if (Figures.OverviewDrill.RevenueWindow(revenuePoints, curve, RecordLinks.IndexOf(point)) is { } window) _ = ListOrdersAsync(window.After, window.Until);
    } : null;

    async Task ListOrdersAsync(DateTimeOffset after, DateTimeOffset until)
    {
        revenueOrders = await RevenueOrders.ListAsync(Workspace, Scope, after, until);
        await InvokeAsync(StateHasChanged);
    }

    Action<Plotly.Blazor.Interop.EventDataPoint>? FunnelClick => Viewer.Allows(Growth.Domain.Access.Area.Customer, Workspace) ? OpenStage : null;

    /// <summary>
    /// A lifecycle bar opens the customers at that stage (<see cref="Figures.OverviewDrill"/>), for those who see the whole
    /// workspace and may see records (the bars are the whole workspace's; a cut viewer's list would not match them).
    /// </summary>
    Action<Plotly.Blazor.Interop.EventDataPoint>? LifecycleClick => SeesAll && Viewer.Allows(Growth.Domain.Access.Area.Customer, Workspace) ? point =>
    {
        if (Figures.OverviewDrill.Lifecycle(Workspace, RecordLinks.IndexOf(point)) is { } address) Navigation.NavigateTo(address);
    } : null;

    void OpenStage(Plotly.Blazor.Interop.EventDataPoint point)
    {
        var index = RecordLinks.IndexOf(point);
        if (index < 0 || index >= funnelStages.Count) return;
        var stage = funnelStages[index];
        Navigation.NavigateTo(RecordLinks.Of(Workspace, RecordLinks.KindAt(stage), ("stage", stage.ToString())));
    }
}
