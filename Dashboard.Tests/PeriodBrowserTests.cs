using System.Net;
using System.Text.Json;
using Growth.Dashboard.Components.Shared;
using Growth.Domain.Figures;
using Growth.Domain.Periods;
using Growth.Grains.Figures;
using Growth.Grains.Simulation;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Growth.Dashboard.Tests;

/// <summary>The period picker: every figure follows the period picked, the URL shares it and the browser remembers it; the API takes the same period.</summary>
[Collection(DashboardCollection.Name)]
public class PeriodBrowserTests(DashboardHost host, BrowserFixture browser) : IAsyncLifetime
{
    const string Workspace = "browser-period";
    static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    IPage page = null!;

    public async Task InitializeAsync()
    {
        page = await browser.NewPageAsync();
        await host.SignInAsync(page);
    }

    public async Task DisposeAsync() => await page.Context.DisposeAsync();

    /// <summary>A small simulation 75 days in (to 17 March), paused: its figures hold still while the page is read.</summary>
    async Task<(WorkspaceSnapshot Snapshot, IReadOnlyList<HistoryPoint> History)> SimulatedAsync()
    {
        var sim = host.Grains.GetGrain<ISimulationGrain>(Workspace);
        var status = await sim.CreateAsync(new SimulationSettings
        {
            Seed = 5, Start = Start, Regions = 1, TeamsPerRegion = 2, RepsPerTeam = 3, Campaigns = 2, ExistingCustomers = 40,
        });
        var owed = Start.AddDays(75) - status.SimulatedNow!.Value;
        if (owed >= TimeSpan.FromHours(1)) await sim.RunForAsync(owed);
        var statistics = host.Grains.GetGrain<IWorkspaceStatisticsGrain>(Workspace);
        return ((await statistics.RefreshAsync())!, await statistics.GetHistoryAsync());
    }

    static PeriodReport Expected(WorkspaceSnapshot s, IReadOnlyList<HistoryPoint> history, string period, string compare) =>
        PeriodPlacement.WithPeriod(s, PeriodChoice.Parse(period, compare), history).InPeriod!;

    [Fact]
    public async Task Last_30_days_against_the_same_days_a_year_earlier_changes_the_figures_and_the_labels_and_is_remembered()
    {
        var (snapshot, history) = await SimulatedAsync();
        var quarter = Expected(snapshot, history, "quarter", "previous");
        var last30 = Expected(snapshot, history, "last-30", "year");
        Assert.NotEqual(quarter.Current!.Revenue, last30.Current!.Revenue);

        await page.GotoAsync(new Uri(host.BaseAddress, $"?workspace={Workspace}").ToString());
        // No period picked yet: the fiscal quarter to date against the period before it.
        await Expect(page.GetByTestId("period-label")).ToContainTextAsync("This quarter to date (Jan 1, 2026 – Mar 17, 2026)");
        await Expect(page.GetByTestId("period-revenue")).ToHaveTextAsync(Format.Money(quarter.Current.Revenue, snapshot.Money));

        // Keyboard: the picker's controls are in the tab order after the workspace picker, and named by their labels.
        await page.GetByTestId("workspace-select").FocusAsync();
        for (var i = 0; i < 20 && !await page.GetByTestId("period-select").EvaluateAsync<bool>("e => e === document.activeElement"); i++)
            await page.Keyboard.PressAsync("Tab");
        await Expect(page.GetByTestId("period-select")).ToBeFocusedAsync();
        await Expect(page.GetByLabel("Period", new() { Exact = true })).ToHaveCountAsync(1);
        await Expect(page.GetByLabel("Compared with")).ToHaveCountAsync(1);

        await page.GetByLabel("Period", new() { Exact = true }).SelectOptionAsync("last-30");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("period=last-30"));
        await page.GetByLabel("Compared with").SelectOptionAsync("year");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("period=last-30&compare=year"));

        await Expect(page.GetByTestId("period-label")).ToContainTextAsync("Last 30 days (Feb 16, 2026 – Mar 17, 2026)");
        await Expect(page.GetByTestId("comparison-label")).ToHaveTextAsync("against the same days a year earlier (Feb 16, 2025 – Mar 17, 2025)");
        await Expect(page.GetByTestId("period-revenue")).ToHaveTextAsync(Format.Money(last30.Current.Revenue, snapshot.Money));
        // A year earlier the simulation had not begun: said so, not shown as zeros.
        Assert.Null(last30.Comparison);
        await Expect(page.GetByTestId("comparison-missing")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("revenue-change")).ToHaveTextAsync("nothing to compare with");
        await Expect(page.GetByTestId("period-winrate")).ToHaveTextAsync(Format.Percent(last30.Current.WinRate));

        // The same period on the other pages: the link keeps it, and the browser remembers it for a bare address.
        await page.GotoAsync(new Uri(host.BaseAddress, $"marketing?workspace={Workspace}").ToString());
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("period=last-30&compare=year"));
        await Expect(page.GetByTestId("period-label")).ToContainTextAsync("Last 30 days");
        var campaign = snapshot.Campaigns[0];
        await Expect(page.GetByTestId("campaigns")).ToContainTextAsync(Format.Money(last30.Current.Campaigns[campaign.Id].Spend, snapshot.Money));
    }

    [Fact]
    public async Task The_api_gives_a_period_and_its_comparison_and_refuses_a_bad_one_naming_it()
    {
        var (snapshot, history) = await SimulatedAsync();
        var expected = Expected(snapshot, history, "month", "previous");
        var body = JsonDocument.Parse(await host.Http.GetStringAsync($"/api/workspaces/{Workspace}/snapshot?period=month&compare=previous")).RootElement;
        var inPeriod = body.GetProperty("inPeriod");
        Assert.Equal("2026-03-01", inPeriod.GetProperty("period").GetProperty("current").GetProperty("firstDay").GetString());
        Assert.Equal("2026-02-12", inPeriod.GetProperty("period").GetProperty("comparison").GetProperty("firstDay").GetString());
        Assert.Equal(expected.Current!.Revenue, inPeriod.GetProperty("current").GetProperty("revenue").GetDecimal());
        Assert.Equal(expected.Comparison!.Won, inPeriod.GetProperty("comparison").GetProperty("won").GetInt64());
        // Without a period the snapshot is as it always was.
        var plain = JsonDocument.Parse(await host.Http.GetStringAsync($"/api/workspaces/{Workspace}/snapshot")).RootElement;
        Assert.True(!plain.TryGetProperty("inPeriod", out var none) || none.ValueKind == JsonValueKind.Null);

        foreach (var (query, says) in new[]
        {
            ("period=last-0", "the number of days must be in 1..3650"),
            ("period=2026-03-01..2026-02-01", "from (2026-03-01) is after to (2026-02-01)"),
            ("period=2025-12-01..2026-01-31", "before the history, which starts on 2026-01-01"),
            ("period=month&compare=lastweek", "compare 'lastweek' is not one of previous, year or none"),
        })
        {
            var refused = await host.Http.GetAsync($"/api/workspaces/{Workspace}/snapshot?{query}");
            var text = await refused.Content.ReadAsStringAsync();
            Assert.True(refused.StatusCode == HttpStatusCode.BadRequest, $"{query}: {refused.StatusCode} {text}");
            Assert.Contains(says, text);
        }
    }
}
