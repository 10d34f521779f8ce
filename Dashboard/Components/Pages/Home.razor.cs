using Growth.Dashboard.Components.Shared;
using Growth.Domain.Figures;
using Growth.Domain.Journeys;
using Plotly.Blazor;
using Plotly.Blazor.Traces;

namespace Growth.Dashboard.Components.Pages;

/// <summary>The overview: company money, where revenue comes from, the funnel, the customer lifecycle and notable events.</summary>
public partial class Home
{
    HistoryPoint? week;
    IList<ITrace> revenueTraces = [];
    IList<ITrace> funnelTraces = [];
    IList<ITrace> lifecycleTraces = [];
    readonly Plotly.Blazor.Layout revenueLayout = Charts.Layout("Revenue this quarter against target");
    readonly Plotly.Blazor.Layout funnelLayout = FunnelLayout();

    static Plotly.Blazor.Layout FunnelLayout()
    {
        var layout = Charts.Layout("Funnel", legend: false);
        layout.Margin.L = 120;
        return layout;
    }
    readonly Plotly.Blazor.Layout lifecycleLayout = Charts.Layout("Customer lifecycle", legend: false);

    protected override void OnSnapshot(WorkspaceSnapshot s)
    {
        week = History.LastOrDefault(h => h.AsOf <= s.AsOf.AddDays(-7));
        revenueTraces = RevenueTraces(s);
        // Reach dwarfs every later stage, so it is named in the title and the bars start at the lead.
        var stages = s.Funnel.Where(f => f.Stage != FunnelStage.CampaignTouch).ToList();
        funnelLayout.Title.Text = $"Funnel: campaigns reached {Format.Number(s.Funnel[0].Entered)} people; from lead to payment";
        funnelTraces =
        [
            new Funnel
            {
                Y = stages.Select(f => (object)f.Stage.ToString()).ToList(),
                X = stages.Select(f => (object)f.Entered).ToList(),
                TextInfo = Plotly.Blazor.Traces.FunnelLib.TextInfoFlag.Value | Plotly.Blazor.Traces.FunnelLib.TextInfoFlag.PercentPrevious,
            },
        ];
        var l = s.Lifecycle;
        lifecycleTraces =
        [
            new Bar
            {
                X = new List<object> { "Acquired", "Activated", "Retained", "Upsold", "Referred", "Churned" },
                Y = new List<object> { l.Acquired, l.Activated, l.Retained, l.Upsold, l.Referred, l.Churned },
                Marker = new Plotly.Blazor.Traces.BarLib.Marker { Color = new List<object> { "#3b82f6", "#06b6d4", "#10b981", "#84cc16", "#f59e0b", "#ef4444" } },
            },
        ];
    }

    List<ITrace> RevenueTraces(WorkspaceSnapshot s)
    {
        var traces = new List<ITrace>();
        if (s.Period is not { } p) return traces;
        Figures.SetupMarkFigures.Apply(revenueLayout, s.SetupMarks, p.Start, p.End);
        var start = History.LastOrDefault(h => h.AsOf <= p.Start)?.Revenue.Total ?? 0m;
        var points = History.Where(h => h.AsOf >= p.Start).ToList();
        traces.Add(new Scatter
        {
            Name = "Revenue booked",
            Mode = Plotly.Blazor.Traces.ScatterLib.ModeFlag.Lines,
            X = points.Select(h => (object)h.AsOf.UtcDateTime).Append(s.AsOf.UtcDateTime).ToList(),
            Y = points.Select(h => (object)(h.Revenue.Total - start)).Append(p.Revenue).ToList(),
        });
        traces.Add(new Scatter
        {
            Name = "Projection",
            Mode = Plotly.Blazor.Traces.ScatterLib.ModeFlag.Lines,
            Line = new Plotly.Blazor.Traces.ScatterLib.Line { Dash = "dot" },
            X = new List<object> { s.AsOf.UtcDateTime, p.End.UtcDateTime },
            Y = new List<object> { p.Revenue, p.Projection },
        });
        traces.Add(new Scatter
        {
            Name = "Target",
            Mode = Plotly.Blazor.Traces.ScatterLib.ModeFlag.Lines,
            Line = new Plotly.Blazor.Traces.ScatterLib.Line { Dash = "dash", Color = "#ef4444" },
            X = new List<object> { p.Start.UtcDateTime, p.End.UtcDateTime },
            Y = new List<object> { 0m, p.Target },
        });
        return traces;
    }
}
