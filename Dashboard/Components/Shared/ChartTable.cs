using System.Collections;
using System.Globalization;
using System.Text;
using Plotly.Blazor;

namespace Growth.Dashboard.Components.Shared;

/// <summary>
/// A chart's figures as a table: the text alternative of the chart (for screen readers and for reading exact values)
/// and its CSV export. Traces that share their categories become one table with a column per trace; others one table each.
/// </summary>
public sealed record ChartTable(string? Caption, IReadOnlyList<string> Headings, IReadOnlyList<IReadOnlyList<string>> Rows)
{
    /// <summary>The tables of a chart's traces, their values written the reader's way (dates, numbers, the axis's unit suffix).</summary>
    public static IReadOnlyList<ChartTable> Of(IEnumerable<ITrace> traces, Plotly.Blazor.Layout layout, Words words)
    {
        var series = traces.Select(t => Series.Of(t, words)).Where(s => s is not null).Select(s => s!).ToList();
        if (series.Count == 0) return [];
        var xTitle = layout.XAxis is { Count: > 0 } xs ? xs[0].Title?.Text : null;
        var yTitle = layout.YAxis is { Count: > 0 } ys ? ys[0].Title?.Text : null;
        var suffix = layout.YAxis is { Count: > 0 } ya ? ya[0].TickSuffix : null;
        var category = (series[0].Horizontal ? yTitle : xTitle) ?? words["Chart.Item"];
        var valueName = (series[0].Horizontal ? xTitle : yTitle) ?? words["Chart.Value"];
        string Value(object? v, bool horizontal) => Text(v, words) + (horizontal ? "" : suffix ?? "");
        var shared = series.All(s => s.Categories.SequenceEqual(series[0].Categories));
        if (shared)
        {
            var headings = new List<string> { category };
            headings.AddRange(series.Select(s => s.Name ?? valueName));
            var rows = series[0].Categories.Select((c, i) => (IReadOnlyList<string>)[c, .. series.Select(s => Value(s.Values[i], s.Horizontal))]).ToList();
            return [new ChartTable(null, headings, rows)];
        }
        return series.Select(s => new ChartTable(s.Name, [category, valueName],
            s.Categories.Select((c, i) => (IReadOnlyList<string>)[c, Value(s.Values[i], s.Horizontal)]).ToList())).ToList();
    }

    /// <summary>The tables as CSV (RFC 4180; tables one after another, separated by an empty line).</summary>
    public static string Csv(IEnumerable<ChartTable> tables)
    {
        var csv = new StringBuilder();
        foreach (var table in tables)
        {
            if (csv.Length > 0) csv.Append("\r\n");
            if (table.Caption is { } caption) csv.Append(Cell(caption)).Append("\r\n");
            foreach (var line in table.Rows.Prepend(table.Headings)) csv.Append(string.Join(",", line.Select(Cell))).Append("\r\n");
        }
        return csv.ToString();
    }

    static string Cell(string value) =>
        value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? $"\"{value.Replace("\"", "\"\"")}\"" : value;

    static string Text(object? value, Words words) => value switch
    {
        null => "",
        DateTime d => words.Day(new DateTimeOffset(DateTime.SpecifyKind(d, DateTimeKind.Utc))),
        DateTimeOffset d => words.Day(d),
        double d => Number(d),
        float f => Number(f),
        decimal m => Number((double)m),
        int or long => Format.Number(Convert.ToInt64(value, CultureInfo.InvariantCulture)),
        _ => Convert.ToString(value, CultureInfo.CurrentCulture) ?? "",
    };

    /// <summary>Whole numbers and thousands without decimals (as the chart's hover shows them), the rest to one decimal.</summary>
    static string Number(double d) => Format.Number(d, Math.Abs(d) >= 1000 || d == Math.Round(d) ? "N0" : "N1");

    /// <summary>One trace's categories and values, read from its X, Y and Name (every Plotly trace type names them alike).</summary>
    sealed record Series(string? Name, IReadOnlyList<string> Categories, IReadOnlyList<object?> Values, bool Horizontal)
    {
        public static Series? Of(ITrace trace, Words words)
        {
            var type = trace.GetType();
            var x = (type.GetProperty("X")?.GetValue(trace) as IEnumerable)?.Cast<object?>().ToList();
            var y = (type.GetProperty("Y")?.GetValue(trace) as IEnumerable)?.Cast<object?>().ToList();
            if (x is null || y is null || x.Count != y.Count || x.Count == 0) return null;
            var name = type.GetProperty("Name")?.GetValue(trace) as string;
            // Category on the y axis when the x values are the numbers (a funnel, a horizontal bar).
            var horizontal = x.All(IsNumber) && !y.All(IsNumber);
            var (categories, values) = horizontal ? (y, x) : (x, y);
            return new Series(name, categories.Select(c => Text(c, words)).ToList(), values, horizontal);
        }

        static bool IsNumber(object? v) => v is double or float or decimal or int or long;
    }
}
