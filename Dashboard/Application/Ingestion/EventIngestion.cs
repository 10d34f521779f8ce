using Growth.Domain.Journeys;
using Growth.Domain.Workspaces;
using Growth.Grains.Journeys;
using Growth.Grains.Workspaces;

namespace Growth.Dashboard.Application.Ingestion;

/// <summary>
/// Live data in the one event language. A batch's events each name their journey and carry their own id and time;
/// every event gets a result: accepted, duplicate (its id was already applied to that journey, with the same content),
/// conflict (its id was applied with different content) or rejected with the reason (dates outside
/// <see cref="EventPlausibility"/>'s window among them). Events are grouped per journey (keeping their order) and sent to the journey's shard, shards in parallel.
/// A workspace comes into being with its first accepted event.
/// </summary>
public sealed class EventIngestion(IGrainFactory grains, EventDelivery delivery, TimeProvider clock)
{
    /// <summary>Offers a batch of events of any journeys of <paramref name="workspace"/>.</summary>
    public async Task<IngestionResponse> IngestAsync(string workspace, IReadOnlyList<JourneyEvent> events)
    {
        using var activity = Growth.Grains.Runtime.GrowthTracing.Source.StartActivity("growth.ingest");
        activity?.SetTag("growth.workspace", workspace);
        activity?.SetTag("growth.ingest.events", events.Count);
        var results = new EventResultRow?[events.Count];
        var batches = new List<(string JourneyId, List<int> Indexes)>();
        var byJourney = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var now = clock.GetUtcNow();
        for (var i = 0; i < events.Count; i++)
        {
            var e = events[i];
            if (EventPlausibility.Check(e, now) is { } implausible)
            {
                results[i] = new EventResultRow(i, e.Id, e.JourneyId, "rejected", implausible);
                continue;
            }
            if (!Keys.IsValidId(e.JourneyId))
            {
                results[i] = new EventResultRow(i, e.Id, e.JourneyId, "rejected",
                    e.JourneyId is null ? "journeyId is required" : $"journeyId '{e.JourneyId}' must be {Names.IdRule}");
                continue;
            }
            if (!byJourney.TryGetValue(e.JourneyId!, out var indexes))
            {
                byJourney[e.JourneyId!] = indexes = [];
                batches.Add((e.JourneyId!, indexes));
            }
            indexes.Add(i);
        }

        var outcomes = await delivery.SendAsync(workspace,
            batches.Select(b => new JourneyBatch(b.JourneyId, b.Indexes.Select(i => events[i]).ToList())).ToList());
        for (var b = 0; b < batches.Count; b++)
            for (var k = 0; k < batches[b].Indexes.Count; k++)
            {
                var i = batches[b].Indexes[k];
                var o = outcomes[b][k];
                results[i] = new EventResultRow(i, events[i].Id, events[i].JourneyId, ResultName(o.Result), o.Reason);
            }

        var rows = results.Select(r => r!).ToList();
        var accepted = rows.Count(r => r.Result == "accepted");
        // A workspace comes into being with its first accepted event: refusals alone create nothing.
        if (accepted > 0) await grains.GetGrain<IWorkspaceGrain>(workspace).EnsureAsync(WorkspaceKind.Live);
        activity?.SetTag("growth.ingest.accepted", accepted);
        return new IngestionResponse(workspace, accepted, rows.Count(r => r.Result == "duplicate"), rows.Count(r => r.Result == "rejected"), rows,
            rows.Count(r => r.Result == "conflict"));
    }

    /// <summary>Applies one journey's events all or nothing: its new state, or why the first bad event was refused.</summary>
    public async Task<Outcome<JourneyState>> ApplyToJourneyAsync(string workspace, string journeyId, IReadOnlyList<JourneyEvent> events)
    {
        if (events.Count == 0) return Refusal.NoEvents;
        var now = clock.GetUtcNow();
        for (var i = 0; i < events.Count; i++)
            if (EventPlausibility.Check(events[i], now) is { } implausible)
                return new Refusal(RefusalKind.Invalid, "Event refused; nothing was applied", $"event {i} ({events[i].Id}): {implausible}");
        var result = await grains.GetGrain<IJourneyShardGrain>(Keys.Shard(workspace, Keys.ShardOf(journeyId))).ApplyAsync(journeyId, events);
        if (!result.Accepted) return new Refusal(RefusalKind.Invalid, "Event refused; nothing was applied", result.Error!);
        await grains.GetGrain<IWorkspaceGrain>(workspace).EnsureAsync(WorkspaceKind.Live);
        return result.State;
    }

    static string ResultName(EventResult result) => result switch
    {
        EventResult.Accepted => "accepted",
        EventResult.Duplicate => "duplicate",
        EventResult.Conflict => "conflict",
        _ => "rejected",
    };
}
