using Growth.Domain.Journeys;
using Growth.Domain.Organisations;
using Growth.Domain.Simulation;
using Growth.Grains.Organisations;
using Growth.Grains.Workspaces;

namespace Growth.Grains.Simulation;

/// <summary>Sends a simulation step's new leads to the regions of the organisation, which hand them to teams and reps.</summary>
public static class LeadRouting
{
    /// <summary>
    /// Tags the step's leads and routes them region by region (each region applies its releases first): the first tag
    /// rule a lead matches sends it to its region and team; no match keeps its own region. One start per lead routed.
    /// </summary>
    public static async Task<List<JourneyStart>> RouteAsync(IGrainFactory grains, string workspace, Organisation organisation,
        List<NewLead> leads, List<RepRelease> releases, OperatingRules rules)
    {
        // Tags only travel with the lead to its region when a team's territory-owner rule reads them (they cost a copy per
        // lead); the journey keeps them as one text (LeadTagText) whenever the setup tags leads.
        var owners = organisation.Teams.Any(t => t.Rule == AssignmentRule.TerritoryOwner);
        var live = rules.TagRules.Where(r => Exists(r, organisation)).ToList();
        var tagging = rules.Tagging;
        var tagsOf = new Dictionary<string, string>(StringComparer.Ordinal);
        if (live.Count > 0 || owners || Tags(tagging))
        {
            var texts = new Dictionary<string, string>(StringComparer.Ordinal);
            leads = leads.Select(l =>
            {
                var tags = tagging.Tag(l.Channel, l.CampaignId, l.Persona.Seed);
                // One string per distinct tag set: the step's journeys share it.
                if (LeadTagText.Kept(tags) is { } text) tagsOf[l.LeadId] = texts.TryGetValue(text, out var shared) ? shared : texts[text] = text;
                return Routed(l, tags, live, owners);
            }).ToList();
        }
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
                    Persona = lead.Persona, Rep = assignments[i], Tags = tagsOf.GetValueOrDefault(lead.LeadId),
                });
            }
        }
        return starts;
    }

    /// <summary>Whether the setup tags leads beyond their source and campaign.</summary>
    static bool Tags(LeadTagging tagging) => tagging.Segments.Count > 0 || tagging.Products.Count > 0 || tagging.Custom.Count > 0;

    /// <summary>The lead (with its <paramref name="tags"/> when <paramref name="keepTags"/>), in the region and team of the first tag rule it matches.</summary>
    static NewLead Routed(NewLead lead, LeadTags tags, IReadOnlyList<TagRule> rules, bool keepTags)
    {
        var route = TagRouting.Route(rules, tags);
        var tagged = keepTags ? lead with { Tags = tags } : lead;
        return route is null ? tagged : tagged with { RegionId = route.RegionId, TeamId = route.TeamId };
    }

    /// <summary>Whether the rule's team (in its region) or region is in the organisation: a rule to one a setup removed is passed over.</summary>
    static bool Exists(TagRule rule, Organisation organisation) =>
        rule.TeamId is { } team ? organisation.Teams.Any(t => t.Id == team && t.RegionId == rule.RegionId) : organisation.Regions.Any(r => r.Id == rule.RegionId);

    /// <summary>A referral waiting to be routed: the region and persona its referrer's satisfaction gives it.</summary>
    public static NewLead FromReferral(ReferralLead referral, Organisation organisation, BehaviourParameters parameters)
    {
        var (region, persona) = ReferralLeads.Draw(referral, organisation, parameters);
        return new NewLead(referral.LeadId, referral.At, region, null, Channel.Referral, persona);
    }
}
