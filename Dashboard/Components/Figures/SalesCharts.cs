using Growth.Dashboard.Components.Shared;
using Growth.Domain.Figures;
using Plotly.Blazor;
using Plotly.Blazor.Traces;

namespace Growth.Dashboard.Components.Figures;

/// <summary>The Sales page's charts, built from a snapshot.</summary>
public static class SalesCharts
{
    /// <summary>Each team's attainment of its quarterly target, in %.</summary>
    public static IList<ITrace> Attainment(WorkspaceSnapshot s) =>
        [new Bar { X = Teams(s), Y = s.Teams.Select(t => (object)Math.Round(t.Attainment * 100, 1)).ToList() }];

    /// <summary>Open deals by conversation step.</summary>
    public static IList<ITrace> Pipeline(WorkspaceSnapshot s, Words words) =>
        [new Bar { X = s.Pipeline.Select(p => (object)words.Of(p.Step)).ToList(), Y = s.Pipeline.Select(p => (object)p.Count).ToList() }];

    /// <summary>Receivables by age, green to red.</summary>
    public static IList<ITrace> Ageing(WorkspaceSnapshot s, Words words)
    {
        var a = s.Receivables.Ageing;
        return
        [
            new Bar
            {
                X = new List<object> { words["Sales.AgeCurrent"], words["Sales.Age1To30"], words["Sales.Age31To60"], words["Sales.Age61To90"], words["Sales.AgeOver90"] },
                Y = new List<object> { a.Current, a.Days1To30, a.Days31To60, a.Days61To90, a.Over90 },
                Marker = new Plotly.Blazor.Traces.BarLib.Marker { Color = new List<object> { "#10b981", "#facc15", "#f59e0b", "#f97316", "#ef4444" } },
            },
        ];
    }

    /// <summary>Win rate (%) and cycle time (days) side by side per team.</summary>
    public static IList<ITrace> WinRateAndCycle(WorkspaceSnapshot s, Words words) =>
    [
        new Bar { Name = words["Sales.WinRatePercent"], X = Teams(s), Y = s.Teams.Select(t => (object)Math.Round(t.WinRate * 100, 1)).ToList() },
        new Bar { Name = words["Sales.CycleTimeDays"], X = Teams(s), Y = s.Teams.Select(t => (object)Math.Round(t.AverageDaysToClose, 1)).ToList() },
    ];

    static List<object> Teams(WorkspaceSnapshot s) => s.Teams.Select(t => (object)t.Name).ToList();
}
