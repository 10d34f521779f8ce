using Growth.Domain.Import;
using Growth.Domain.Journeys;
using Growth.TestSupport;

namespace Growth.Domain.Tests.Import;

/// <summary>The whole Maven sample imports, every row accounted for, every journey accepted by the transition rules.</summary>
public sealed class MavenImportTests
{
    internal static readonly Lazy<CrmImportResult> Sample = new(() => CrmImport.ReadFolder(MavenSample.Folder));

    static CrmImportResult Result => Sample.Value;

    [Fact]
    public void Every_row_is_imported_or_rejected()
    {
        var report = Result.Report;
        Assert.Equal(MavenSample.Deals.Count, report.RowsRead);
        Assert.Equal(8800, report.RowsRead);
        Assert.Equal(report.RowsRead, report.Imported + report.Rejected.Count);
        Assert.Equal(report.Imported, Result.Journeys.Count);
        var accounted = Result.Journeys.Select(j => j.Row).Concat(report.Rejected.Select(r => r.Row)).Order().ToArray();
        Assert.Equal(Enumerable.Range(2, report.RowsRead), accounted);
    }

    [Fact]
    public void The_report_counts_what_the_file_holds()
    {
        var deals = MavenSample.Deals;
        var exactNames = MavenSample.ListPrices.Keys.ToHashSet();
        static string Squash(string s) => s.Replace(" ", "").ToLowerInvariant();
        var looseNames = exactNames.Select(Squash).ToHashSet();
        // Every row opens an opportunity, prospects too, so every row's product is looked up.
        var respelled = deals.Count(d => !exactNames.Contains(d.Product) && looseNames.Contains(Squash(d.Product)));
        var noAccount = deals.Count(d => d.Account.Length == 0);
        var undated = deals.Count(d => d.Stage == "Prospecting" && d.EngageDate.Length == 0);
        var duplicates = deals.Count - deals.Select(d => d.Id).Distinct().Count();

        var report = Result.Report;
        Assert.Equal(new Dictionary<string, int>
        {
            [ImportReasons.NoAccount] = noAccount,
            [ImportReasons.ProductSpelling] = respelled,
            [ImportReasons.UndatedProspect] = undated,
        }, report.FixedUpByReason.ToDictionary());
        Assert.Equal(duplicates, report.Rejected.Count);
        Assert.Equal(deals.Count - duplicates, report.Imported);
        Assert.Empty(report.Notes);

        // The sample's own mess, as counted above (so a change to the file shows here first): 1,480 GTXPro rows,
        // 80 of them prospects.
        Assert.Equal((1480, 1425, 500, 0), (respelled, noAccount, undated, duplicates));
    }

    [Fact]
    public void Undated_prospects_are_placed_at_the_latest_date_of_the_file()
    {
        var latest = MavenSample.Deals.Where(d => d.Stage is "Won" or "Lost")
            .SelectMany(d => new[] { d.Engaged, d.Closed })
            .Concat(MavenSample.Deals.Where(d => d.EngageDate.Length > 0).Select(d => d.Engaged))
            .Max();
        var at = new DateTimeOffset(latest, TimeSpan.Zero);
        Assert.Equal(at, Result.Report.UndatedProspectsAt);

        var prospect = MavenSample.Deals.First(d => d.Stage == "Prospecting");
        var journey = Result.Journeys.Single(j => j.Id == prospect.Id);
        Assert.All(journey.Events, e => Assert.Equal(at, e.At));
        Assert.Contains(Result.Report.FixedUp, i => i.OpportunityId == prospect.Id && i.Reason == ImportReasons.UndatedProspect);
    }

    [Fact]
    public void Every_journey_is_accepted_by_the_transition_rules()
    {
        foreach (var journey in Result.Journeys)
        {
            var applied = JourneyTransitions.ApplyAll(new JourneyState { Id = journey.Id }, journey.Events);
            Assert.True(applied.Accepted, $"{journey.Id}: {applied.Error}");
            Assert.Equal(journey.Events.Count, applied.State.EventCount);
        }
    }

    [Fact]
    public void Journeys_end_where_the_crm_says_they_are()
    {
        var stages = MavenSample.Deals.ToDictionary(d => d.Id, d => d.Stage);
        foreach (var journey in Result.Journeys)
        {
            var state = JourneyTransitions.ApplyAll(new JourneyState { Id = journey.Id }, journey.Events).State;
            var expected = stages[journey.Id] switch
            {
                "Won" => (JourneyStatus.Customer, FunnelStage.Contract),
                "Lost" => (JourneyStatus.Lost, FunnelStage.Opportunity),
                "Engaging" => (JourneyStatus.Prospect, FunnelStage.Opportunity),
                _ => (JourneyStatus.Prospect, FunnelStage.Opportunity),
            };
            Assert.Equal(expected, (state.Status, state.Stage!.Value));
        }
    }

