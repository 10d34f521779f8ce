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

    /// <summary>Effective leads per day of each campaign, between consecutive history points.</summary>
    public static IList<ITrace> EffectiveLeadsPerDay(WorkspaceSnapshot s, IReadOnlyList<HistoryPoint> history) =>
        s.Campaigns.Select(c => (ITrace)new Scatter
        {
            Name = c.Name,
            Mode = Plotly.Blazor.Traces.ScatterLib.ModeFlag.Lines,
            X = history.Skip(1).Select(h => (object)h.AsOf.UtcDateTime).ToList(),
            Y = history.Zip(history.Skip(1)).Select(pair => (object)PerDay(pair.First, pair.Second, c.Id)).ToList(),
        }).ToList();

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
