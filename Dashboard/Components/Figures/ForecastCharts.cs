using Growth.Domain.Forecast;
using Plotly.Blazor;
using Plotly.Blazor.Traces;

namespace Growth.Dashboard.Components.Figures;

/// <summary>The Forecast page's chart: each team's closed, commit, best case and pipeline stacked, against its target.</summary>
public static class ForecastCharts
{
    public static IList<ITrace> ByTeam(ForecastReport report)
    {
        var teams = report.Rows.Where(r => r.Level == ForecastLevel.Team).ToList();
        var x = teams.Select(t => (object)t.Name).ToList();
        Bar Part(string name, string color, Func<ForecastRow, decimal> value) => new()
        {
            Name = name, X = x, Y = teams.Select(t => (object)value(t)).ToList(),
            Marker = new Plotly.Blazor.Traces.BarLib.Marker { Color = color },
        };
        return
        [
            Part("Closed", "#10b981", t => t.Closed),
            Part("Commit", "#2563eb", t => t.Commit),
            Part("Best case", "#93c5fd", t => t.BestCase),
            Part("Pipeline", "#d1d5db", t => t.Pipeline),
            new Scatter
            {
                Name = "Target", X = x, Y = teams.Select(t => (object)t.Target).ToList(),
                Mode = Plotly.Blazor.Traces.ScatterLib.ModeFlag.Markers,
                Marker = new Plotly.Blazor.Traces.ScatterLib.Marker { Color = "#111827", Symbol = Plotly.Blazor.Traces.ScatterLib.MarkerLib.SymbolEnum.Diamond, Size = 12 },
            },
        ];
    }
}
