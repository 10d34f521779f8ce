using Growth.Domain.Journeys;
using Growth.Domain.Organisations;
using Growth.Grains.Organisations;
using Growth.Grains.Workspaces;

namespace Growth.Grains.Simulation;

/// <summary>Sends a simulation step's new leads to the regions of the organisation, which hand them to teams and reps.</summary>
public static class LeadRouting
{
    /// <summary>Routes the step's leads region by region (each region applies its releases first); one start per lead routed.</summary>
    public static async Task<List<JourneyStart>> RouteAsync(IGrainFactory grains, string workspace, Organisation organisation,
        List<NewLead> leads, List<RepRelease> releases)
    {
        var starts = new List<JourneyStart>(leads.Count);
        foreach (var region in organisation.Regions)
        {
            var regionLeads = leads.Where(l => l.RegionId == region.Id).ToList();
            var regionReleases = releases.Where(r => r.RegionId == region.Id).ToList();
            if (regionLeads.Count == 0 && regionReleases.Count == 0) continue;
            var assignments = await grains.GetGrain<IRegionGrain>(Keys.Of(workspace, region.Id)).RouteAsync(regionLeads, regionReleases);
            for (var i = 0; i < regionLeads.Count; i++)
            {
                var lead = regionLeads[i];
                starts.Add(new JourneyStart
                {
                    JourneyId = lead.LeadId, At = lead.At, CampaignId = lead.CampaignId, Channel = lead.Channel,
                    Persona = lead.Persona, Rep = assignments[i],
                });
            }
        }
        return starts;
    }
}
