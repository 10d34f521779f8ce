using Growth.Domain.Forecast;
using Growth.Domain.Journeys;
using Growth.Domain.Randomness;
using Growth.Domain.Records;

namespace Growth.Domain.Tests.Records;

/// <summary>
/// The forecast and the Pipeline page read deals from the record rows instead of the journeys: a deal judged from its
/// row is the deal judged from the journey's state, open, won, lost or churned, with or without the CRM's dates.
/// </summary>
public class RecordDealStateTests
{
    static readonly DateTimeOffset Now = new(2026, 5, 20, 12, 0, 0, TimeSpan.Zero);

    /// <summary>400 seeded deals (and leads, which have no deal) of every kind the forecast meets.</summary>
    static List<JourneyState> States()
    {
        var rng = new Prng(31);
        return Enumerable.Range(0, 400).Select(i =>
        {
            var opened = Now.AddDays(-rng.Uniform(0, 120));
            var kind = rng.Next(5); // 0 open, 1 won, 2 lost, 3 churned after a win, 4 a lead
            var closed = kind is 1 or 2 or 3 ? opened.AddDays(rng.Uniform(1, 60)) : (DateTimeOffset?)null;
            var step = rng.Next(7);
            var crm = rng.Chance(0.3);
            return new JourneyState
            {
                Id = $"j-{i:000}", Status = kind switch { 0 or 4 => JourneyStatus.Prospect, 1 => JourneyStatus.Customer, 2 => JourneyStatus.Lost, _ => JourneyStatus.Churned },
                Stage = kind == 4 ? FunnelStage.QualifiedIntent : FunnelStage.Opportunity, RegionId = "r", TeamId = $"t-{i % 3}", RepId = $"rep-{i % 7}",
                CreatedAt = opened.AddDays(-3), AssignedAt = opened.AddDays(-2), OpportunityAt = kind == 4 ? null : opened, ClosedAt = closed,
                LastStep = step == 0 ? null : (ConversationStep)(step - 1), StepAt = rng.Chance(0.8) ? opened.AddDays(rng.Uniform(0, 10)) : null,
                ExpectedCloseAt = crm ? opened.AddDays(rng.Uniform(5, 90)) : null, CloseDatePushes = crm ? rng.Next(3) : 0,
                ForecastCategory = crm ? (ForecastCategory)rng.Next(3) : null,
                OpportunityValue = Math.Round((decimal)rng.Uniform(1_000, 50_000), 2), Won = kind is 1 or 3,
                WonValue = kind is 1 or 3 ? Math.Round((decimal)rng.Uniform(1_000, 50_000), 2) : 0,
                OrderValue = kind is 1 or 3 ? 70_000 : 0, LastEventAt = closed ?? Now,
            };
        }).ToList();
    }

    static List<JourneyState> FromRows(IEnumerable<JourneyState> states) =>
        states.Select(s => CustomerRecord.Of(s, nameSeed: 1, erased: false).DealState()).OfType<JourneyState>().ToList();

    [Fact]
    public void A_deal_judged_from_its_row_is_the_deal_judged_from_the_journey()
    {
        var states = States();
        var rows = FromRows(states).ToDictionary(s => s.Id);
        Assert.Equal(states.Count(s => s.OpportunityAt is not null), rows.Count);
        var p = DealJudgementParameters.Default.Learned(states);
        Assert.Equal(p, DealJudgementParameters.Default.Learned(rows.Values));
        foreach (var s in states.Where(s => s.OpportunityAt is not null))
            foreach (var optimism in new[] { -0.6, 0, 0.8 })
            {
                Assert.Equal(DealJudgement.Judge(s, optimism, Now, p), DealJudgement.Judge(rows[s.Id], optimism, Now, p));
                Assert.Equal(PipelineWaterfall.JudgeAt(s, optimism, Now.AddDays(-7), p), PipelineWaterfall.JudgeAt(rows[s.Id], optimism, Now.AddDays(-7), p));
            }
    }

    [Fact]
    public void The_rows_names_reach_the_deal_so_the_pipeline_can_search_them_and_an_erased_row_names_nobody()
    {
        var s = States().First(x => x.OpportunityAt is not null && x.HasOpenOpportunity);
        var row = CustomerRecord.Of(s, nameSeed: 7, erased: false).Named(null);
        Assert.True(row.Name.Length > 0 && row.Company.Length > 0, "a simulated row is named from its seed");
        var deal = DealJudgement.Judge(row.DealState()!, 0, Now)!;
        Assert.Equal((row.Name, row.Company, row.Name), (deal.Name, deal.Company, deal.Display));
        var erased = DealJudgement.Judge(row.Blanked().DealState()!, 0, Now)!;
        Assert.Equal(("", "", s.Id), (erased.Name, erased.Company, erased.Display));
    }

    [Fact]
    public void A_lead_has_no_deal_in_the_rows()
    {
        var lead = new JourneyState { Id = "lead", Status = JourneyStatus.Prospect, Stage = FunnelStage.Lead, CreatedAt = Now };
        Assert.Null(CustomerRecord.Of(lead, null, erased: false).DealState());
    }
}