    [Fact]
    public void Journey_and_event_ids_are_deterministic_and_unique()
    {
        Assert.Equal(Result.Journeys.Count, Result.Journeys.Select(j => j.Id).Distinct().Count());
        var eventIds = Result.Journeys.SelectMany(j => j.Events).Select(e => e.Id).ToArray();
        Assert.Equal(eventIds.Length, eventIds.Distinct().Count());
        Assert.All(Result.Journeys, j => Assert.All(j.Events, e => Assert.StartsWith(j.Id + ":", e.Id)));

        var again = CrmImport.ReadFolder(MavenSample.Folder);
        Assert.Equal(Result.Journeys.Count, again.Journeys.Count);
        for (var i = 0; i < Result.Journeys.Count; i++)
        {
            Assert.Equal(Result.Journeys[i].Id, again.Journeys[i].Id);
            Assert.Equal(Result.Journeys[i].Events, again.Journeys[i].Events);
        }
        Assert.Equal(Result.Report.FixedUp, again.Report.FixedUp);
    }

    [Fact]
    public void The_organisation_is_the_teams_file()
    {
        var org = Result.Organisation;
        var agents = MavenSample.Agents;
        Assert.Equal(agents.Select(a => a.Office).Distinct(), org.Regions.Select(r => r.Name));
        Assert.Equal(["central", "east", "west"], org.Regions.Select(r => r.Id));
        Assert.Equal(agents.Select(a => a.Manager).Distinct(), org.Teams.Select(t => t.LeaderName));
        Assert.Contains(org.Teams, t => t is { Id: "dustin-brinkmann", RegionId: "central", Name: "Dustin Brinkmann" });
        Assert.Equal(agents.Select(a => a.Name), org.Reps.Select(r => r.Name));
        Assert.Contains(org.Reps, r => r is { Id: "mei-mei-johns", TeamId: "melvin-marxen" });
        Assert.Empty(org.Campaigns);
        foreach (var team in org.Teams)
        {
            Assert.Contains(team.Id, org.Regions.Single(r => r.Id == team.RegionId).TeamIds);
            Assert.All(team.Reps, r => Assert.Equal(team.LeaderName, agents.Single(a => a.Name == r.Name).Manager));
        }
        Assert.All(org.Reps, r =>
        {
            Assert.Equal([0.5, 0.5, 0.5, 0.5, 0.5, 0.5], r.Skills);
            Assert.Equal(40, r.Capacity);
        });
    }

    [Fact]
    public void The_price_list_is_the_products_file()
    {
        Assert.Equal(MavenSample.ListPrices, Result.Products.ToDictionary(p => p.Name, p => p.ListPrice));
        Assert.Contains(new CrmProduct("GTX Pro", "GTX", 4821m), Result.Products);
    }

    [Fact]
    public void An_opportunity_opens_at_its_list_price_and_a_win_signs_its_close_value()
    {
        var won = MavenSample.Deals.First(d => d is { Stage: "Won", Product: "GTXPro" });
        var events = Result.Journeys.Single(j => j.Id == won.Id).Events;
        Assert.Equal(
            [EventKind.LeadCreated, EventKind.LeadAssigned, EventKind.Qualified, EventKind.OpportunityOpened, EventKind.Won, EventKind.OrderSigned],
            events.Select(e => e.Kind));
        Assert.Equal(MavenSample.ListPrices["GTX Pro"], events.Single(e => e.Kind == EventKind.OpportunityOpened).Amount);
        Assert.All(events.Where(e => e.Kind is EventKind.Won or EventKind.OrderSigned), e =>
        {
            Assert.Equal(won.Value, e.Amount);
            Assert.Equal(new DateTimeOffset(won.Closed, TimeSpan.Zero), e.At);
        });
        Assert.Equal($"{won.Id}:created", events[0].Id);

        var lost = MavenSample.Deals.First(d => d.Stage == "Lost");
        var last = Result.Journeys.Single(j => j.Id == lost.Id).Events[^1];
        Assert.Equal((EventKind.Lost, "reason not in the export", null), (last.Kind, last.Reason, last.Step));
    }
}
