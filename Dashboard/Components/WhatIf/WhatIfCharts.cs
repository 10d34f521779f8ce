using Growth.Dashboard.Components.Shared;
using Growth.Domain.Projection;
using Plotly.Blazor.LayoutLib;
using Plotly.Blazor.Traces.ScatterLib;
using Plotly.Blazor.Traces;
using Plotly.Blazor;

namespace Growth.Dashboard.Components.WhatIf;

/// <summary>
/// The What-if page's figures, built from a comparison: each run's cumulative revenue band and median against the
/// target, the chance of reaching it, each run's cost, and the levers' sensitivity (tornado). The layouts stay the same
/// objects from one run to the next, so the charts redraw in place.
/// </summary>
public sealed class WhatIfCharts(Words words)
{
    static readonly IReadOnlyList<string> Colours = ["#64748b", "#2563eb", "#10b981", "#f59e0b", "#ef4444"];

    public Plotly.Blazor.Layout FanLayout { get; } = Charts.Layout(words["WhatIf.FanTitle"], 360).WithDates(words);
    public Plotly.Blazor.Layout OddsLayout { get; } = Charts.Layout(words["WhatIf.OddsTitle"], 360, legend: false).Percent();
    public Plotly.Blazor.Layout CostLayout { get; } = Charts.Layout(words["WhatIf.CostTitle"], 360);
    public Plotly.Blazor.Layout TornadoLayout { get; } = Charts.Layout(words["WhatIf.TornadoTitle"], words["WhatIf.ChanceAxis"], null, 360);

    public IList<ITrace> Fan { get; private set; } = [];
    public IList<ITrace> Odds { get; private set; } = [];
    public IList<ITrace> Cost { get; private set; } = [];
    public IList<ITrace> Tornado { get; private set; } = [];
    /// <summary>Whether the comparison ranked the levers (the tornado has something to show).</summary>
    public bool HasTornado { get; private set; }

    /// <summary>Rebuilds every figure from <paramref name="c"/>.</summary>
    public void Draw(ProjectionComparison c)
    {
        var runs = ComparisonRun.Of(c);
        Fan = FanTraces(c, runs, words);

        var names = runs.Select(r => (object)RunName(words, r.Name)).ToList();
        Odds = [new Bar { X = names, Y = runs.Select(r => (object)(r.Run.Company.Probability * 100)).ToList() }];
        CostLayout.BarMode = BarModeEnum.Stack;
        Cost =
        [
            new Bar { Name = words["WhatIf.Incentive"], X = names, Y = runs.Select(r => (object)r.Run.Cost.Incentive.Mean).ToList() },
            new Bar { Name = words["WhatIf.ColMarketing"], X = names, Y = runs.Select(r => (object)r.Run.Cost.Marketing).ToList() },
            new Bar { Name = words["WhatIf.ColHires"], X = names, Y = runs.Select(r => (object)r.Run.Cost.Hires).ToList() },
        ];

        // Most sensitive lever on top: Plotly draws the first category at the bottom.
        var bars = c.Sensitivity.Reverse().ToList();
        var levers = bars.Select(b => (object)Lever(words, b.Lever)).ToList();
        TornadoLayout.BarMode = BarModeEnum.Group;
        Tornado =
        [
            new Bar { Name = words["WhatIf.LeverLow"], Orientation = Plotly.Blazor.Traces.BarLib.OrientationEnum.H, Y = levers,
                X = bars.Select(b => (object)(b.LowProbability * 100)).ToList(), TextArray = bars.Select(b => Setting(words, b.Low)).ToArray() },
            new Bar { Name = words["WhatIf.LeverHigh"], Orientation = Plotly.Blazor.Traces.BarLib.OrientationEnum.H, Y = levers,
                X = bars.Select(b => (object)(b.HighProbability * 100)).ToList(), TextArray = bars.Select(b => Setting(words, b.High)).ToArray() },
        ];
        HasTornado = c.Sensitivity.Count > 0;
    }

    /// <summary>Each run's P10–P90 band (a transparent P10 line, then P90 filled down to it) and median, and the target line.</summary>
    static List<ITrace> FanTraces(ProjectionComparison c, IReadOnlyList<ComparisonRun> runs, Words words)
    {
        var traces = new List<ITrace>();
        var i = 0;
        foreach (var (id, run, _) in runs)
        {
            var name = RunName(words, id);
            var colour = Colours[i++ % Colours.Count];
            var x = WeekEnds(run);
            traces.Add(new Scatter { Name = $"{name} P10", X = x, Y = run.Timeline.Select(w => (object)w.CumulativeRevenue.P10).ToList(),
                Mode = ModeFlag.Lines, Line = new Line { Width = 0, Color = colour }, ShowLegend = false });
            traces.Add(new Scatter { Name = words["WhatIf.Band", name], X = x, Y = run.Timeline.Select(w => (object)w.CumulativeRevenue.P90).ToList(),
                Mode = ModeFlag.Lines, Fill = FillEnum.ToNextY, FillColor = colour + "33", Line = new Line { Width = 0, Color = colour } });
            traces.Add(new Scatter { Name = words["WhatIf.Median", name], X = x, Y = run.Timeline.Select(w => (object)w.CumulativeRevenue.P50).ToList(),
                Mode = ModeFlag.Lines, Line = new Line { Color = colour } });
        }
        traces.Add(new Scatter { Name = words["WhatIf.ColTarget"], X = WeekEnds(c.Baseline), Y = c.Baseline.Timeline.Select(w => (object)w.CumulativeTarget).ToList(),
            Mode = ModeFlag.Lines, Line = new Line { Color = "#111827", Dash = "dash" } });
        return traces;
    }

    /// <summary>A run's name as shown: the baseline in the reader's words, a saved scenario by the name it was given.</summary>
    public static string RunName(Words words, string name) => name == "baseline" ? words["WhatIf.Baseline"] : name;

    /// <summary>A tornado lever ("Marketing budget") in the reader's words; one without words as the model names it.</summary>
    static string Lever(Words words, string lever)
    {
        var key = "WhatIf.Lever." + lever.Replace(" ", "").Replace("-", "");
        var said = words[key];
        return said == key ? lever : said;
    }

    /// <summary>A lever's setting on a tornado bar: "12 reps" in the reader's words, a percentage or hours as they are.</summary>
    static string Setting(Words words, string setting) =>
        setting.EndsWith(" reps", StringComparison.Ordinal) ? words["WhatIf.Reps", setting[..^5]] : setting;

    /// <summary>When each week of the run ends (the cumulative figures are at the end of the week).</summary>
    static List<object> WeekEnds(ProjectionResult run) => run.Timeline.Select(w => (object)w.Start.AddDays(7).UtcDateTime).ToList();
}
