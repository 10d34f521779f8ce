using Growth.Domain.Import;
using Growth.Domain.Workspaces;
using Growth.Grains.Errors;
using Growth.Grains.Figures;
using Growth.Grains.Journeys;
using Growth.Grains.Workspaces;

namespace Growth.Dashboard.Api;

/// <summary>How far an import has got: journeys applied so far out of all.</summary>
public sealed record ImportProgress(int JourneysDone, int JourneysTotal);

/// <summary>An import's report as the API and the page show it.</summary>
/// <param name="RowsRead">Data rows of the pipeline file.</param>
/// <param name="Imported">Rows that became journeys.</param>
/// <param name="RowsFixedUp">Imported rows with at least one repair.</param>
/// <param name="FixedUp">Every repair, in row order.</param>
/// <param name="Rejected">Every row not imported, with its reason.</param>
/// <param name="Notes">Rows of the teams and products files skipped or read with a caveat.</param>
/// <param name="JourneysChanged">Journeys that took at least one new event (0 when the same files are imported again).</param>
/// <param name="JourneysUnchanged">Journeys whose every event was already applied.</param>
/// <param name="JourneysRefused">Journeys with an event the workspace refused (such as one contradicting what it already holds).</param>
/// <param name="EventsAccepted">Events applied.</param>
/// <param name="EventsDuplicate">Events already applied (skipped).</param>
/// <param name="EventsRejected">Events refused, each with its reason in <paramref name="Refusals"/>.</param>
/// <param name="Refusals">The first refused events, "journey: reason".</param>
public sealed record ImportSummary(
    string Workspace,
    int RowsRead,
    int Imported,
    int RowsFixedUp,
    IReadOnlyDictionary<string, int> FixedUpByReason,
    IReadOnlyDictionary<string, int> RejectedByReason,
    IReadOnlyList<ImportIssue> FixedUp,
    IReadOnlyList<ImportIssue> Rejected,
    IReadOnlyList<string> Notes,
    DateTimeOffset? UndatedProspectsAt,
    int Regions,
    int Teams,
    int Reps,
    int Products,
    int JourneysChanged,
    int JourneysUnchanged,
    int JourneysRefused,
    int EventsAccepted,
    int EventsDuplicate,
    int EventsRejected,
    IReadOnlyList<string> Refusals);

/// <summary>
/// Puts a read CRM export into a workspace: its organisation on the statistics grain, the workspace in the
/// directory, and every journey's events through the ingestion path. Idempotent: the import's event ids are
/// deterministic, so importing the same files again finds every event a duplicate and changes nothing.
/// </summary>
public static class WorkspaceImport
{
    /// <summary>Journeys sent per round: progress moves at least this often.</summary>
    const int JourneysPerRound = 400;
    const int RefusalsListed = 100;

    /// <summary>Workspaces an import may not overwrite: a simulation's organisation and journeys are its own.</summary>
    public static async Task<string?> RefusalAsync(IGrainFactory grains, string workspace) =>
        (await grains.GetGrain<IWorkspaceGrain>(workspace).GetAsync())?.Kind == WorkspaceKind.Simulation
            ? $"workspace {workspace} is a simulation; import into a new workspace"
            : null;

    /// <summary>Applies <paramref name="result"/> to <paramref name="workspace"/>, reporting progress after each round.</summary>
    public static async Task<ImportSummary> ApplyAsync(IGrainFactory grains, string workspace, CrmImportResult result,
        IProgress<ImportProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        if (await RefusalAsync(grains, workspace) is { } refusal) throw new DomainException(refusal, DomainErrorKind.Conflict);
        await grains.GetGrain<IWorkspaceGrain>(workspace).DefineAsync(WorkspaceKind.Import, result.Organisation);

        int changed = 0, unchanged = 0, refused = 0, accepted = 0, duplicates = 0, rejected = 0;
        var refusals = new List<string>();
        var journeys = result.Journeys;
        progress?.Report(new ImportProgress(0, journeys.Count));
        for (var start = 0; start < journeys.Count; start += JourneysPerRound)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var round = journeys.Skip(start).Take(JourneysPerRound).Select(j => new JourneyBatch(j.Id, j.Events)).ToList();
            var outcomes = await EventIngestion.SendAsync(grains, workspace, round);
            for (var i = 0; i < round.Count; i++)
            {
                var o = outcomes[i];
                accepted += o.Count(x => x.Result == EventResult.Accepted);
                duplicates += o.Count(x => x.Result == EventResult.Duplicate);
                var bad = o.Where(x => x.Result == EventResult.Rejected).ToList();
                rejected += bad.Count;
                if (bad.Count > 0)
                {
                    refused++;
                    if (refusals.Count < RefusalsListed) refusals.Add($"{round[i].JourneyId}: {bad[0].Reason}");
                }
                else if (o.Any(x => x.Result == EventResult.Accepted)) changed++;
                else unchanged++;
            }
            progress?.Report(new ImportProgress(Math.Min(start + JourneysPerRound, journeys.Count), journeys.Count));
        }
        // The figures are drained now, so the snapshot read right after the import shows all of it.
        await grains.GetGrain<IWorkspaceStatisticsGrain>(workspace).RefreshAsync();

        var r = result.Report;
        var org = result.Organisation;
        return new ImportSummary(workspace, r.RowsRead, r.Imported, r.RowsFixedUp, r.FixedUpByReason, r.RejectedByReason,
            r.FixedUp, r.Rejected, r.Notes, r.UndatedProspectsAt, org.Regions.Count, org.Teams.Count, org.Reps.Count(), result.Products.Count,
            changed, unchanged, refused, accepted, duplicates, rejected, refusals);
    }
}
