using Growth.Domain.Figures;
using Plotly.Blazor.LayoutLib;

namespace Growth.Dashboard.Components.Figures;

/// <summary>
/// Setup changes on a time chart: a dotted vertical line at the simulated time each version took effect, with a short
/// label ("v3: rep-7 quota …") at the top. Only the marks inside the chart's window are drawn.
/// </summary>
public static class SetupMarkFigures
{
    /// <summary>Longest label drawn (characters); the rest is cut with an ellipsis.</summary>
    public const int LabelLength = 32;

    public static void Apply(Plotly.Blazor.Layout layout, IReadOnlyList<SetupMark> marks, DateTimeOffset from, DateTimeOffset to)
    {
        var shown = marks.Where(m => m.At >= from && m.At <= to).ToList();
        layout.Shapes = shown.Select(m => new Shape
        {
            Type = Plotly.Blazor.LayoutLib.ShapeLib.TypeEnum.Line,
            XRef = "x",
            YRef = "paper",
            X0 = m.At.UtcDateTime,
            X1 = m.At.UtcDateTime,
            Y0 = 0,
            Y1 = 1,
            Line = new Plotly.Blazor.LayoutLib.ShapeLib.Line { Color = "#7c3aed", Width = 1, Dash = "dot" },
        }).ToList();
        layout.Annotations = shown.Select((m, i) => new Annotation
        {
            XRef = "x",
            YRef = "paper",
            X = m.At.UtcDateTime,
            // Staggered so neighbouring labels do not sit on each other.
            Y = 1 - 0.08 * (i % 3),
            Text = Label(m),
            ShowArrow = false,
            XAnchor = Plotly.Blazor.LayoutLib.AnnotationLib.XAnchorEnum.Left,
            Font = new Plotly.Blazor.LayoutLib.AnnotationLib.Font { Size = 10, Color = "#7c3aed" },
            HoverText = $"v{m.Version}: {m.Summary}",
        }).ToList();
    }

    public static string Label(SetupMark m)
    {
        var text = $"v{m.Version}: {m.Summary}";
        return text.Length <= LabelLength ? text : text[..(LabelLength - 1)] + "…";
    }
}
