using Growth.Domain.Journeys;
using Growth.Domain.LongRun;
using Growth.Domain.Setup;
using Growth.Domain.Workspaces;
using Growth.Grains.Journeys;
using Growth.Grains.Organisations;
using Microsoft.Extensions.Logging;

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
        // A new quarter: the last quarter's hires take up their seat's target.
        (organisation, var changed) = LongRunLive.NewQuarter(state, organisation, at);
        if (LongRun is { } a)
        {
            var leaving = LongRunLive.Leaving(a, state, organisation, at, S.Settings.Seed);
            organisation = LongRunLive.Leave(a, state, organisation, leaving, at);
            (organisation, var hired) = LongRunLive.Hire(state, organisation, at, S.Settings.Seed);
            if (leaving.Count > 0 || hired.Count > 0)
            {
                notes.AddRange(await new LongRunCrew(GrainFactory, Workspace).ChangeAsync(organisation, leaving, hired, at));
                await WriteRosterAsync(leaving, hired, at);
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
        // This quarter's hires have no target in it, whatever a setup taken up meanwhile compiled for them.
        (organisation, var held) = LongRunLive.Hold(state, organisation);
        if (changed || held) await WorkspaceGrain.DefineAsync(WorkspaceKind.Simulation, organisation);
        if (notes.Count > 0) await Statistics.NoteAsync(notes);
    }

    /// <summary>
    /// Writes the turnover back to the setup as a version by "simulation" (<see cref="LongRunRoster"/>), so a later
    /// version keeps the live roster. The simulation runs it already: when it ran the version before, it counts as taken
    /// up now; when a newer version was waiting, the written one (which holds it) is taken up instead at the next step.
    /// A refused write (the setup changed meanwhile, say) leaves the setup as it was and is logged.
    /// </summary>
    async Task WriteRosterAsync(IReadOnlyList<Domain.Organisations.RepProfile> leaving, IReadOnlyList<Domain.Organisations.RepProfile> hired, DateTimeOffset at)
    {
        if (S.SetupVersion == 0 || await Setup.GetAsync() is not { } current || current.Document.Organisation.Regions.Count == 0) return;
        var document = LongRunRoster.Apply(current.Document, leaving, hired, S.LongRun.HeldTargets, at);
        try
        {
            var info = await Setup.ApplyAsync(document, "simulation", LongRunRoster.Note(leaving, hired), expectedVersion: current.Version);
            if (current.Version != S.SetupVersion || info.Number == current.Version) return;
            S.SetupVersion = info.Number;
            await Setup.MarkEffectiveAsync(info.Number, at);
        }
        catch (Errors.DomainException e)
        {
            logger.LogWarning("Simulation {Workspace} could not write its roster change to the setup: {Reason}", Workspace, e.Message);
        }
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
