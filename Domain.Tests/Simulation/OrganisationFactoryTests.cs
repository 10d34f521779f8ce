using Growth.Domain.Journeys;
using Growth.Domain.Simulation;

namespace Growth.Domain.Tests.Simulation;

/// <summary>The demo's organisation reads like a real one: campaigns named as a marketing team names them.</summary>
public class OrganisationFactoryTests
{
    [Fact]
    public void Campaigns_are_named_like_campaigns_of_their_channel_each_name_once()
    {
        var campaigns = OrganisationFactory.Build(42, 2, 2, 3, campaigns: 12).Campaigns;

        Assert.Equal("Search ads – brand terms", campaigns[0].Name);
        Assert.Equal(Channel.Ads, campaigns[0].Channel);
        Assert.Equal("Spring webinar series", campaigns[2].Name);
        Assert.Equal(Channel.Content, campaigns[2].Channel);
        Assert.Equal(campaigns.Count, campaigns.Select(c => c.Name).Distinct().Count());
        // The same for every seed: the names do not draw on the organisation's random numbers.
        Assert.Equal(campaigns.Select(c => c.Name), OrganisationFactory.Build(7, 1, 1, 1, campaigns: 12).Campaigns.Select(c => c.Name));
    }

    [Fact]
    public void More_campaigns_than_names_are_numbered_not_repeated()
    {
        var names = OrganisationFactory.Build(1, 1, 1, 1, campaigns: 25).Campaigns.Select(c => c.Name).ToList();

        Assert.Equal(names.Count, names.Distinct().Count());
        Assert.Equal("Search ads – brand terms (2)", names[20]);
    }
}
