using Plotly.Blazor.LayoutLib;

namespace Growth.Dashboard.Components.Shared;

/// <summary>Layouts shared by the dashboard's charts, so every chart looks alike.</summary>
public static class Charts
{
    public static Plotly.Blazor.Layout Layout(string title, int height = 300, bool legend = true) => new()
    {
        // Left-aligned: on a phone a centred title wider than the chart loses both ends; this way it reads from its start.
        Title = new Title
        {
            Text = title, Font = new Plotly.Blazor.LayoutLib.TitleLib.Font { Size = 14 },
            X = 0, XAnchor = Plotly.Blazor.LayoutLib.TitleLib.XAnchorEnum.Left, XRef = Plotly.Blazor.LayoutLib.TitleLib.XRefEnum.Container,
            Pad = new Plotly.Blazor.LayoutLib.TitleLib.Pad { L = 10 },
        },
        Height = height,
        ShowLegend = legend,
        Margin = new Margin { L = 60, R = 20, T = 40, B = 40 },
        PaperBgColor = "white",
        PlotBgColor = "white",
        // Keeps zoom and hover state when the data changes under the user.
        UiRevision = "live",
    };

    /// <summary>A layout whose axes are named (already in the reader's words); either name may be left out.</summary>
    public static Plotly.Blazor.Layout Layout(string title, string? xAxis, string? yAxis, int height = 300, bool legend = true)
    {
        var layout = Layout(title, height, legend);
        if (xAxis is not null) layout.XAxis = [new XAxis { Title = new Plotly.Blazor.LayoutLib.XAxisLib.Title { Text = xAxis }, AutoMargin = Plotly.Blazor.LayoutLib.XAxisLib.AutoMarginFlag.True }];
        if (yAxis is not null) layout.YAxis = [new YAxis { Title = new Plotly.Blazor.LayoutLib.YAxisLib.Title { Text = yAxis }, AutoMargin = Plotly.Blazor.LayoutLib.YAxisLib.AutoMarginFlag.True }];
        return layout;
    }

    /// <summary>Dates on the x axis written the reader's way ("Jul 12", "7月12日"): a d3 time format from the resources.</summary>
    public static Plotly.Blazor.Layout WithDates(this Plotly.Blazor.Layout layout, Words words)
    {
        if (layout.XAxis is not { Count: > 0 }) layout.XAxis = [new XAxis()];
        layout.XAxis[0].TickFormat = words["Format.ChartDay"];
        return layout;
    }

    /// <summary>
    /// The legend in rows under the plot: for a half-width chart whose legend names are long ("Comparison (Jun 20, 2026 –
    /// Jun 30, 2026), laid over the same days"), which on the right took half the chart's width from the plot.
    /// </summary>
    public static Plotly.Blazor.Layout LegendBelow(this Plotly.Blazor.Layout layout)
    {
        layout.Legend = [new Legend
        {
            Orientation = Plotly.Blazor.LayoutLib.LegendLib.OrientationEnum.H,
            X = 0, Y = -0.15m, YAnchor = Plotly.Blazor.LayoutLib.LegendLib.YAnchorEnum.Top,
        }];
        return layout;
    }

    /// <summary>A y axis of percentages (values already ×100): every tick and hover reads "45%".</summary>
    public static Plotly.Blazor.Layout Percent(this Plotly.Blazor.Layout layout)
    {
        if (layout.YAxis is not { Count: > 0 }) layout.YAxis = [new YAxis()];
        layout.YAxis[0].TickSuffix = "%";
        layout.YAxis[0].HoverFormat = ".1f";
        return layout;
    }
}
