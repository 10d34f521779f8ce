using Growth.Domain.Forecast;
using Plotly.Blazor;
using Plotly.Blazor.Traces;

namespace Growth.Dashboard.Components.Figures;

/// <summary>The Forecast page's charts: each team's closed, commit, best case and pipeline stacked against its target; the Monte Carlo band beside the calls.</summary>
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

    /// <summary>Per company, region and team: the Monte Carlo P50 with its P10–P90 band, beside the reps', the manager's and the model's calls and the target.</summary>
    public static IList<ITrace> MonteCarlo(MonteCarloForecast forecast, ForecastReport report)
    {
        var rows = report.Rows.Where(r => r.Level != ForecastLevel.Rep).ToDictionary(r => r.Id, StringComparer.Ordinal);
        var groups = forecast.Rows.Where(g => rows.ContainsKey(g.Id)).ToList();
        var x = groups.Select(g => (object)g.Name).ToList();
        Scatter Marks(string name, string color, Plotly.Blazor.Traces.ScatterLib.MarkerLib.SymbolEnum symbol, Func<ForecastRow, decimal?> value) => new()
        {
            Name = name, X = x, Y = groups.Select(g => value(rows[g.Id]) is { } v ? (object)v : null!).ToList(),
            Mode = Plotly.Blazor.Traces.ScatterLib.ModeFlag.Markers,
            Marker = new Plotly.Blazor.Traces.ScatterLib.Marker { Color = color, Symbol = symbol, Size = 10 },
        };
        return
        [
            new Scatter
            {
                Name = "Monte Carlo P50 (bar: P10–P90)", X = x, Y = groups.Select(g => (object)g.Revenue.P50).ToList(),
                Mode = Plotly.Blazor.Traces.ScatterLib.ModeFlag.Markers,
                Marker = new Plotly.Blazor.Traces.ScatterLib.Marker { Color = "#7c3aed", Size = 12 },
                ErrorY = new Plotly.Blazor.Traces.ScatterLib.ErrorY
                {
                    Type = Plotly.Blazor.Traces.ScatterLib.ErrorYLib.TypeEnum.Data, Symmetric = false, Visible = true, Thickness = 3, Width = 8,
                    Array = groups.Select(g => (object)(g.Revenue.P90 - g.Revenue.P50)).ToList(),
                    ArrayMinus = groups.Select(g => (object)(g.Revenue.P50 - g.Revenue.P10)).ToList(),
                },
            },
            Marks("Reps' call", "#2563eb", Plotly.Blazor.Traces.ScatterLib.MarkerLib.SymbolEnum.Square, r => r.RepsCall),
            Marks("Manager's call", "#f59e0b", Plotly.Blazor.Traces.ScatterLib.MarkerLib.SymbolEnum.TriangleUp, r => r.ManagerCall),
            Marks("Model call (closed + weighted)", "#10b981", Plotly.Blazor.Traces.ScatterLib.MarkerLib.SymbolEnum.Circle, r => r.ModelCall),
            Marks("Target", "#111827", Plotly.Blazor.Traces.ScatterLib.MarkerLib.SymbolEnum.Diamond, r => r.Target),
        ];
    }

    /// <summary>The week's pipeline waterfall: start, each flow up or down, end.</summary>
    public static IList<ITrace> Waterfall(PipelineWaterfall w) =>
    [
        new Waterfall
        {
            Name = "Open pipeline this quarter",
            X = ["Start", "New", "Pulled in", "Grown", "Shrunk", "Won", "Lost", "Slipped out", "End"],
            Y = [w.Start, w.New, w.PulledIn, w.Grown, -w.Shrunk, -w.Won, -w.Lost, -w.SlippedOut, w.End],
            Measure = ["absolute", "relative", "relative", "relative", "relative", "relative", "relative", "relative", "total"],
        },
    ];
}
