using Growth.Domain.Journeys;
using Growth.Domain.Setup;
using Growth.Grains.Errors;
using Growth.Grains.Setup;
using Growth.Grains.Tests.Cluster;
using Growth.Grains.Workspaces;

namespace Growth.Grains.Tests.Setup;

[Collection(ClusterCollection.Name)]
public class SetupGrainTests(ClusterFixture fixture)
{
    IGrainFactory Grains => fixture.Grains;

    /// <summary>A small company: one region, one team per name given, reps a/b/c in each, one campaign.</summary>
    internal static SetupDocument Company(decimal quota = 60_000, decimal campaignBudget = 1500, params string[] teams) => new()
    {
        Organisation = new OrganisationSetup
        {
            Regions =
            [
                new RegionSetup
                {
                    Id = "north", Name = "North",
                    Teams = (teams.Length == 0 ? new[] { "t1" } : teams).Select(t => new TeamSetup
                    {
                        Id = t, Name = $"Team {t}", Leader = "Lee",
                        Reps = new[] { "a", "b", "c" }.Select(r => new RepSetup { Id = $"{t}-{r}", Name = $"Rep {t}-{r}", Quota = quota, Capacity = 30, Skills = new SkillsSetup { Opening = 0.6, Close = 0.6 } }).ToList(),
                    }).ToList(),
                },
            ],
        },
        Channels = new ChannelsSetup
        {
            Campaigns = [new CampaignSetup { Id = "events", Name = "Events", Channel = Channel.Events, Budget = campaignBudget, Period = BudgetPeriod.Day }],
        },
    };

    static string Json(SetupDocument d) => System.Text.Json.JsonSerializer.Serialize(d);

    [Fact]
    public async Task Every_change_is_a_version_with_who_and_when_earlier_ones_stay_readable_and_rollback_makes_a_new_one()
    {
        var setup = Grains.GetGrain<ISetupGrain>("setup-versions");
        Assert.Null(await setup.GetAsync());
        var first = Company(quota: 50_000);
        var second = Company(quota: 80_000);

        var v1 = await setup.ApplyAsync(first, "ann", "our company");
        var v2 = await setup.ApplyAsync(second, "bob", "bigger quotas", expectedVersion: 1);
        Assert.Equal((1, "ann", "our company"), (v1.Number, v1.By, v1.Note));
        Assert.Equal((2, "bob"), (v2.Number, v2.By));
        Assert.True(v2.At >= v1.At);
        // What changed: every rep's quota, 50000 → 80000.
        Assert.Equal(3, v2.Changes.Count(c => c.Path.EndsWith("quota", StringComparison.Ordinal)));
        Assert.Contains(v2.Changes, c => c.Before == "50000" && c.After == "80000");

        var current = await setup.GetAsync();
        Assert.Equal((2, "bob"), (current!.Version, current.By));
        Assert.Equal(Json(first), Json((await setup.GetVersionAsync(1))!));
        Assert.Null(await setup.GetVersionAsync(9));

        // The same document again stores nothing.
        Assert.Equal(2, (await setup.ApplyAsync(second, "bob", "again")).Number);

        var rolledBack = await setup.RollbackAsync(1, "cy");
        Assert.Equal((3, "cy", "rolled back to version 1"), (rolledBack.Number, rolledBack.By, rolledBack.Note));
        Assert.Equal(Json(first), Json((await setup.GetAsync())!.Document));
        Assert.Equal([3, 2, 1], (await setup.GetHistoryAsync()).Select(v => v.Number));

        // A workspace without a simulation gets the compiled organisation at once: the quotas are its reps' targets.
        var org = await Grains.GetGrain<IWorkspaceGrain>("setup-versions").GetOrganisationAsync();
        Assert.All(org!.Reps, r => Assert.Equal(50_000m, r.Target));
    }

    [Fact]
    public async Task A_stale_expected_version_is_refused_and_nothing_is_stored()
    {
        var setup = Grains.GetGrain<ISetupGrain>("setup-stale");
        await setup.ApplyAsync(Company(), "ann", "");
        await setup.ApplyAsync(Company(quota: 70_000), "bob", "", expectedVersion: 1);

        var refused = await Assert.ThrowsAsync<DomainException>(() => setup.ApplyAsync(Company(quota: 99_000), "ann", "", expectedVersion: 1));
        Assert.Equal(DomainErrorKind.Conflict, refused.Kind);
        Assert.Equal(2, (await setup.GetAsync())!.Version);
        Assert.Equal(2, (await setup.GetHistoryAsync()).Count);
    }

    [Fact]
    public async Task An_invalid_setup_is_refused_with_every_problem_by_path_and_nothing_is_stored()
    {
        var setup = Grains.GetGrain<ISetupGrain>("setup-invalid");
        await setup.ApplyAsync(Company(), "ann", "");
        var bad = Company() with
        {
            Organisation = Company().Organisation with
            {
                Regions = [Company().Organisation.Regions[0] with { Teams = [Company().Organisation.Regions[0].Teams[0] with
                {
                    Reps = [new RepSetup { Id = "zero", Name = "Zero", Capacity = 0 }],
                }] }],
            },
        };

        var refused = await Assert.ThrowsAsync<DomainException>(() => setup.ApplyAsync(bad, "ann", "broken"));
        Assert.Equal(DomainErrorKind.Invalid, refused.Kind);
        // The problems cross the grain boundary as data, each naming its field path, and the message lists them.
        var problem = Assert.Single(refused.Problems!, p => p.Path.EndsWith("capacity", StringComparison.Ordinal));
        Assert.Equal("organisation.regions[0].teams[0].reps[0].capacity", problem.Path);
        Assert.Contains(problem.Path, refused.Message);
        Assert.Equal(1, (await setup.GetAsync())!.Version);
        Assert.Single(await setup.GetHistoryAsync());
    }

    [Fact]
    public async Task Rolling_back_to_a_version_that_does_not_exist_is_refused()
    {
        var setup = Grains.GetGrain<ISetupGrain>("setup-missing");
        var refused = await Assert.ThrowsAsync<DomainException>(() => setup.RollbackAsync(4, "ann"));
        Assert.Equal(DomainErrorKind.NotFound, refused.Kind);
    }
}
