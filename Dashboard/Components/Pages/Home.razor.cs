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
    HistoryPoint? week;
    /// <summary>The notable events already seen; null until the first snapshot (whose events are not news).</summary>
    HashSet<NotableEvent>? seen;
    string? announcement;
    IList<ITrace> revenueTraces = [];
    IList<ITrace> funnelTraces = [];
    IList<ITrace> lifecycleTraces = [];
    Plotly.Blazor.Layout revenueLayout = null!, funnelLayout = null!, lifecycleLayout = null!;

    protected override void OnInitialized()
    {
        revenueLayout = Charts.Layout(Words["Home.RevenueChart"], null, Words["Home.RevenueAxis"]).WithDates(Words);
        funnelLayout = Charts.Layout(Words["Home.Funnel"], legend: false);
        // Stage names sit left of the bars: room for the longest, whichever the language.
        funnelLayout.Margin.L = 130;
        lifecycleLayout = Charts.Layout(Words["Home.Lifecycle"], null, Words["Home.CustomersAxis"], legend: false);
    }

    protected override void OnSnapshot(WorkspaceSnapshot s)
    {
        week = History.LastOrDefault(h => h.AsOf <= s.AsOf.AddDays(-7));
        Announce(s.Notables);
        revenueTraces = RevenueTraces(s);
        // Reach dwarfs every later stage, so it is named in the title and the bars start at the lead.
        var stages = s.Funnel.Where(f => f.Stage != FunnelStage.CampaignTouch).ToList();
        funnelLayout.Title.Text = Words["Home.FunnelReach", Format.Number(s.Funnel[0].Entered)];
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
                X = Enum.GetValues<LifecycleStage>().Select(stage => (object)Words.Of(stage)).ToList(),
                Y = new List<object> { l.Acquired, l.Activated, l.Retained, l.Upsold, l.Referred, l.Churned },
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

    List<ITrace> RevenueTraces(WorkspaceSnapshot s)
    {
        var traces = new List<ITrace>();
        if (s.Period is not { } p) return traces;
        Figures.SetupMarkFigures.Apply(revenueLayout, s.SetupMarks, p.Start, p.End);
        // An imported history's chart spans the history: cumulative revenue from its first event; a live one's, the quarter.
        var whole = s.FromHistory;
        var start = whole ? 0m : History.LastOrDefault(h => h.AsOf <= p.Start)?.Revenue.Total ?? 0m;
        var points = History.Where(h => whole || h.AsOf >= p.Start).ToList();
        var now = whole ? s.Revenue.Total : p.Revenue;
        traces.Add(new Scatter
        {
            Name = Words["Home.RevenueBooked"],
            Mode = Plotly.Blazor.Traces.ScatterLib.ModeFlag.Lines,
            X = points.Select(h => (object)h.AsOf.UtcDateTime).Append(s.AsOf.UtcDateTime).ToList(),
            Y = points.Select(h => (object)(h.Revenue.Total - start)).Append(now).ToList(),
        });
        // The quarter's projection and target are the cards' business; drawn over the history's total they would mislead.
        if (whole) return traces;
        traces.Add(new Scatter
        {
            Name = Words["Home.Projection"],
            Mode = Plotly.Blazor.Traces.ScatterLib.ModeFlag.Lines,
            Line = new Plotly.Blazor.Traces.ScatterLib.Line { Dash = "dot" },
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
}
