using Growth.Dashboard.Application.Revenue;
using Growth.Dashboard.Components.Figures;
using Growth.Domain.Orders;

namespace Growth.Dashboard.Tests;

/// <summary>
/// The revenue line's drill-down, browser-free: which orders a click on a point asks for (the rise since the point
/// before it), and the CSV of the orders listed (every row, amounts exact). On the seeded run:
/// <c>Grains.Tests/Journeys/RevenueDrillTests</c>; in the browser: <see cref="RevenueDrillBrowserTests"/>.
/// </summary>
public class RevenueOrdersTests
{
    static readonly DateTimeOffset T0 = new(2026, 1, 5, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_point_asks_for_the_orders_since_the_point_before_it_on_its_own_curve()
    {
        DateTimeOffset[] period = [T0, T0.AddDays(1), T0.AddDays(2), T0.AddDays(2).AddHours(5)];
        DateTimeOffset[] comparison = [T0.AddDays(-30), T0.AddDays(-29)];
        List<DateTimeOffset[]> curves = [period, comparison];
        Assert.Equal((T0.AddDays(1), T0.AddDays(2)), OverviewDrill.RevenueWindow(curves, 0, 2));
        // The last point may be the live snapshot, hours after the last day's point.
        Assert.Equal((T0.AddDays(2), T0.AddDays(2).AddHours(5)), OverviewDrill.RevenueWindow(curves, 0, 3));
        // The comparison's points are its own times (drawn shifted over the period, asked for where they were).
        Assert.Equal((T0.AddDays(-30), T0.AddDays(-29)), OverviewDrill.RevenueWindow(curves, 1, 1));
        // The line's start: nothing booked yet, an empty window.
        Assert.Equal((T0, T0), OverviewDrill.RevenueWindow(curves, 0, 0));
        // The projection and target lines (curves 2, 3), and points past a curve's end, are not orders.
        Assert.Null(OverviewDrill.RevenueWindow(curves, 2, 0));
        Assert.Null(OverviewDrill.RevenueWindow(curves, 0, 4));
        Assert.Null(OverviewDrill.RevenueWindow(curves, -1, 0));
    }

    [Fact]
    public void The_csv_holds_every_order_listed_with_exact_amounts_owner_names_and_quoted_cells()
    {
        RevenueOrder[] orders =
        [
            new("j-1", "e-1", T0.AddHours(9), 1234.56m, OrderKind.FirstOrder, "Ann Lee", "Lee, Sons & Co", "rep-1", "team-1", "region-1", "camp-1"),
            new("j 2", "e-9", T0.AddHours(10), 0.01m, OrderKind.Repurchase, "Bo \"B\" Wu", "", "rep-x", "team-1", "region-1", null),
            new("j-3", "e-4", T0.AddHours(11), 700m, OrderKind.ExistingCustomer, "", "", null, null, null, null),
        ];
        var csv = OrdersCsv.Write(orders, new Dictionary<string, string> { ["rep-1"] = "Rita Rep" }, "ws one");
        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(OrdersCsv.Header, lines[0]);
        Assert.Equal(orders.Length + 1, lines.Length);
        Assert.Equal("j-1,/customer/j-1?workspace=ws%20one,e-1,2026-01-05T09:00:00Z,1234.56,FirstOrder,Ann Lee,\"Lee, Sons & Co\",Rita Rep,rep-1,team-1,region-1,camp-1", lines[1]);
        // A rep the setup does not name keeps its id; quotes are doubled inside a quoted cell.
        Assert.Equal("j 2,/customer/j%202?workspace=ws%20one,e-9,2026-01-05T10:00:00Z,0.01,Repurchase,\"Bo \"\"B\"\" Wu\",,rep-x,rep-x,team-1,region-1,", lines[2]);
        Assert.Equal("j-3,/customer/j-3?workspace=ws%20one,e-4,2026-01-05T11:00:00Z,700,ExistingCustomer,,,,,,,", lines[3]);
        // The amounts read back sum exactly to the list's total.
        var sum = lines.Skip(1).Sum(l => decimal.Parse(System.Text.RegularExpressions.Regex.Match(l, @"Z,([0-9.]+),").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(new RevenueOrderList(T0, T0.AddDays(1), orders, new Dictionary<string, string>()).Total, sum);
    }
}
