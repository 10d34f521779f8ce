using Growth.Domain.Journeys;

namespace Growth.Domain.Setup.Validation;

/// <summary>Rules for campaigns.</summary>
internal static class ChannelRules
{
    public static void Check(ChannelsSetup channels, SetupIndex index, ProblemList problems)
    {
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < channels.Campaigns.Count; i++)
            Campaign(channels.Campaigns[i], SetupPath.Item("channels", "campaigns", i), index, ids, problems);
    }

    static void Campaign(CampaignSetup c, string at, SetupIndex index, Dictionary<string, string> ids, ProblemList problems)
    {
        if (problems.Id(SetupPath.Field(at, "id"), c.Id)) problems.Unique(SetupPath.Field(at, "id"), c.Id, "campaign", ids);
        problems.Text(SetupPath.Field(at, "name"), c.Name);
        problems.Defined(SetupPath.Field(at, "channel"), c.Channel);
        if (c.Channel == Channel.Referral)
            problems.Add(SetupPath.Field(at, "channel"), "referral is not a paid campaign channel (referrals come from customers)");
        problems.Defined(SetupPath.Field(at, "period"), c.Period);
        problems.Defined(SetupPath.Field(at, "costModel"), c.CostModel);
        problems.AtLeast(SetupPath.Field(at, "budget"), c.Budget, 0m);
        if (c.CostPerUnit is { } cost && cost <= 0)
            problems.Add(SetupPath.Field(at, "costPerUnit"), $"must be more than 0 (was {ProblemList.Show(cost)})");
        if (c.ExpectedReach is { } reach && reach < 0)
            problems.Add(SetupPath.Field(at, "expectedReach"), $"must be 0 or more (was {reach})");
        else if (c.ExpectedReach is null && c.CostModel == CostModel.Fixed)
            problems.Add(SetupPath.Field(at, "expectedReach"), "is required when costModel is fixed (a fixed fee buys no reach of its own)");
        if (c.JunkShare is { } junk) problems.Share(SetupPath.Field(at, "junkShare"), junk);
        if (c.Start is { } start && c.End is { } end && end < start)
            problems.Add(SetupPath.Field(at, "end"), $"must be on or after start ({ProblemList.Show(start)}) (was {ProblemList.Show(end)})");
        for (var i = 0; i < c.Regions.Count; i++)
            if (!index.Regions.Contains(c.Regions[i] ?? ""))
                problems.Add(SetupPath.Item(at, "regions", i), $"unknown region '{c.Regions[i]}'");
    }
}
