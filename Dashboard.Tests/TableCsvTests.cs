using System.Text.RegularExpressions;

namespace Growth.Dashboard.Tests;

/// <summary>
/// Every table on every page downloads as CSV: each <c>&lt;table&gt;</c> in the dashboard's components carries a
/// data-testid, and the same component has a CSV button for that table (<c>CsvButton Table="…"</c>, every row the table
/// holds) or, for a list the page shows a page of, a link to the server's CSV of every row (named here).
/// </summary>
public partial class TableCsvTests
{
    /// <summary>Tables whose rows are a page or a cut of the whole: the component's link to the CSV of every row.</summary>
    static readonly Dictionary<string, (string File, string Link)> ServerCsv = new()
    {
        ["pipeline-list"] = ("Components/Pages/Pipeline.razor", "pipeline-csv"),
        ["records-list"] = ("Components/Pages/Records.razor", "records-csv"),
        ["deal-list"] = ("Components/Pages/Forecast.razor", "deals-csv"),
        ["accuracy-summary"] = ("Components/Forecast/AccuracyPanel.razor", "accuracy-csv"),
        ["accuracy-weeks-@period.Period"] = ("Components/Forecast/AccuracyPanel.razor", "accuracy-csv"),
        ["comparison"] = ("Components/Pages/WhatIf.razor", "export"),
        // The orders behind a revenue point: every row is shown, and the CSV is written from the list itself (OrdersCsv).
        ["revenue-orders-table"] = ("Components/Overview/RevenueOrdersPanel.razor", "revenue-orders-csv"),
        // The pool's three lists show the oldest leads; the CSV holds every lead of the three.
        ["@($\"pool-table-{key}\")"] = ("Components/Pages/Pool.razor", "pool-csv"),
    };

    [GeneratedRegex("<table\\b([^>]*)>")]
    private static partial Regex TableTag();

    [GeneratedRegex("data-testid=\"((?:@\\(\\$\"[^\"]*\"\\))|[^\"]*)\"")]
    private static partial Regex TestId();

    static string Dashboard => Path.Combine(LocalisationTests.Root, "Dashboard");

    [Fact]
    public void Every_table_of_every_component_has_its_csv()
    {
        var tables = 0;
        var missing = new List<string>();
        foreach (var path in Directory.EnumerateFiles(Path.Combine(Dashboard, "Components"), "*.razor", SearchOption.AllDirectories))
        {
            var file = Path.GetRelativePath(Dashboard, path).Replace('\\', '/');
            var text = File.ReadAllText(path);
            foreach (Match table in TableTag().Matches(text))
            {
                tables++;
                // The chart's figures table has the chart's own CSV export (chart-csv).
                if (table.Groups[1].Value.Contains("chart-table", StringComparison.Ordinal) && text.Contains("data-testid=\"chart-csv\"", StringComparison.Ordinal)) continue;
                var id = TestId().Match(table.Groups[1].Value) is { Success: true } m ? m.Groups[1].Value : null;
                if (id is null) { missing.Add($"{file}: a table without a data-testid"); continue; }
                if (text.Contains($"<CsvButton Table=\"{id}\"", StringComparison.Ordinal)) continue;
                if (ServerCsv.TryGetValue(id, out var server)
                    && File.ReadAllText(Path.Combine(Dashboard, server.File)).Contains($"data-testid=\"{server.Link}\"", StringComparison.Ordinal)) continue;
                missing.Add($"{file}: table {id} has no CSV");
            }
        }
        Assert.True(tables > 40, $"found only {tables} tables: is the source tree where the test looks?");
        Assert.True(missing.Count == 0, string.Join("\n", missing));
    }
}
