using System.Globalization;
using System.Text.RegularExpressions;
using Growth.Domain.Setup;
using Growth.Grains.Figures;
using Growth.Grains.Setup;
using Growth.Grains.Simulation;
using Growth.Grains.Tests.Cluster;
using Growth.Grains.Workspaces;
using Xunit.Abstractions;
using static Growth.Grains.Tests.Setup.SetupGrainTests;

namespace Growth.Grains.Tests.Simulation;

/// <summary>
/// The long run on the LIVE path (the actor simulation, hourly steps, the simulated clock only) across two fiscal year
/// ends, at a cost the test command can pay: a tiny company (six reps in two teams, one campaign, a 400-account market)
/// from 1 December 2026 to 2 January 2028, so it crosses the year ends of 1 January 2027 and 1 January 2028 with the
/// whole fiscal year 2027 between them. At each year end the quotas are reset from the plan (the second from the whole
/// year's revenue × 1.1), reps leave and seats are filled, the market fills, and each year's win rate stays in the
/// README's band (15–45 %). The 5-year bands on attainment and growth need the 60-seat demo (the <c>long-run</c>
/// benchmark): six reps are too few for a median.
/// </summary>
[Collection(ClusterCollection.Name)]
public class LongRunYearsSimulationTests(ClusterFixture fixture, ITestOutputHelper output)
{
    static readonly DateTimeOffset Start = new(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);
    static readonly DateTimeOffset Year1 = new(2027, 1, 1, 0, 0, 0, TimeSpan.Zero);
    static readonly DateTimeOffset Year2 = new(2028, 1, 1, 0, 0, 0, TimeSpan.Zero);

    IGrainFactory Grains => fixture.Grains;

    static readonly Regex Note = new(@"set from the plan: ([\d,]+) \(last year's revenue ([\d,]+) × 1\.1\)", RegexOptions.CultureInvariant);

