using Growth.Domain.Forecast;
using Plotly.Blazor;
using Plotly.Blazor.Traces;

namespace Growth.Dashboard.Components.Figures;

/// <summary>The Forecast page's charts: each team's closed, commit, best case and pipeline stacked against its target; the Monte Carlo band beside the calls.</summary>
public static class ForecastCharts
{
    /// <summary>The team rows in the order of the team chart's bars.</summary>
    public static IReadOnlyList<ForecastRow> Teams(ForecastReport report) => report.Rows.Where(r => r.Level == ForecastLevel.Team).ToList();

    /// <summary>The open deals' category a trace of the team chart shows (Closed and the target: none).</summary>
    public static ForecastCategory? CategoryOf(int traceIndex) => traceIndex switch
    {
        1 => ForecastCategory.Commit, 2 => ForecastCategory.BestCase, 3 => ForecastCategory.Pipeline, _ => null,
    };

    public static IList<ITrace> ByTeam(ForecastReport report, Shared.Words words)
    {
        var teams = Teams(report);
        var x = teams.Select(t => (object)t.Name).ToList();
        Bar Part(string name, string color, Func<ForecastRow, decimal> value) => new()
        {
            Name = name, X = x, Y = teams.Select(t => (object)value(t)).ToList(),
            Marker = new Plotly.Blazor.Traces.BarLib.Marker { Color = color },
        };
        return
        [
            Part(words.Of(ForecastCategory.Closed), "#10b981", t => t.Closed),
            Part(words.Of(ForecastCategory.Commit), "#2563eb", t => t.Commit),
            Part(words.Of(ForecastCategory.BestCase), "#93c5fd", t => t.BestCase),
            Part(words.Of(ForecastCategory.Pipeline), "#d1d5db", t => t.Pipeline),
            new Scatter
            {
                Name = words["Forecast.Target"], X = x, Y = teams.Select(t => (object)t.Target).ToList(),
                Mode = Plotly.Blazor.Traces.ScatterLib.ModeFlag.Markers,
                Marker = new Plotly.Blazor.Traces.ScatterLib.Marker { Color = "#111827", Symbol = Plotly.Blazor.Traces.ScatterLib.MarkerLib.SymbolEnum.Diamond, Size = 12 },
            },
        ];
    }

    /// <summary>Per company, region and team: the Monte Carlo P50 with its P10–P90 band, beside the reps', the manager's and the model's calls and the target.</summary>
    public static IList<ITrace> MonteCarlo(MonteCarloForecast forecast, ForecastReport report, Shared.Words words)
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
                Name = words["MonteCarlo.P50Trace"], X = x, Y = groups.Select(g => (object)g.Revenue.P50).ToList(),
                Mode = Plotly.Blazor.Traces.ScatterLib.ModeFlag.Markers,
                Marker = new Plotly.Blazor.Traces.ScatterLib.Marker { Color = "#7c3aed", Size = 12 },
                ErrorY = new Plotly.Blazor.Traces.ScatterLib.ErrorY
                {
                    Type = Plotly.Blazor.Traces.ScatterLib.ErrorYLib.TypeEnum.Data, Symmetric = false, Visible = true, Thickness = 3, Width = 8,
                    Array = groups.Select(g => (object)(g.Revenue.P90 - g.Revenue.P50)).ToList(),
                    ArrayMinus = groups.Select(g => (object)(g.Revenue.P50 - g.Revenue.P10)).ToList(),
                },
            },
            Marks(words["Forecast.RepsCall"], "#2563eb", Plotly.Blazor.Traces.ScatterLib.MarkerLib.SymbolEnum.Square, r => r.RepsCall),
            Marks(words["Forecast.ManagerCall"], "#f59e0b", Plotly.Blazor.Traces.ScatterLib.MarkerLib.SymbolEnum.TriangleUp, r => r.ManagerCall),
            Marks(words["MonteCarlo.ModelCall"], "#10b981", Plotly.Blazor.Traces.ScatterLib.MarkerLib.SymbolEnum.Circle, r => r.ModelCall),
            Marks(words["Forecast.Target"], "#111827", Plotly.Blazor.Traces.ScatterLib.MarkerLib.SymbolEnum.Diamond, r => r.Target),
        ];
    }

    /// <summary>The resource-key part of each waterfall bar's name, in the chart's order (<see cref="WaterfallFlow"/>).</summary>
    public static readonly string[] WaterfallKeys = ["start", "new", "pulledin", "grown", "shrunk", "won", "lost", "slipped", "end"];

    /// <summary>The week's pipeline waterfall: start, each flow up or down, end.</summary>
    public static IList<ITrace> Waterfall(PipelineWaterfall w, Shared.Words words) =>
    [
        new Waterfall
        {
            Name = words["Waterfall.Trace"],
            X = [.. WaterfallKeys.Select(k => (object)words["Waterfall.Bar." + k])],
            Y = [w.Start, w.New, w.PulledIn, w.Grown, -w.Shrunk, -w.Won, -w.Lost, -w.SlippedOut, w.End],
            Measure = ["absolute", "relative", "relative", "relative", "relative", "relative", "relative", "relative", "total"],
        },
    ];
}
