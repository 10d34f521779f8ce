using Growth.Domain.Compensation;
using Growth.Domain.Setup;
using Growth.Domain.Quotas;

namespace Growth.Domain.Tests.Quotas;

/// <summary>Quotas from capacity: working days from the company calendar, ramp from hire dates, roll-ups that add up, history beside it.</summary>
public class CapacityTargetsTests
{
    static readonly CompanySetup Company = new() { Name = "Acme" };
    static readonly FiscalCalendar Calendar = new(Company);

    static RepSetup Rep(string id, DateOnly? hired = null, decimal quota = 50_000) => new() { Id = id, Name = id, HireDate = hired, Quota = quota };

    static SetupDocument Setup(params RepSetup[][] teams) => new()
    {
        Company = Company,
        Organisation = new OrganisationSetup
        {
            Regions =
            [
                new RegionSetup { Id = "north", Name = "North", Teams = [.. teams.Take(1).Select((reps, i) => new TeamSetup { Id = $"n{i}", Name = $"N{i}", Reps = reps })] },
                new RegionSetup { Id = "south", Name = "South", Teams = [.. teams.Skip(1).Select((reps, i) => new TeamSetup { Id = $"s{i}", Name = $"S{i}", Reps = reps })] },
            ],
        },
    };

    [Fact]
    public void Working_days_follow_the_company_calendar()
    {
        // Q1 2026: 90 days from Thursday 1 January: 64 weekdays (22 + 20 + 22), and 13 Saturdays more in a six-day week.
        Assert.Equal(64, WorkingDays.In(Calendar, Calendar.Quarter(2026, 1)).Count);
        var sixDays = new FiscalCalendar(Company with { WorkingDays = [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday] });
        Assert.Equal(77, WorkingDays.In(sixDays, sixDays.Quarter(2026, 1)).Count);
        Assert.Equal(22, WorkingDays.In(Calendar, Calendar.Month(2026, 4)).Count); // April 2026
    }

    [Fact]
    public void A_new_rep_counts_from_the_hire_date_at_the_ramped_share()
    {
        var a = CapacityAssumptions.Default with { RampUpDays = 90, RampStartShare = 0.6 };
        var day = new DateOnly(2026, 3, 2);
        Assert.Equal(0, Ramp.Share(a, day, day.AddDays(-1)));
        Assert.Equal(0.6, Ramp.Share(a, day, day), 9);
        Assert.Equal(0.8, Ramp.Share(a, day, day.AddDays(45)), 9);
        Assert.Equal(1, Ramp.Share(a, day, day.AddDays(200)));
        Assert.Equal(1, Ramp.Share(a, null, day));

        var q1 = WorkingDays.In(Calendar, Calendar.Quarter(2026, 1));
        // Hired on Monday 2 March: 22 working days in March, each at 0.6 + 0.4 × days since hire / 90.
        var expected = q1.Where(d => d >= day).Sum(d => 0.6 + 0.4 * (d.DayNumber - day.DayNumber) / 90.0);
        Assert.Equal(expected, Ramp.Days(a, day, q1), 9);
        Assert.InRange(expected, 22 * 0.6, 22 * 0.7);
    }

    [Fact]
    public void Quotas_from_capacity_are_ramped_days_times_productivity_and_roll_up_exactly()
    {
        var setup = Setup([Rep("a"), Rep("b", new DateOnly(2026, 2, 16))], [Rep("c", quota: 70_000), Rep("d", new DateOnly(2026, 6, 1))]);
        var period = Calendar.Quarter(2026, 1);
        var productivity = new ProductivityEstimate(370, false, "assumed");
        var s = CapacityTargets.Suggest(setup, period, productivity, CapacityAssumptions.Default);

        Assert.Equal(64, s.WorkingDays);
        var a = s.Reps.Single(r => r.Id == "a");
        Assert.Equal(64, a.RampedDays);
        Assert.Equal(23_700m, a.FromCapacity); // 370 × 64 = 23,680, to the nearest 100
        Assert.Equal(0m, s.Reps.Single(r => r.Id == "d").FromCapacity); // hired after the quarter
        Assert.True(s.Reps.Single(r => r.Id == "b").FromCapacity is > 0 and < 23_700m);
        Assert.All(s.Reps, r => Assert.Equal(0, r.FromCapacity % 100));

        // Every level is the sum of the one below: team ← reps, region ← teams, company ← regions.
        foreach (var team in s.Teams) Assert.Equal(s.Reps.Where(r => r.ParentId == team.Id).Sum(r => r.FromCapacity), team.FromCapacity);
        foreach (var region in s.Regions) Assert.Equal(s.Teams.Where(t => t.ParentId == region.Id).Sum(t => t.FromCapacity), region.FromCapacity);
        Assert.Equal(s.Reps.Sum(r => r.FromCapacity), s.Company.FromCapacity);
        Assert.Equal(s.Reps.Sum(r => r.RampedDays), s.Company.RampedDays, 6);
        // The setup's quotas beside them, rolled up the same way.
        Assert.Equal(220_000m, s.Company.Quota);
        Assert.Equal(120_000m, s.Regions.Single(r => r.Id == "south").Quota);
    }