    [Fact]
    public async Task Across_two_fiscal_year_ends_quotas_reset_from_the_plan_reps_turn_over_and_each_years_win_rate_stays_in_its_band()
    {
        const string ws = "long-run-two-years";
        var setup = Company(teams: ["t1", "t2"]) with
        {
            Rules = new RulesSetup
            {
                // A one-year mean tenure and 30-day vacancies so six reps turn over within the 13 months; 400 accounts a region.
                LongRun = new LongRunSetup { Enabled = true, RepTenureYears = 1, VacancyDays = 30, MarketAccountsPerRegion = 400, PlanGrowth = 0.1 },
            },
        };
        Assert.Empty(SetupValidator.Validate(setup));
        await Grains.GetGrain<ISetupGrain>(ws).ApplyAsync(setup, "leader", "two fiscal years");
        var sim = Grains.GetGrain<ISimulationGrain>(ws);
        await sim.CreateAsync(new SimulationSettings { Seed = 11, Start = Start, ExistingCustomers = 20 });
        var statistics = Grains.GetGrain<IWorkspaceStatisticsGrain>(ws);

        // To each year's start (the step that starts the new year has not run yet), then a day into it.
        async Task<Domain.Figures.WorkspaceSnapshot> RunTo(DateTimeOffset at)
        {
            while ((await sim.GetStatusAsync()).SimulatedNow is { } now && now < at)
                await sim.RunForAsync(TimeSpan.FromDays(Math.Min(30, (at - now).TotalDays)));
            return (await statistics.RefreshAsync())!;
        }
        var atYear1 = await RunTo(Year1);
        // The notables keep the latest 20: each year's is read a day into it.
        var first = (await RunTo(Year1.AddDays(1))).Notables.Where(n => n.Kind == "QuotasSet").ToList();
        var quotas1 = (await Grains.GetGrain<IWorkspaceGrain>(ws).GetOrganisationAsync())!.Reps.ToDictionary(r => r.Id, r => r.Target);
        var atYear2 = await RunTo(Year2);
        var end = await RunTo(Year2.AddDays(1));
        Assert.Equal(Year2.AddDays(1), (await sim.GetStatusAsync()).SimulatedNow);

        // Quotas reset at both year ends from the plan; the second from fiscal 2027's whole revenue × 1.1.
        var notes = first.Concat(end.Notables.Where(n => n.Kind == "QuotasSet" && n.At > Year1)).OrderBy(n => n.At).ToList();
        output.WriteLine(string.Join("\n", notes.Select(n => $"{n.At:d}: {n.Message}")));
        Assert.Equal([Year1, Year2], notes.Select(n => n.At));
        var second = Note.Match(notes[1].Message);
        Assert.True(second.Success, notes[1].Message);
        var (plan, lastYear) = (Number(second.Groups[1].Value), Number(second.Groups[2].Value));
        var revenue2027 = atYear2.Revenue.Total - atYear1.Revenue.Total;
        output.WriteLine($"revenue: Dec 2026 {atYear1.Revenue.Total:N0}, fiscal 2027 {revenue2027:N0}; plan 2028 {plan:N0}");
        Assert.InRange(lastYear, revenue2027 - 1, revenue2027 + 1);
        Assert.InRange(plan, Math.Round(lastYear * 1.1m) - 1, Math.Round(lastYear * 1.1m) + 1);
        var org = (await Grains.GetGrain<IWorkspaceGrain>(ws).GetOrganisationAsync())!;
        var quotas2 = org.Reps.ToDictionary(r => r.Id, r => r.Target);
        output.WriteLine($"quarterly targets 2027: {string.Join(", ", quotas1.Select(q => $"{q.Key} {q.Value:N0}"))}; 2028: {string.Join(", ", quotas2.Select(q => $"{q.Key} {q.Value:N0}"))}");
        // Every rep's target came from a plan (not the setup's 60,000); a seat's share of the plan is at most the plan.
        Assert.DoesNotContain(quotas1.Values.Concat(quotas2.Values), t => t == 60_000m);
        Assert.InRange(quotas2.Values.Sum() * 4, 0.25m * plan, plan + 4 * quotas2.Count);

        // Reps left and seats were filled over the 13 months.
        var hires = org.Reps.Count(r => r.Id.StartsWith("rep-hire-", StringComparison.Ordinal));
        output.WriteLine($"left {org.Departed.Count}, hired {hires}, roster {org.Reps.Count()}");
        Assert.NotEmpty(org.Departed);
        Assert.True(hires > 0, "no seat was filled");

        // Each year's win rate (won ÷ closed, the deals closed in it) in the README's band; enough deals to judge it.
        var year1 = (Won: atYear1.Deals.Won, Lost: atYear1.Deals.Lost);
        var year2 = (Won: atYear2.Deals.Won - year1.Won, Lost: atYear2.Deals.Lost - year1.Lost);
        output.WriteLine($"win rate Dec 2026 {Rate(year1):P1} ({year1.Won} won, {year1.Lost} lost); fiscal 2027 {Rate(year2):P1} ({year2.Won} won, {year2.Lost} lost)");
        Assert.True(year2.Won + year2.Lost >= 100, $"only {year2.Won + year2.Lost} deals closed in 2027");
        Assert.InRange(Rate(year2), 0.15, 0.45);

        // The market fills: customers at the end, against the 400 accounts.
        var customers = end.Lifecycle.Acquired - end.Lifecycle.Churned;
        output.WriteLine($"customers {customers} of a 400-account market; leads {(await sim.GetStatusAsync()).Leads}");
        Assert.InRange(customers, 1, 400);
    }

    static double Rate((long Won, long Lost) y) => y.Won + y.Lost == 0 ? 0 : y.Won / (double)(y.Won + y.Lost);

    static decimal Number(string text) => decimal.Parse(text, NumberStyles.AllowThousands, CultureInfo.InvariantCulture);
}
