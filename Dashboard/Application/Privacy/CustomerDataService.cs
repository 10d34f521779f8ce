using Growth.Domain.Privacy;
using Growth.Grains.Figures;
using Growth.Grains.Journeys;
using Growth.Grains.Ledger;
using Growth.Grains.Privacy;
using Growth.Grains.Workspaces;

namespace Growth.Dashboard.Application.Privacy;

/// <summary>What an erasure answers: the journey, its anonymous label, when and by whom it was (first) erased, and what this request blanked.</summary>
/// <param name="AlreadyErased">The journey was erased before: this request changed nothing.</param>
/// <param name="StateFields">Free-text fields of the journey's state blanked (the lost reason).</param>
/// <param name="EventReasons">Events whose free text (reason) was blanked.</param>
/// <param name="ReviewEntries">Entries of the win/loss review (the statistics' recent losses) whose reason was blanked.</param>
public sealed record CustomerErasureAnswer(string Workspace, string JourneyId, string Label, DateTimeOffset ErasedAt, string ErasedBy,
    bool AlreadyErased, int StateFields, int EventReasons, int ReviewEntries);

/// <summary>
/// A customer's data on request (administrators): everything stored about one journey as one document, and erasing
/// its personal data (free text) from the journey and the statistics while every figure stays. Each request is
/// recorded in the workspace's customer-data audit (<see cref="ICustomerRequestLogGrain"/>); a repeated erasure
/// changes nothing and is not recorded again.
/// </summary>
public sealed class CustomerDataService(IGrainFactory grains, TimeProvider clock)
{
    public async Task<Outcome<CustomerExport>> ExportAsync(string workspace, string journeyId, string by)
    {
        if (await Journey(workspace, journeyId).ExportCustomerAsync() is not { } copy) return await UnknownJourney(workspace, journeyId);
        await RecordAsync(new CustomerRequest(clock.GetUtcNow(), by, journeyId, CustomerRequestKind.Export, Workspace: workspace));
        var mentions = await grains.GetGrain<IWorkspaceStatisticsGrain>(workspace).MentionsAsync(journeyId);
        return new CustomerExport
        {
            Workspace = workspace, JourneyId = journeyId, ExportedAt = clock.GetUtcNow(), Erased = copy.Erased,
            State = copy.Data.State, Plan = copy.Plan,
            RecentEvents = copy.Data.Recent, PendingEvents = copy.Data.Window, StateBeforePending = copy.Data.WindowBase,
            SettledEventIds = copy.SettledIds,
            Ledger = await grains.GetGrain<ILedgerReaderGrain>(workspace).JourneyEntriesAsync(journeyId),
            RecentLosses = mentions.RecentLosses, Notables = mentions.Notables,
            Requests = await Log(workspace).ListAsync(journeyId),
        };
    }

    public async Task<Outcome<CustomerErasureAnswer>> EraseAsync(string workspace, string journeyId, string by)
    {
        // The journey first: from then on no deal it closes carries free text, so what the statistics hold next is all there is.
        if (await Journey(workspace, journeyId).EraseAsync(by, clock.GetUtcNow()) is not { } erasure) return await UnknownJourney(workspace, journeyId);
        if (!erasure.Already)
            await RecordAsync(new CustomerRequest(erasure.Mark.At, erasure.Mark.By, journeyId, CustomerRequestKind.Erase, erasure.Erased.Total, workspace));
        // Run on every request (it changes nothing the second time), so a request that failed here is finished by its retry.
        var review = await grains.GetGrain<IWorkspaceStatisticsGrain>(workspace).EraseCustomerAsync(journeyId);
        // The record lists' row: its name and company go too (also on every retry).
        await grains.GetGrain<IJourneyShardGrain>(Keys.Shard(workspace, Keys.ShardOf(journeyId))).EraseRecordAsync(journeyId);
        return new CustomerErasureAnswer(workspace, journeyId, erasure.Mark.Label, erasure.Mark.At, erasure.Mark.By, erasure.Already,
            erasure.Erased.StateFields, erasure.Erased.EventReasons, review);
    }

    /// <summary>The customer-data audit of every workspace, newest first (the Admin page).</summary>
    public Task<IReadOnlyList<CustomerRequest>> AuditAsync() => Log(AllWorkspaces).ListAsync();

    /// <summary>Key of the log that holds every workspace's entries too (not a workspace name: those have no '*').</summary>
    const string AllWorkspaces = "*";

    /// <summary>The entry in its workspace's log, then in the log of all workspaces (the Admin page's).</summary>
    async Task RecordAsync(CustomerRequest request)
    {
        await Log(request.Workspace).RecordAsync(request);
        await Log(AllWorkspaces).RecordAsync(request);
    }

    IJourneyGrain Journey(string workspace, string journeyId) => grains.GetGrain<IJourneyGrain>(Keys.Of(workspace, journeyId));

    ICustomerRequestLogGrain Log(string workspace) => grains.GetGrain<ICustomerRequestLogGrain>(workspace);

    Task<Refusal> UnknownJourney(string workspace, string journeyId) => Workspaces.MissingJourney.RefusalAsync(grains, workspace, journeyId);
}
