using Growth.Dashboard.Components.Shared;
using Growth.Domain.Figures;
using Plotly.Blazor;
using Plotly.Blazor.Traces;

namespace Growth.Dashboard.Components.Figures;

/// <summary>The Marketing page's charts, built from a snapshot and its history.</summary>
public static class MarketingCharts
{
    public static IList<ITrace> SpendAgainstRevenue(WorkspaceSnapshot s, Words words)
    {
        var names = Names(s);
        return
        [
            new Bar { Name = words["Marketing.Spend"], X = names, Y = s.Campaigns.Select(c => (object)c.Spend).ToList() },
            new Bar { Name = words["Marketing.AttributedRevenue"], X = names, Y = s.Campaigns.Select(c => (object)c.AttributedRevenue).ToList() },
        ];
    }

    /// <summary>Return on investment per campaign in %, red where it loses money.</summary>
    public static IList<ITrace> Roi(WorkspaceSnapshot s) =>
    [
        new Bar
        {
            X = Names(s), Y = s.Campaigns.Select(c => (object)(c.Roi * 100)).ToList(),
            Marker = new Plotly.Blazor.Traces.BarLib.Marker { Color = s.Campaigns.Select(c => (object)(c.Roi < 0 ? "#ef4444" : "#10b981")).ToList() },
        },
    ];

    /// <summary>Days in the trailing average of a daily series (days; source: assumed, a week evens out weekday and weekend).</summary>
    public const int SmoothingDays = 7;
    static readonly string[] Palette = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf"];

    /// <summary>
    /// Effective leads per day of each campaign: the 7-day trailing average as the line to read, each day's figure
    /// (noisy: a handful of leads a day) faint behind it in the same colour.
    /// </summary>
    public static IList<ITrace> EffectiveLeadsPerDay(WorkspaceSnapshot s, IReadOnlyList<HistoryPoint> history, Words words)
    {
        var x = history.Skip(1).Select(h => (object)h.AsOf.UtcDateTime).ToList();
        var traces = new List<ITrace>();
        foreach (var (c, i) in s.Campaigns.Select((c, i) => (c, i)))
        {
            var colour = Palette[i % Palette.Length];
            var daily = history.Zip(history.Skip(1)).Select(pair => PerDay(pair.First, pair.Second, c.Id)).ToList();
            traces.Add(new Scatter
            {
                Name = c.Name, LegendGroup = c.Id, ShowLegend = false, Opacity = 0.3m, HoverInfo = Plotly.Blazor.Traces.ScatterLib.HoverInfoFlag.None,
                Mode = Plotly.Blazor.Traces.ScatterLib.ModeFlag.Lines,
                Line = new Plotly.Blazor.Traces.ScatterLib.Line { Color = colour, Width = 1 },
                X = x, Y = daily.Select(v => (object)v).ToList(),
            });
            traces.Add(new Scatter
            {
                Name = words["Marketing.SevenDayAverage", c.Name], LegendGroup = c.Id,
                Mode = Plotly.Blazor.Traces.ScatterLib.ModeFlag.Lines,
                Line = new Plotly.Blazor.Traces.ScatterLib.Line { Color = colour, Width = 2.5m },
                X = x, Y = TrailingAverage(history.Skip(1).Select(h => h.AsOf).ToList(), daily).Select(v => (object)v).ToList(),
            });
        }
        return traces;
    }

    /// <summary>Each point's average over the points of the <see cref="SmoothingDays"/> days up to it (fewer at the start).</summary>
    public static IReadOnlyList<double> TrailingAverage(IReadOnlyList<DateTimeOffset> at, IReadOnlyList<double> values)
    {
        var result = new double[values.Count];
        var from = 0;
        var sum = 0.0;
        for (var i = 0; i < values.Count; i++)
        {
            sum += values[i];
            while (at[i] - at[from] >= TimeSpan.FromDays(SmoothingDays)) sum -= values[from++];
            result[i] = Math.Round(sum / (i - from + 1), 1);
        }
        return result;
    }

    /// <summary>Effective and junk leads per channel, to be stacked.</summary>
    public static IList<ITrace> LeadsByChannel(WorkspaceSnapshot s, Words words)
    {
        var channels = s.Campaigns.Where(c => c.Channel is not null).GroupBy(c => c.Channel!.Value).ToList();
        var labels = channels.Select(g => (object)words.Of(g.Key)).ToList();
        return
        [
            new Bar { Name = words["Marketing.Effective"], X = labels, Y = channels.Select(g => (object)g.Sum(c => c.EffectiveLeads)).ToList() },
            new Bar { Name = words["Marketing.Junk"], X = labels, Y = channels.Select(g => (object)g.Sum(c => c.Leads - c.EffectiveLeads)).ToList() },
        ];
    }

    static List<object> Names(WorkspaceSnapshot s) => s.Campaigns.Select(c => (object)c.Name).ToList();

    static double PerDay(HistoryPoint a, HistoryPoint b, string campaign)
    {
        var days = Math.Max((b.AsOf - a.AsOf).TotalDays, 1e-9);
        var before = a.Campaigns.GetValueOrDefault(campaign)?.EffectiveLeads ?? 0;
        var after = b.Campaigns.GetValueOrDefault(campaign)?.EffectiveLeads ?? 0;
        return Math.Round((after - before) / days, 1);
    }
}
