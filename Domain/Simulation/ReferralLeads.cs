using Growth.Domain.Journeys;
using Growth.Domain.Organisations;
using Growth.Domain.Randomness;

namespace Growth.Domain.Simulation;

/// <summary>A referral becomes a lead of the referral channel, in the referrer's region (the first region when the referrer had none).</summary>
public static class ReferralLeads
{
    /// <summary>The referred lead's region and hidden truth, drawn from the referral's own seed.</summary>
    public static (string RegionId, LeadPersona Persona) Draw(ReferralLead referral, Organisation organisation, BehaviourParameters parameters)
    {
        var rng = new Prng(referral.Seed);
        var region = referral.RegionId ?? organisation.Regions[0].Id;
        return (region, LeadPersonas.Draw(rng, parameters.Channels[Channel.Referral], parameters));
    }
}
