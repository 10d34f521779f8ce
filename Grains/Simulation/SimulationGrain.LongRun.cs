using Growth.Domain.Journeys;
using Growth.Domain.LongRun;
using Growth.Domain.Setup;
using Growth.Domain.Workspaces;
using Growth.Grains.Journeys;
using Growth.Grains.Organisations;

namespace Growth.Grains.Simulation;

/// <summary>
/// The long run in the live simulation (<see cref="LongRunLive"/>, when the setup's <c>rules.longRun</c> turns it on):
/// before each step reps whose time came leave (their open leads go to their team with the reason), empty seats whose
/// vacancy ended get a new rep, and a new fiscal year's quotas are set from the plan; each step's leads arrive at the
/// share of their region's market still open. Customers and revenue are counted whether it is on or not.
/// </summary>
public sealed partial class SimulationGrain
{
    LongRunAssumptions? LongRun => S.Parameters.Rules.LongRun;

    async Task LongRunBeforeStepAsync(DateTimeOffset at)
    {
        var state = S.LongRun;
        // A simulation stored before the long run counts its fiscal years from now, in the default calendar.
        if (state.YearEnd == default) state.UseCalendar(new CompanySetup(), at);
        var notes = new List<NotableEvent>();
        var changed = false;
        if (LongRun is { } a)
        {
            var leaving = LongRunLive.Leaving(a, state, organisation, at, S.Settings.Seed);
            organisation = LongRunLive.Leave(a, state, organisation, leaving, at);
            (organisation, var hired) = LongRunLive.Hire(state, organisation, at, S.Settings.Seed);
            if (leaving.Count > 0 || hired.Count > 0)
            {
                notes.AddRange(await new LongRunCrew(GrainFactory, Workspace).ChangeAsync(organisation, leaving, hired, at));
                changed = true;
            }
        }
        if (at >= state.YearEnd)
        {
            var (next, plan) = LongRunLive.NewYear(LongRun, state, S.Parameters, organisation, at);
            if (plan is not null)
            {
                organisation = next;
                changed = true;
                notes.Add(LongRunCrew.QuotasSet(plan, LongRun!.PlanGrowth));
            }
        }
        if (changed) await WorkspaceGrain.DefineAsync(WorkspaceKind.Simulation, organisation);
        if (notes.Count > 0) await Statistics.NoteAsync(notes);
    }

    /// <summary>The leads that arrive: each with the chance its region's market is still open (all of them when the long run is off).</summary>
    List<NewLead> Arriving(List<NewLead> leads) => LongRun is not { } a ? leads
        : leads.Where(l => LongRunLive.Arrives(a, S.LongRun, l.RegionId, l.LeadId, S.Start, l.At, S.Settings.Seed)).ToList();

    /// <summary>Counts what the shards' journeys did: customers gained or lost per region and revenue booked.</summary>
    void CountLongRun(IEnumerable<ShardStepResult> results)
    {
        foreach (var r in results) S.LongRun.Count(r.CustomersByRegion, r.Revenue);
    }
}
