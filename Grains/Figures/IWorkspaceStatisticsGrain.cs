using Growth.Domain.Figures;
using Growth.Domain.Journeys;
using Growth.Domain.Ledger;
using Growth.Domain.Organisations;
using Growth.Grains.Organisations;

namespace Growth.Grains.Figures;

/// <summary>One workspace's figures: merges the shards' sums into one snapshot a few times a second. Key: workspace.</summary>
public interface IWorkspaceStatisticsGrain : IGrainWithStringKey
{
    /// <summary>The workspace's organisation changed (called by the workspace grain, which owns it); makes the workspace known.</summary>
    Task SetOrganisationAsync(Organisation organisation);

    /// <summary>
    /// The workspace's setup: its money style and fiscal year start (targets count per fiscal quarter), and, when a
    /// running simulation took a version up, the mark that shows it on the figures.
    /// </summary>
    /// <param name="timeZone">The company's time zone (an IANA id); null keeps the one set before.</param>
    Task SetSetupAsync(MoneyStyle money, int fiscalYearStartMonth, SetupMark? mark = null, string? timeZone = null);

    /// <summary>Records a simulation step: the simulated time reached and campaign reach and spend.</summary>
    Task RecordStepAsync(DateTimeOffset asOf, IReadOnlyList<CampaignBatch> activity);

    /// <summary>Notable events the simulation raised itself (a rep left or joined, a fiscal year's quotas set): shown and published as the others.</summary>
    Task NoteAsync(IReadOnlyList<NotableEvent> notables);

    /// <summary>Records the simulation's clock settings (shown with the snapshot).</summary>
    Task SetClockAsync(ClockStatus clock);

    /// <summary>The latest snapshot (at most a few hundred milliseconds old), or null for an unknown workspace.</summary>
    Task<WorkspaceSnapshot?> GetSnapshotAsync();

    /// <summary>Drains every shard now and returns the up-to-date snapshot, or null for an unknown workspace.</summary>
    Task<WorkspaceSnapshot?> RefreshAsync();

    /// <summary>
    /// The workspace's figures are an imported history's: its now, daily history and quarter baseline replace the
    /// clock's, so the snapshot shows the history's own last quarter (see <see cref="EventTimeHistory"/>).
    /// </summary>
    Task PlaceInTimeAsync(EventTimeHistory history);

    /// <summary>Cumulative figures over time (one point per simulated day), oldest first.</summary>
    Task<IReadOnlyList<HistoryPoint>> GetHistoryAsync();

    /// <summary>
    /// Rebuilds the money figures (orders, revenue, collected, refunded; in total and per region, team, rep and
    /// campaign) from the money ledger and compares them with the running figures; with <paramref name="apply"/>,
    /// the running figures take the ledger's where they differ. Refused without a durable ledger.
    /// </summary>
    Task<LedgerCheck> CheckLedgerAsync(bool apply);

    Task ResetAsync();

    /// <summary>The win/loss review's losses and the notable events that name <paramref name="journeyId"/> (a customer's data export).</summary>
    Task<JourneyMentions> MentionsAsync(string journeyId);

    /// <summary>Blanks the free text (a lost deal's reason) the statistics keep about <paramref name="journeyId"/>; returns how many were blanked.</summary>
    Task<int> EraseCustomerAsync(string journeyId);
}

/// <summary>What the statistics keep that names one journey.</summary>
[GenerateSerializer, Immutable]
public sealed record JourneyMentions([property: Id(0)] IReadOnlyList<DealOutcome> RecentLosses, [property: Id(1)] IReadOnlyList<NotableEvent> Notables);
