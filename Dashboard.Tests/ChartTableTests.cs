using System.Globalization;
using Growth.Dashboard.Components.Figures;
using Growth.Dashboard.Components.Shared;
using Growth.Dashboard.Resources;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Plotly.Blazor;
using Plotly.Blazor.Traces;

namespace Growth.Dashboard.Tests;

/// <summary>A chart's text alternative and CSV: the same figures as the bars and lines, in the reader's words; the smoothed daily line.</summary>
public class ChartTableTests
{
    static Words Words() => new(new StringLocalizer<Ui>(new ResourceManagerStringLocalizerFactory(
        Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance)));

    static T InEnglish<T>(Func<T> read)
    {
        var (culture, ui) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");
        try { return read(); }
        finally { (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture, ui); }
    }

    [Fact]
    public void Bars_sharing_their_categories_make_one_table_with_a_column_per_series_and_the_axis_unit()
    {
        var layout = Charts.Layout("Win rate", "Team", "% of target").Percent();
        IList<ITrace> traces =
        [
            new Bar { Name = "Recent", X = ["North, East", "South"], Y = [12.5, 40.0] },
            new Bar { Name = "Baseline", X = ["North, East", "South"], Y = [20.0, 35.5] },
        ];
        var tables = InEnglish(() => ChartTable.Of(traces, layout, Words()));

        var table = Assert.Single(tables);
        Assert.Equal(["Team", "Recent", "Baseline"], table.Headings);
        Assert.Equal(["North, East", "12.5%", "20%"], table.Rows[0]);
        Assert.Equal(["South", "40%", "35.5%"], table.Rows[1]);
        Assert.Equal("Team,Recent,Baseline\r\n\"North, East\",12.5%,20%\r\nSouth,40%,35.5%\r\n", ChartTable.Csv(tables));
    }

    [Fact]
    public void A_funnel_reads_its_stages_from_the_y_axis_and_series_on_different_days_get_a_table_each()
    {
        var funnel = InEnglish(() => ChartTable.Of([new Funnel { Y = ["Lead", "Won"], X = [1200, 35] }], Charts.Layout("Funnel"), Words()));
        Assert.Equal(["Lead", "1,200"], Assert.Single(funnel).Rows[0]);

        var day = new DateTime(2026, 7, 12, 0, 0, 0, DateTimeKind.Utc);
        IList<ITrace> lines =
        [
            new Scatter { Name = "Booked", X = [day, day.AddDays(1)], Y = [100m, 250.5m] },
            new Scatter { Name = "Target", X = [day, day.AddDays(90)], Y = [0m, 9000m] },
        ];
        var tables = InEnglish(() => ChartTable.Of(lines, Charts.Layout("Revenue", null, "Revenue"), Words()));
        Assert.Equal(["Booked", "Target"], tables.Select(t => t.Caption));
        Assert.Equal(["Item", "Revenue"], tables[0].Headings);
        Assert.Equal("100", tables[0].Rows[0][1]);
        Assert.Equal("250.5", tables[0].Rows[1][1]);
        Assert.Equal("9,000", tables[1].Rows[1][1]);
    }

    [Fact]
    public void The_seven_day_average_of_a_daily_series_averages_the_days_up_to_each_point()
    {
        var start = new DateTimeOffset(2026, 7, 1, 0, 0, 0, TimeSpan.Zero);
        var days = Enumerable.Range(0, 9).Select(d => start.AddDays(d)).ToList();
        double[] leads = [7, 0, 7, 0, 7, 0, 7, 14, 0];

        var smooth = MarketingCharts.TrailingAverage(days, leads);

        Assert.Equal(7, smooth[0]);
        Assert.Equal(3.5, smooth[1]);
        Assert.Equal(4, smooth[6]);   // days 1-7: 28 / 7
        Assert.Equal(5, smooth[7]);   // days 2-8: the first day has left the window, 35 / 7
        Assert.Equal(5, smooth[8]);   // days 3-9: 35 / 7
    }
}
