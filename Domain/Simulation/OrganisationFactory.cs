using Bogus;
using Growth.Domain.Journeys;
using Growth.Domain.Organisations;
using Growth.Domain.Randomness;
using Growth.Domain.Quotas;

namespace Growth.Domain.Simulation;

/// <summary>Builds a sales organisation and its campaigns from a seed with Bogus: same seed, same organisation.</summary>
public static class OrganisationFactory
{
    static readonly string[] RegionNames = ["North", "South", "East", "West", "Central", "Coastal", "Highlands", "Metro"];
    /// <summary>Campaigns in turn by channel, each named as a marketing team names its campaigns (the n-th of a channel takes its n-th name).</summary>
    static readonly (Channel Channel, string[] Names, decimal Budget)[] CampaignKinds =
    [
        (Channel.Ads, ["Search ads – brand terms", "Social ads – lookalike audiences", "Search ads – competitor terms", "Retargeting – pricing page visitors"], 1500m),
        (Channel.Events, ["Regional trade show", "Customer roadshow", "Industry conference booth", "Partner breakfast briefings"], 2000m),
        (Channel.Content, ["Spring webinar series", "Buyer's guide download", "Customer story videos", "Monthly newsletter"], 800m),
        (Channel.Incentive, ["30-day free trial", "First-order discount", "Referral reward", "Upgrade offer for trial users"], 600m),
        (Channel.Brand, ["Brand awareness – online video", "Sponsorship – local business awards", "Outdoor posters – city centre", "Podcast sponsorship"], 1000m),
    ];

    /// <summary>Seeded reps' optimism is uniform in ±this (unitless, −1..1 scale; source: assumed).</summary>
    public const double DemoOptimismSpread = 0.6;

    /// <summary>
    /// Every seeded rep's quarterly quota, from capacity: a fully ramped rep's revenue per working day
    /// (<see cref="CapacityAssumptions.ProductivityPerRepDay"/>) × a quarter's working days, rounded to 100 (370 × 65 = 24,100).
    /// </summary>
    public static readonly decimal SeededQuota = CapacityTargets.Round(
        CapacityAssumptions.DefaultProductivityPerRepDay * CapacityAssumptions.WorkingDaysPerQuarter, CapacityAssumptions.DefaultRoundTo);

    /// <summary>
    /// The quota from capacity. <paramref name="formerDraw"/> once picked the quota (60k–100k at random); it is still
    /// drawn so every later draw, and so the rest of the seeded organisation, stays as it was.
    /// </summary>
    static decimal DemoQuota(int formerDraw)
    {
        _ = formerDraw;
        return SeededQuota;
    }

    /// <summary>A rep's skill per conversation step: their talent ± a normal spread of 0.1, within 0.05..0.98 (assumed).</summary>
    public static double[] DrawSkills(Prng rng, double talent) =>
        Enum.GetValues<ConversationStep>().Select(_ => Math.Round(Math.Clamp(talent + rng.Normal(0, 0.1), 0.05, 0.98), 2)).ToArray();

    public static Organisation Build(ulong seed, int regions, int teamsPerRegion, int repsPerTeam, int campaigns, double budgetScale = 1)
    {
        var faker = new Faker("en") { Random = new Randomizer((int)(seed % int.MaxValue)) };
        var rng = new Prng(Prng.Derive(seed, "organisation"));
        var regionList = new List<RegionProfile>();
        var teamList = new List<TeamProfile>();
        for (var r = 0; r < regions; r++)
        {
            var regionId = $"region-{r + 1}";
            var regionName = r < RegionNames.Length ? RegionNames[r] : $"Region {r + 1}";
            var teamIds = new List<string>();
            for (var t = 0; t < teamsPerRegion; t++)
            {
                var teamId = $"team-{r + 1}-{t + 1}";
                var leader = faker.Name.FullName();
                var reps = new List<RepProfile>();
                for (var i = 0; i < repsPerTeam; i++)
                {
                    var talent = rng.Uniform(0.3, 0.8);
                    reps.Add(new RepProfile
                    {
                        Id = $"rep-{r + 1}-{t + 1}-{i + 1}",
                        Name = faker.Name.FullName(),
                        TeamId = teamId,
                        Skills = DrawSkills(rng, talent),
                        Capacity = 30 + rng.Next(21),
                        Incentive = Math.Round(rng.Uniform(0.3, 0.8), 2),
                        Target = DemoQuota(rng.Next(5)),
                        // From a stream of its own (not the organisation's), so the seeded organisation stays as it was.
                        Optimism = Math.Round(new Prng(Prng.Derive(seed, $"rep-{r + 1}-{t + 1}-{i + 1}/optimism")).Uniform(-DemoOptimismSpread, DemoOptimismSpread), 2),
                    });
                }
                teamList.Add(new TeamProfile
                {
                    Id = teamId,
                    Name = $"{regionName} {faker.Commerce.Department()} ({leader.Split(' ')[^1]})",
                    RegionId = regionId,
                    LeaderName = leader,
                    Rule = AssignmentRule.LeastLoaded,
                    Reps = reps,
                });
                teamIds.Add(teamId);
            }
            regionList.Add(new RegionProfile { Id = regionId, Name = regionName, TeamIds = teamIds });
        }
        var allRegions = regionList.Select(r => r.Id).ToList();
        var campaignList = new List<CampaignProfile>();
        for (var c = 0; c < campaigns; c++)
        {
            var kind = CampaignKinds[c % CampaignKinds.Length];
            var round = c / CampaignKinds.Length;
            campaignList.Add(new CampaignProfile
            {
                Id = $"campaign-{c + 1}",
                Name = round < kind.Names.Length ? kind.Names[round] : $"{kind.Names[round % kind.Names.Length]} ({round / kind.Names.Length + 1})",
                Channel = kind.Channel,
                DailyBudget = Math.Round(kind.Budget * (decimal)budgetScale, 2),
                RegionIds = allRegions,
            });
        }
        return new Organisation { Regions = regionList, Teams = teamList, Campaigns = campaignList };
    }
}
