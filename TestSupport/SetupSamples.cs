using Growth.Domain.Journeys;
using Growth.Domain.Setup;

namespace Growth.TestSupport;

/// <summary>A small setup the setup tests share: one region, two teams of four reps, one product, one ads campaign.</summary>
internal static class SetupSamples
{
    /// <summary>Every rep's quarterly quota but the first's.</summary>
    public const decimal Quota = 60_000m;

    /// <summary>The setup with the product at <paramref name="price"/> and the first rep (rep-1-1) at <paramref name="firstQuota"/>.</summary>
    public static SetupDocument Small(decimal price = 5000m, decimal firstQuota = Quota) => new()
    {
        Organisation = new OrganisationSetup
        {
            Regions =
            [
                new RegionSetup
                {
                    Id = "north", Name = "North",
                    Teams = Enumerable.Range(1, 2).Select(t => new TeamSetup
                    {
                        Id = $"team-{t}", Name = $"Team {t}", Leader = $"Lead {t}",
                        Reps = Enumerable.Range(1, 4).Select(r => new RepSetup
                        {
                            Id = $"rep-{t}-{r}", Name = $"Rep {t}.{r}", Quota = t == 1 && r == 1 ? firstQuota : Quota,
                        }).ToArray(),
                    }).ToArray(),
                },
            ],
        },
        Catalogue = new CatalogueSetup { Products = [new ProductSetup { Id = "core", Name = "Core", ListPrice = price }] },
        Channels = new ChannelsSetup { Campaigns = [new CampaignSetup { Id = "ads", Name = "Ads", Channel = Channel.Ads, Budget = 1500m, Period = BudgetPeriod.Day }] },
    };
}
