using Growth.Domain.LongRun;
using Growth.Domain.Organisations;
using Growth.Domain.Setup;
using Growth.Domain.Simulation;

namespace Growth.Domain.Tests.LongRun;

/// <summary>The live simulation's long run, pure: lead arrival at the open share, who leaves and who fills the seat, the yearly plan.</summary>
public class LongRunLiveTests
{
    static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Leads_arrive_at_the_share_of_the_market_still_open_and_the_market_grows()
    {
        var a = new LongRunAssumptions { MarketAccountsPerRegion = 1000, MarketGrowth = 0.5 };
        var s = new LongRunState { CustomersByRegion = { ["r1"] = 250 } };
        var arrived = Enumerable.Range(0, 20_000).Count(i => LongRunLive.Arrives(a, s, "r1", $"lead-{i}", Start, Start, 42));
        // 75 % open: 15,000 of 20,000 (± 4 standard deviations of a binomial, about 245).
        Assert.InRange(arrived, 14_755, 15_245);
        // A year later the market is 1,500: 250 customers leave 5/6 of it open.
        Assert.Equal(1 - 250 / 1500.0, LongRunLive.OpenShare(a, s, "r1", Start, Start.AddDays(LongRunRules.DaysPerYear)), 9);
        // An unknown region has no customers: every lead arrives.
        Assert.True(Enumerable.Range(0, 100).All(i => LongRunLive.Arrives(a, s, "r2", $"lead-{i}", Start, Start, 42)));
    }

    [Fact]
    public void Reps_leave_after_their_drawn_tenure_a_team_keeps_one_and_the_seat_is_filled_after_the_vacancy()
    {
        var a = new LongRunAssumptions { RepTenureYears = 0.1, VacancyDays = 20 };
        var org = OrganisationFactory.Build(3, regions: 1, teamsPerRegion: 2, repsPerTeam: 3, campaigns: 1);
        var s = new LongRunState();
        var left = new List<string>();
        var hired = new List<RepProfile>();
        for (var day = 0; day < 120; day++)
        {
            var at = Start.AddDays(day);
            var leaving = LongRunLive.Leaving(a, s, org, at, 42);
            org = LongRunLive.Leave(a, s, org, leaving, at);
            left.AddRange(leaving.Select(r => r.Id));
            (org, var joined) = LongRunLive.Hire(s, org, at, 42);
            hired.AddRange(joined);
            Assert.All(org.Teams, t => Assert.NotEmpty(t.Reps));
            Assert.All(joined, h => Assert.Equal(at, h.HireDate));
        }
        // Mean tenure 36.5 days over 120 days: most of the 6 seats turn over at least once.
        Assert.True(left.Count >= 4, $"only {left.Count} left");
        Assert.Equal(left.Count, s.Left);
        // Each seat is filled once its vacancy ends: hires = leavers, less those still vacant.
        Assert.Equal(left.Count - s.Vacancies.Count, hired.Count);
        Assert.Equal(hired.Count, hired.Select(h => h.Id).Distinct().Count());
        Assert.All(hired, h => Assert.StartsWith("rep-hire-", h.Id));
        Assert.All(hired, h => Assert.InRange(h.Skills.Average(), 0.05, 0.98));
        // A hire takes the seat's capacity and incentive; the seat's target is held for them until the next quarter.
        Assert.All(hired, h => Assert.Equal(0m, h.Target));
        // (A hire who left again passed the seat's target on to the next vacancy.)
        Assert.All(hired.Where(h => org.Reps.Any(r => r.Id == h.Id)), h => Assert.Equal(OrganisationFactory.SeededQuota, s.HeldTargets[h.Id]));
        Assert.All(s.Vacancies, v => Assert.Equal(OrganisationFactory.SeededQuota, v.Target));
        // Every leaver is kept by name, with the day they left and the target they held.
        Assert.Equal(left.Count, org.Departed.Count(d => left.Contains(d.Id)));
        Assert.All(org.Departed, d => Assert.False(string.IsNullOrEmpty(d.Name) || d.Name == d.Id));

        // The same seed gives the same turnover.
        var again = OrganisationFactory.Build(3, regions: 1, teamsPerRegion: 2, repsPerTeam: 3, campaigns: 1);
        var first = LongRunLive.Leaving(a, new LongRunState(), again, Start.AddDays(30), 42).Select(r => r.Id);
        Assert.Equal(first, LongRunLive.Leaving(a, new LongRunState(), again, Start.AddDays(30), 42).Select(r => r.Id));
    }

    [Fact]
    public void A_new_fiscal_year_shares_last_years_revenue_times_the_plan_growth_by_ramped_capacity()
    {
        var a = new LongRunAssumptions { PlanGrowth = 0.1 };
        var org = OrganisationFactory.Build(5, regions: 1, teamsPerRegion: 1, repsPerTeam: 4, campaigns: 1);
        var s = new LongRunState();
        s.UseCalendar(new CompanySetup(), Start);
        Assert.Equal(Start.AddYears(1), s.YearEnd);
        s.Count(null, 1_000_000m);
        var rookie = org.Reps.First();
        org = org with { Teams = org.Teams.Select(t => t with { Reps = t.Reps.Select(r => r.Id == rookie.Id ? r with { HireDate = Start.AddYears(1) } : r).ToList() }).ToList() };

        var (next, plan) = LongRunLive.NewYear(a, s, BehaviourParameters.Default, org, Start.AddYears(1));
        Assert.NotNull(plan);
        Assert.Equal(1_000_000m, plan.LastYearRevenue);
        Assert.Equal(1_100_000m, plan.Plan);
        // Quarterly targets add up to the plan; the rep hired at the year's start ramps, so carries less of it.
        Assert.InRange(next.Reps.Sum(r => r.Target) * 4, 1_100_000m - 16, 1_100_000m + 16);
        var targets = next.Reps.ToDictionary(r => r.Id, r => r.Target / r.Capacity);
        Assert.True(targets[rookie.Id] < targets.Where(t => t.Key != rookie.Id).Min(t => t.Value));
        Assert.True(s.Planned);
        Assert.Equal((Start.AddYears(1), Start.AddYears(2), 0m), (s.YearFrom, s.YearEnd, s.YearRevenue));

        // Half a year counted is annualised; under four weeks counted sets no plan.
        var half = new LongRunState { YearFrom = Start.AddDays(LongRunRules.DaysPerYear / 2), YearRevenue = 500_000m };
        Assert.Equal(1_000_000m, LongRunLive.NewYear(a, half, BehaviourParameters.Default, org, Start.AddDays(LongRunRules.DaysPerYear)).Plan!.LastYearRevenue);
        var short_ = new LongRunState { YearFrom = Start.AddDays(350), YearRevenue = 10_000m };
        Assert.Null(LongRunLive.NewYear(a, short_, BehaviourParameters.Default, org, Start.AddDays(365)).Plan);
    }
}
