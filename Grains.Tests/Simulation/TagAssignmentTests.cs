using Growth.Domain.Access;
using Growth.Domain.Journeys;
using Growth.Domain.Organisations;
using Growth.Domain.Setup;
using Growth.Grains.Journeys;
using Growth.Grains.Setup;
using Growth.Grains.Simulation;
using Growth.Grains.Tests.Cluster;
using Growth.Grains.Workspaces;
using static Growth.Grains.Tests.Setup.SetupGrainTests;

namespace Growth.Grains.Tests.Simulation;

/// <summary>The simulation routes its leads by the setup's tag rules, and a territory-owner team hands them to the rep who owns them.</summary>
[Collection(ClusterCollection.Name)]
public class TagAssignmentTests(ClusterFixture fixture)
{
    static readonly DateTimeOffset Start = new(2026, 1, 5, 0, 0, 0, TimeSpan.Zero);
    IGrainFactory Grains => fixture.Grains;

    [Fact]
    public async Task Event_leads_go_to_the_team_a_tag_rule_names_and_to_the_rep_whose_territory_owns_their_segment()
    {
        const string ws = "tag-routing";
        var company = Company(teams: ["t1", "t2"]);
        var setup = company with
        {
            Organisation = new OrganisationSetup
            {
                Regions = company.Organisation.Regions.Select(r => r with
                {
                    Teams = r.Teams.Select(t => t.Id != "t2" ? t : t with
                    {
                        Assignment = AssignmentRule.TerritoryOwner,
                        Reps = t.Reps.Select(rep => rep with { Territory = new TerritorySetup { Segments = [rep.Id == "t2-b" ? "smb" : "enterprise"] } }).ToList(),
                    }).ToList(),
                }).ToList(),
            },
            Rules = new RulesSetup
            {
                Tags = new LeadTagsSetup { Segments = [new SegmentShareSetup { Name = "smb", Share = 1 }] },
                Assignment = [new TagRuleSetup { Sources = [Channel.Events], Team = "t2" }],
            },
        };
        Assert.Empty(SetupValidator.Validate(setup));
        await Grains.GetGrain<ISetupGrain>(ws).ApplyAsync(setup, "leader", "tag rules");
        var sim = Grains.GetGrain<ISimulationGrain>(ws);
        await sim.CreateAsync(new SimulationSettings { Seed = 5, Start = Start, ExistingCustomers = 0 });
        var now = (await sim.RunForAsync(TimeSpan.FromDays(4))).SimulatedNow!.Value;

        var journeys = (await Task.WhenAll(Enumerable.Range(0, Keys.ShardCount)
            .Select(i => Grains.GetGrain<IJourneyShardGrain>(Keys.Shard(ws, i)).StatesAsync()))).SelectMany(s => s).ToList();
        var events = journeys.Where(j => j.Channel == Channel.Events && !j.Existing).ToList();
        Assert.True(events.Count >= 20, $"only {events.Count} event leads");
        Assert.All(events, j => Assert.Equal("t2", j.TeamId));
        // Every lead is an smb lead: the territory owner takes each one (its teammates' territories exclude smb), unless it went back to the pool.
        Assert.All(events.Where(j => j.Returns == 0), j => Assert.Equal("t2-b", j.RepId));

        // The pool view over the same rows counts every open lead once.
        var slices = await Task.WhenAll(Enumerable.Range(0, Keys.ShardCount)
            .Select(i => Grains.GetGrain<IJourneyShardGrain>(Keys.Shard(ws, i)).PoolAsync(FigureScope.Full, now, 24, 10)));
        var pool = Domain.Pool.LeadPoolView.Merge(slices, 10);
        var open = journeys.Count(j => j.Status == JourneyStatus.Prospect && j.OpportunityAt is null && !j.Existing);
        Assert.Equal(open, pool.OpenLeads);
        Assert.Equal(events.Count(j => j.Status == JourneyStatus.Prospect && j.OpportunityAt is null), pool.ByTag.GetValueOrDefault("source:events"));
    }
}