    [Fact]
    public void The_suggestion_from_history_is_last_periods_revenue_with_growth_split_by_what_each_rep_won()
    {
        var setup = Setup([Rep("a"), Rep("b")], [Rep("c")]);
        var q1 = Calendar.Quarter(2026, 1);
        var wins = new[]
        {
            new Credit("j1", "a", q1.Start.AddDays(10), 30_000m), new Credit("j2", "a", q1.Start.AddDays(80), 10_000m),
            new Credit("j3", "c", q1.Start.AddDays(5), 20_000m), new Credit("j4", "c", q1.End.AddDays(1), 99_000m),
        };
        // Q1's revenue (won deals and repurchases) was 90,000: a won 40,000 of the 60,000 won in Q1, c 20,000, b nothing.
        var last = Productivity.LastPeriodByRep(setup, wins, q1, 90_000m);
        Assert.Equal(new Dictionary<string, decimal> { ["a"] = 60_000m, ["b"] = 0m, ["c"] = 30_000m }, last);
        var s = CapacityTargets.Suggest(setup, Calendar.Quarter(2026, 2), new ProductivityEstimate(400, false, "assumed"), CapacityAssumptions.Default, last, q1.Name);

        Assert.Equal(66_000m, s.Reps.Single(r => r.Id == "a").FromHistory); // 60,000 × 1.1
        Assert.Equal(33_000m, s.Reps.Single(r => r.Id == "c").FromHistory);
        Assert.Equal(0m, s.Reps.Single(r => r.Id == "b").FromHistory);
        Assert.Equal(99_000m, s.Company.FromHistory);
        Assert.Equal(90_000m, s.Company.LastPeriod);
        Assert.Equal("FY2026-Q1", s.HistoryPeriod);
        Assert.Null(CapacityTargets.Suggest(setup, q1, new ProductivityEstimate(400, false, "assumed"), CapacityAssumptions.Default).Company.FromHistory);
        // Nobody won anything: the revenue is split evenly, to the cent, and still adds up.
        var even = Productivity.LastPeriodByRep(setup, [], q1, 100m);
        Assert.Equal(100m, even.Values.Sum());
    }

    [Fact]
    public void Productivity_is_learned_per_ramped_rep_day_once_there_is_enough_history()
    {
        var setup = Setup([Rep("a"), Rep("b")]);
        var asOf = new DateTimeOffset(2026, 3, 2, 0, 0, 0, TimeSpan.Zero);
        var from = Productivity.WindowStart(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero), asOf);
        var learned = Productivity.Learn(setup, 42_000m, from, asOf, CapacityAssumptions.Default);
        // 1 Jan – 1 Mar 2026: 42 weekdays × 2 reps.
        Assert.True(learned.Learned, learned.Source);
        Assert.Equal(84, learned.RepDays);
        Assert.Equal(500m, learned.PerRepDay);
        Assert.StartsWith("learned", learned.Source);
        // The window looks back a quarter at most.
        Assert.Equal(asOf.AddDays(-Productivity.WindowDays), Productivity.WindowStart(asOf.AddYears(-1), asOf));

        var young = Productivity.Learn(setup, 42_000m, asOf.AddDays(-20), asOf, CapacityAssumptions.Default);
        Assert.False(young.Learned);
        Assert.Equal(CapacityAssumptions.DefaultProductivityPerRepDay, young.PerRepDay);
        Assert.Contains("fewer than 28", young.Source);
        Assert.False(Productivity.Learn(setup, 0m, from, asOf, CapacityAssumptions.Default).Learned);
    }

    [Fact]
    public void Adopting_a_quarters_suggestion_sets_the_quotas_and_a_month_is_refused_with_the_reason()
    {
        var setup = Setup([Rep("a"), Rep("b", new DateOnly(2026, 2, 16))], [Rep("c")]);
        var s = CapacityTargets.Suggest(setup, Calendar.Quarter(2026, 1), new ProductivityEstimate(370, false, "assumed"), CapacityAssumptions.Default);
        var adopted = CapacityTargets.Adopt(setup, s, fromHistory: false);
        var quotas = adopted.Organisation.Regions.SelectMany(r => r.Teams).SelectMany(t => t.Reps).ToDictionary(r => r.Id, r => r.Quota);
        Assert.Equal(s.Reps.ToDictionary(r => r.Id, r => r.FromCapacity), quotas);
        Assert.Equal(SetupValidator.Validate(setup).Select(p => p.ToString()), SetupValidator.Validate(adopted).Select(p => p.ToString()));
        Assert.DoesNotContain(SetupValidator.Validate(adopted), p => p.ToString()!.Contains("quota"));

        var month = CapacityTargets.Suggest(setup, Calendar.Month(2026, 1), new ProductivityEstimate(370, false, "assumed"), CapacityAssumptions.Default);
        var refused = Assert.Throws<ArgumentException>(() => CapacityTargets.Adopt(setup, month, fromHistory: false));
        Assert.Contains("FY2026-M01", refused.Message);
        Assert.Contains("quarter", refused.Message);
    }
}
