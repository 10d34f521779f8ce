using Growth.Domain.Journeys;
using Growth.Domain.Organisations;
using Growth.Domain.Randomness;
using Growth.Domain.Simulation;

namespace Growth.Domain.Tests.Simulation;

/// <summary>Leads arrive mostly in working time and by month, with the same number over a year as without seasonality.</summary>
public class LeadArrivalTests
{
    static readonly DateTimeOffset Monday = new(2026, 3, 2, 0, 0, 0, TimeSpan.Zero);
    static readonly CampaignProfile Campaign = new() { Id = "c", Name = "c", Channel = Channel.Ads, DailyBudget = 20_000, RegionIds = ["r"] };

    static bool InWorkingTime(DateTimeOffset at, LeadArrival a) =>
        a.WorkingDays.Contains(at.DayOfWeek) && at.TimeOfDay.TotalHours >= a.WorkdayStartHour && at.TimeOfDay.TotalHours < a.WorkdayEndHour;

    /// <summary>A simulation's hour-by-hour campaign runs over four weeks.</summary>
    static List<GeneratedLead> HourlyLeads(BehaviourParameters p)
    {
        var rng = new Prng(5);
        var leads = new List<GeneratedLead>();
        for (var t = Monday; t < Monday.AddDays(28); t = t.AddHours(1)) leads.AddRange(CampaignReach.Run(Campaign, p, rng, t, t.AddHours(1)).Leads);
        return leads;
    }

    [Fact]
    public void Seasonality_moves_arrivals_into_working_hours()
    {
        var p = BehaviourParameters.Default with
        {
            Arrival = LeadArrival.Default with { MonthWeights = [1.05, 1.05, 1.1, 1.05, 1.0, 0.95, 0.85, 0.85, 1.05, 1.1, 1.05, 0.85] },
        };
        var seasonal = HourlyLeads(p);
        var even = HourlyLeads(p with { Arrival = p.Arrival with { Enabled = false } });
        double Share(List<GeneratedLead> leads) => (double)leads.Count(l => InWorkingTime(l.At, p.Arrival)) / leads.Count;
        // 45 of a week's 168 hours are working time: 27 % of evenly spread leads, 80 % (WorkingTimeShare) with seasonality.
        Assert.InRange(Share(even), 0.24, 0.30);
        Assert.InRange(Share(seasonal), 0.77, 0.83);
        // A March weight of 1.1 against a yearly mean of 1: about 10 % more leads in March.
        Assert.InRange((double)seasonal.Count / even.Count, 1.06, 1.15);
    }

    [Fact]
    public void Working_time_is_counted_in_the_company_time_zone()
    {
        var shanghai = LeadArrival.Default with { TimeZone = "Asia/Shanghai", MonthWeights = [] };
        // 02:00 UTC on a Monday is 10:00 in Shanghai: working time there, night in UTC.
        var at = Monday.AddHours(2);
        Assert.True(shanghai.Weight(at) > 1);
        Assert.True(LeadArrival.Default.Weight(at) < 1);
    }

    [Fact]
    public void The_weights_average_one_over_a_year_and_are_one_when_off()
    {
        var a = LeadArrival.Default with { MonthWeights = [1.05, 1.05, 1.1, 1.05, 1.0, 0.95, 0.85, 0.85, 1.05, 1.1, 1.05, 0.85] };
        var year = a.MeanWeight(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.Zero));
        Assert.InRange(year, 0.98, 1.02);
        Assert.Equal(1, (a with { Enabled = false }).Weight(Monday));
        var (inside, outside) = a.TimeWeights();
        Assert.Equal(1, (inside * 45 + outside * 123) / 168, 9);
    }
}
