using System.Text.Json;
using Growth.Domain.Access;
using Growth.Domain.Journeys;
using Growth.Domain.Records;
using Growth.Domain.Setup;
using Growth.Grains.Figures;
using Growth.Grains.Journeys;
using Growth.Grains.Setup;
using Growth.Grains.Tests.Cluster;
using Growth.Grains.Workspaces;
using Growth.LeadFeed;
using Xunit.Abstractions;

namespace Growth.Grains.Tests.Journeys;

/// <summary>
/// The retention rule in a workspace fed only by ingestion (no simulation): its now is the newest event its shards
/// accepted, not the wall clock. Events come from the lead feed's seeded flow (the behaviour model's journeys), sent per
/// shard as the ingestion API and the CSV import send them.
/// </summary>
[Collection(ClusterCollection.Name)]
public class IngestedArchivingTests(ClusterFixture fixture, ITestOutputHelper output)
{
    const int Retention = 5;
    IGrainFactory Grains => fixture.Grains;

    IJourneyShardGrain Shard(string ws, int i) => Grains.GetGrain<IJourneyShardGrain>(Keys.Shard(ws, i));

    async Task SetRetentionAsync(string ws, int days) =>
        await Grains.GetGrain<ISetupGrain>(ws).ApplyAsync(new SetupDocument { Company = new CompanySetup { Name = ws }, Rules = new RulesSetup { ArchiveClosedAfterDays = days } }, "test", "retention");

    /// <summary>The events grouped per journey (in order) and sent to their shards, shards in parallel (as <c>EventDelivery</c>).</summary>
    async Task<List<EventOutcome>> SendAsync(string ws, IReadOnlyList<JourneyEvent> events)
    {
        var batches = events.GroupBy(e => e.JourneyId!).Select(g => new JourneyBatch(g.Key, [.. g])).ToList();
        var answers = await Task.WhenAll(batches.GroupBy(b => Keys.ShardOf(b.JourneyId)).Select(s => Shard(ws, s.Key).IngestAsync([.. s])));
        return [.. answers.SelectMany(a => a).SelectMany(o => o)];
    }

    static string Comparable<T>(T value, string ws)
    {
        var json = System.Text.Json.Nodes.JsonNode.Parse(JsonSerializer.Serialize(value));
        if (json is System.Text.Json.Nodes.JsonObject o) { o.Remove("Version"); o.Remove("AsOf"); }
        return json!.ToJsonString().Replace(ws, "ws", StringComparison.Ordinal);
    }

    async Task<int> ArchivedAsync(string ws) => (await Task.WhenAll(Enumerable.Range(0, Keys.ShardCount).Select(i => Shard(ws, i).ArchivedCountAsync()))).Sum();

    async Task<List<CustomerRecord>> RowsAsync(string ws) =>
        [.. (await Task.WhenAll(Enumerable.Range(0, Keys.ShardCount).Select(i => Shard(ws, i).RecordsAsync(new RecordQuery { Kind = RecordKind.All }, FigureScope.Full, int.MaxValue)))).SelectMany(s => s.Rows)];

    /// <summary>The newest event each shard was sent, by shard.</summary>
    static Dictionary<int, DateTimeOffset> NewestByShard(IEnumerable<JourneyEvent> events) =>
        events.GroupBy(e => Keys.ShardOf(e.JourneyId!)).ToDictionary(g => g.Key, g => g.Max(e => e.At));

    async Task<string> FiguresAsync(string ws) => Comparable(await Grains.GetGrain<IWorkspaceStatisticsGrain>(ws).RefreshAsync(), ws);

