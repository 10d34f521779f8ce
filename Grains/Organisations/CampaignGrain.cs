using Growth.Domain.Organisations;
using Growth.Domain.Randomness;
using Growth.Domain.Simulation;
using Growth.Grains.Errors;
using Growth.Grains.Runtime;
using Growth.Grains.Simulation;

namespace Growth.Grains.Organisations;

[GenerateSerializer]
public sealed class CampaignRecord
{
    [Id(0)] public CampaignProfile? Campaign { get; set; }
    [Id(1)] public BehaviourParameters? Parameters { get; set; }
    [Id(2)] public ulong Rng { get; set; }
    [Id(3)] public long LeadCount { get; set; }
    [Id(4)] public long Touches { get; set; }
    [Id(5)] public decimal Spend { get; set; }
}

/// <summary>A campaign: spends its budget and brings leads of its channel's quality.</summary>
public sealed class CampaignGrain(
    [PersistentState("campaign", GrainStorage.Name)] IPersistentState<CampaignRecord> record) : Grain, ICampaignGrain
{
    public async Task ConfigureAsync(CampaignProfile campaign, ParametersRef parameters, ulong seed)
    {
        Validate(campaign, parameters);
        record.State = new CampaignRecord { Campaign = campaign, Parameters = parameters.Value, Rng = seed };
        await record.WriteStateAsync();
    }

    public async Task UpdateAsync(CampaignProfile campaign, ParametersRef parameters)
    {
        if (record.State.Campaign is null) throw new DomainException($"campaign {campaign.Id} is not configured", DomainErrorKind.NotFound);
        Validate(campaign, parameters);
        record.State.Campaign = campaign;
        record.State.Parameters = parameters.Value;
        await record.WriteStateAsync();
    }

    static void Validate(CampaignProfile campaign, ParametersRef parameters)
    {
        if (campaign.DailyBudget < 0) throw new DomainException($"campaign {campaign.Id}: daily budget must not be negative (was {campaign.DailyBudget})");
        if (!parameters.Value.Channels.ContainsKey(campaign.Channel))
            throw new DomainException($"campaign {campaign.Id}: no lead quality is defined for channel {campaign.Channel}");
    }

    public async Task<CampaignBatch> RunAsync(DateTimeOffset from, DateTimeOffset to)
    {
        var s = record.State;
        var campaign = s.Campaign ?? throw new DomainException($"campaign {this.GetPrimaryKeyString()} is not configured", DomainErrorKind.NotFound);
        var rng = new Prng(s.Rng);
        var (touches, spend, generated) = CampaignReach.Run(campaign, s.Parameters ?? BehaviourParameters.Default, rng, from, to);
        var leads = new List<NewLead>(generated.Count);
        foreach (var g in generated)
            leads.Add(new NewLead($"{campaign.Id}-{++s.LeadCount}", g.At, g.RegionId, campaign.Id, campaign.Channel, g.Persona));
        s.Rng = rng.State;
        s.Touches += touches;
        s.Spend += spend;
        await record.WriteStateAsync();
        return new CampaignBatch(campaign.Id, touches, spend, leads);
    }

    public Task<CampaignProfile?> GetProfileAsync() => Task.FromResult(record.State.Campaign);
}