    [Fact]
    public async Task A_workspace_fed_only_by_events_archives_closed_journeys_at_event_time_with_the_figures_of_the_rule_off()
    {
        const string on = "ingest-archive-on", off = "ingest-archive-off";
        await SetRetentionAsync(on, Retention);
        await SetRetentionAsync(off, 0);
        var start = new DateTimeOffset(2026, 3, 2, 0, 0, 0, TimeSpan.Zero);
        var flow = new LeadFlow(7, start);
        var sent = new List<JourneyEvent>();
        // A live feed: one batch a day for 40 days.
        for (var day = 0; day < 40; day++)
        {
            var events = flow.Next(TimeSpan.FromDays(1));
            sent.AddRange(events);
            Assert.All(await SendAsync(on, events), o => Assert.Equal(EventResult.Accepted, o.Result));
            Assert.All(await SendAsync(off, events), o => Assert.Equal(EventResult.Accepted, o.Result));
        }

        var archived = await ArchivedAsync(on);
        Assert.True(archived > 20, $"{archived} journeys archived");
        Assert.Equal(0, await ArchivedAsync(off));
        var rowsOff = await RowsAsync(off);
        var rowsOn = await RowsAsync(on);
        Assert.Equal(rowsOff.Count, rowsOn.Count + archived);
        var kept = rowsOn.Select(r => r.JourneyId).ToHashSet(StringComparer.Ordinal);
        // Archived: exactly the closed journeys past the rule at their shard's newest event (taken at the first batch of its day).
        var newest = NewestByShard(sent);
        foreach (var row in rowsOff)
        {
            var latest = newest[Keys.ShardOf(row.JourneyId)];
            var closed = Archiving.ClosedAt(row);
            if (kept.Contains(row.JourneyId))
                Assert.False(closed is { } c && c <= new DateTimeOffset(latest.UtcDateTime.Date, TimeSpan.Zero).AddDays(-Retention), $"{row.JourneyId} {row.Status} closed {closed}, kept at {latest}");
            else
                Assert.True(closed is { } c && c <= latest.AddDays(-Retention), $"{row.JourneyId} {row.Status} closed {closed}, archived by {latest}");
        }
        output.WriteLine($"{sent.Count} events, {rowsOff.Count} journeys, {archived} archived after 40 days");
        var one = rowsOff.First(r => !kept.Contains(r.JourneyId)).JourneyId;
        var at = await Shard(on, Keys.ShardOf(one)).ArchivedAtAsync(one);
        // Archived at event time: in the feed's days, not at the wall clock.
        Assert.True(at > start && at <= flow.Now, $"archived at {at}");
        Assert.Equal(await FiguresAsync(off), await FiguresAsync(on));

        // An event for an archived journey is refused with its archive date; the figures do not move.
        var late = new JourneyEvent { Id = "late-1", JourneyId = one, Kind = EventKind.FollowedUp, At = flow.Now, RegionId = "g", TeamId = "t", RepId = "r" };
        var refused = await SendAsync(on, [late]);
        Assert.Equal(EventResult.Rejected, refused[0].Result);
        Assert.Contains($"was archived on {at!.Value.UtcDateTime:yyyy-MM-dd}", refused[0].Reason);

        // Every shard leaves memory: the archive, its dates and the figures come back; the feed goes on and both agree.
        for (var i = 0; i < Keys.ShardCount; i++)
        {
            await fixture.Cluster.DeactivateAsync(Shard(on, i));
            await fixture.Cluster.DeactivateAsync(Shard(off, i));
        }
        Assert.Equal(archived, await ArchivedAsync(on));
        Assert.Equal(at, await Shard(on, Keys.ShardOf(one)).ArchivedAtAsync(one));
        Assert.Equal(await FiguresAsync(off), await FiguresAsync(on));
        for (var day = 0; day < 10; day++)
        {
            var events = flow.Next(TimeSpan.FromDays(1));
            await SendAsync(on, events);
            await SendAsync(off, events);
        }
        Assert.True(await ArchivedAsync(on) > archived, "the reactivated shards archive again");
        output.WriteLine($"{await ArchivedAsync(on)} archived after 50 days");
        Assert.Equal(await FiguresAsync(off), await FiguresAsync(on));
        Assert.Equal((await RowsAsync(off)).Count, (await RowsAsync(on)).Count + await ArchivedAsync(on));
    }

    [Fact]
    public async Task An_old_history_sent_in_one_go_keeps_the_journeys_closed_within_the_rule_of_its_newest_event()
    {
        const string ws = "ingest-archive-2017";
        await SetRetentionAsync(ws, Retention);
        // A CRM export of 2017 sent today: its now is its newest event, not the wall clock.
        var flow = new LeadFlow(11, new DateTimeOffset(2017, 5, 1, 0, 0, 0, TimeSpan.Zero));
        var history = flow.Next(TimeSpan.FromDays(30));
        Assert.All(await SendAsync(ws, history), o => Assert.Equal(EventResult.Accepted, o.Result));

        var rows = await RowsAsync(ws);
        var archived = await ArchivedAsync(ws);
        Assert.Equal(history.Select(e => e.JourneyId).Distinct().Count(), rows.Count + archived);
        var newest = NewestByShard(history);
        var recent = rows.Where(r => Archiving.ClosedAt(r) is { } c && c > newest[Keys.ShardOf(r.JourneyId)].AddDays(-Retention)).ToList();
        output.WriteLine($"{history.Count} events, {rows.Count + archived} journeys, {archived} archived, {recent.Count} closed within {Retention} days kept");
        Assert.True(recent.Count > 10, $"{recent.Count} journeys closed within {Retention} days of the newest event are kept");
        Assert.True(archived > 10, $"{archived} journeys closed earlier are archived");
        // Nothing kept that the rule lets go, and each archive dated at its shard's newest event (2017).
        Assert.DoesNotContain(rows, r => Archiving.ClosedAt(r) is { } c && c <= newest[Keys.ShardOf(r.JourneyId)].AddDays(-Retention));
        for (var i = 0; i < Keys.ShardCount; i++)
            foreach (var id in history.Select(e => e.JourneyId!).Distinct().Where(id => Keys.ShardOf(id) == i))
                if (await Shard(ws, i).ArchivedAtAsync(id) is { } at) Assert.Equal(newest[i], at);
    }

    [Fact]
    public async Task Without_a_setup_the_rule_is_a_year_and_a_retention_set_later_applies_from_the_next_event_day()
    {
        const string ws = "ingest-archive-setup";
        var flow = new LeadFlow(5, new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero));
        var first = flow.Next(TimeSpan.FromDays(30));
        await SendAsync(ws, first);
        // No setup: 365 days, so a month of closed leads is all kept.
        Assert.Equal(0, await ArchivedAsync(ws));
        var end = flow.Now;

        // The setup now says 5 days: the next event day's first batch archives, in each shard it reaches, what closed
        // more than 5 days before it.
        await SetRetentionAsync(ws, Retention);
        var next = flow.Next(TimeSpan.FromDays(1));
        var reached = next.Select(e => Keys.ShardOf(e.JourneyId!)).ToHashSet();
        var closed = (await RowsAsync(ws)).Count(r => reached.Contains(Keys.ShardOf(r.JourneyId)) && Archiving.ClosedAt(r) is { } c && c <= end.AddDays(-Retention - 1));
        Assert.True(closed > 10, $"{closed} journeys closed early in the month");
        await SendAsync(ws, next);
        Assert.True(await ArchivedAsync(ws) >= closed, $"{await ArchivedAsync(ws)} archived, {closed} closed 6 days before the month's end");
    }
}
