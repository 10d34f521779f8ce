using System.Collections.Concurrent;
using Growth.Dashboard.Live;
using Growth.Domain.Figures;
using Growth.Domain.Journeys;
using Growth.Domain.Ledger;
using Growth.Domain.Organisations;
using Growth.Grains.Figures;
using Growth.Grains.LiveFeed;
using Growth.Grains.Organisations;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Logging.Abstractions;

namespace Growth.Dashboard.Tests;

/// <summary>The web host's side of the live feed on its own, without a cluster: how updates reach pages, and what pages read beside them.</summary>
public class LiveDeliveryTests
{
    static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);
    static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    static WorkspaceSnapshot Snapshot(string workspace, long version, long historyVersion = 0) =>
        SnapshotBuilder.Build(workspace, T0, version, new WorkspaceFigures(), new Organisation(), new SnapshotExtras { HistoryVersion = historyVersion });

    static LiveUpdate Update(long version, params string[] notables) =>
        new("ws", Snapshot("ws", version), notables.Select(n => new NotableEvent("LargeWin", n, T0)).ToList());

    static LiveBroadcaster Broadcaster() => new(new NoHub(), NullLogger<LiveBroadcaster>.Instance);

    /// <summary>A page-like subscriber: records what it receives, how many deliveries overlapped, and can be held up.</summary>
    sealed class Subscriber
    {
        public ConcurrentQueue<LiveUpdate> Received { get; } = new();
        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public bool Slow { get; init; }
        public int MostAtOnce => mostAtOnce;
        int running, mostAtOnce;
        // Released once per update taken: waiting for one is waiting on this, not polling.
        readonly SemaphoreSlim arrived = new(0);

        public async Task TakeAsync(LiveUpdate update)
        {
            var now = Interlocked.Increment(ref running);
            InterlockedMax(ref mostAtOnce, now);
            Received.Enqueue(update);
            arrived.Release();
            if (Slow) await Release.Task;
            else await Task.Yield();
            Interlocked.Decrement(ref running);
        }

        public async Task WaitForAsync(long version)
        {
            var deadline = DateTime.UtcNow + Deadline;
            while (!Received.Any(u => u.Snapshot.Version == version))
                if (!await arrived.WaitAsync(deadline - DateTime.UtcNow > TimeSpan.Zero ? deadline - DateTime.UtcNow : TimeSpan.Zero))
                    throw new TimeoutException($"version {version} never arrived");
        }

        static void InterlockedMax(ref int target, int value)
        {
            for (var seen = target; value > seen; seen = target)
                if (Interlocked.CompareExchange(ref target, value, seen) == seen) return;
        }
    }

    [Fact]
    public async Task A_slow_subscriber_gets_only_the_latest_update_next_while_a_fast_one_gets_every_update()
    {
        var live = Broadcaster();
        var slow = new Subscriber { Slow = true };
        var fast = new Subscriber();
        using var _ = live.Subscribe("ws", slow.TakeAsync);
        using var __ = live.Subscribe("ws", fast.TakeAsync);

        // The slow page is busy with update 1 while 2..10 arrive, each after the fast page took the one before.
        for (var version = 1; version <= 10; version++)
        {
            live.Publish([Update(version, $"event {version}")]);
            await fast.WaitForAsync(version);
        }
        // Held up by update 1, the slow page has taken nothing else (a delivery per update would have handed it all ten).
        Assert.Equal([1L], slow.Received.Select(u => u.Snapshot.Version));

        slow.Release.SetResult();
        await slow.WaitForAsync(10);
        // Deliveries to one page run one after another, so whatever came between 1 and 10 would already be here.
        // Nothing in between was queued: the one waiting update was replaced by each newer one, its notable events kept.
        Assert.Equal([1L, 10L], slow.Received.Select(u => u.Snapshot.Version));
        Assert.Equal(Enumerable.Range(2, 9).Reverse().Select(v => $"event {v}"), slow.Received.Last().Notables.Select(n => n.Message));
        Assert.Equal(Enumerable.Range(1, 10).Select(v => (long)v), fast.Received.Select(u => u.Snapshot.Version));
        Assert.Equal(1, slow.MostAtOnce);
        Assert.Equal(1, fast.MostAtOnce);
        Assert.Equal(10, live.Latest("ws")!.Snapshot.Version);
    }

    [Fact]
    public async Task A_subscription_closed_during_a_delivery_gets_nothing_more()
    {
        var slow = new Subscriber { Slow = true };
        var delivery = new LatestWins(slow.TakeAsync, NullLogger.Instance);
        delivery.Offer(Update(1));
        await slow.WaitForAsync(1);
        delivery.Offer(Update(2));
        // What a page's subscription does when the page goes away.
        delivery.Close();
        delivery.Offer(Update(3));
        slow.Release.SetResult();
        await delivery.Delivering.WaitAsync(Deadline);
        Assert.Equal([1L], slow.Received.Select(u => u.Snapshot.Version));
    }

    [Fact]
    public void Disposing_a_page_subscription_closes_its_delivery()
    {
        var live = Broadcaster();
        var subscriber = new Subscriber();
        live.Subscribe("ws", subscriber.TakeAsync).Dispose();
        live.Publish([Update(1)]);
        Assert.Empty(subscriber.Received);
    }

    [Fact]
    public async Task The_history_is_fetched_once_per_history_version_however_many_pages_read_it()
    {
        var grain = new FakeStatistics();
        var figures = new LiveFigures(Broadcaster(), _ => grain);

        // Five pages see history version 3 at once while the fetch is still running.
        var reads = Enumerable.Range(0, 5).Select(_ => figures.HistoryAsync("ws", 3)).ToList();
        Assert.Equal(1, grain.HistoryCalls);
        grain.Answer();
        var histories = await Task.WhenAll(reads);
        Assert.All(histories, h => Assert.Same(histories[0], h));
        await figures.HistoryAsync("ws", 3);
        Assert.Equal(1, grain.HistoryCalls);

        // A new version is fetched again, once; so is one after a failed fetch; another workspace has its own.
        var next = Task.WhenAll(figures.HistoryAsync("ws", 4), figures.HistoryAsync("ws", 4));
        grain.Answer();
        await next;
        Assert.Equal(2, grain.HistoryCalls);
        var failed = figures.HistoryAsync("ws", 5);
        grain.Fail();
        await Assert.ThrowsAsync<InvalidOperationException>(() => failed);
        var retried = figures.HistoryAsync("ws", 5);
        grain.Answer();
        await retried;
        Assert.Equal(4, grain.HistoryCalls);
        var elsewhere = figures.HistoryAsync("other", 5);
        grain.Answer();
        await elsewhere;
        Assert.Equal(5, grain.HistoryCalls);
    }

    [Fact]
    public async Task The_current_snapshot_is_the_feed_s_latest_and_else_the_statistics_grain_s()
    {
        var grain = new FakeStatistics();
        var live = Broadcaster();
        var figures = new LiveFigures(live, _ => grain);

        Assert.Equal(7, (await figures.CurrentAsync("ws"))!.Version);
        live.Publish([Update(8)]);
        Assert.Equal(8, (await figures.CurrentAsync("ws"))!.Version);
        Assert.Equal(1, grain.SnapshotCalls);
    }

    /// <summary>A statistics grain whose history fetches are answered (or failed) one at a time by the test.</summary>
    sealed class FakeStatistics : IWorkspaceStatisticsGrain
    {
        readonly ConcurrentQueue<TaskCompletionSource<IReadOnlyList<HistoryPoint>>> fetches = new();
        public int HistoryCalls => historyCalls;
        public int SnapshotCalls => snapshotCalls;
        int historyCalls, snapshotCalls;

        public Task<IReadOnlyList<HistoryPoint>> GetHistoryAsync()
        {
            Interlocked.Increment(ref historyCalls);
            var fetch = new TaskCompletionSource<IReadOnlyList<HistoryPoint>>(TaskCreationOptions.RunContinuationsAsynchronously);
            fetches.Enqueue(fetch);
            return fetch.Task;
        }

        public void Answer() => Next().SetResult([HistoryPoint.Of(T0, new WorkspaceFigures())]);
        public void Fail() => Next().SetException(new InvalidOperationException("the silo went away"));
        TaskCompletionSource<IReadOnlyList<HistoryPoint>> Next() => fetches.TryDequeue(out var f) ? f : throw new InvalidOperationException("no fetch is waiting");

        public Task<WorkspaceSnapshot?> GetSnapshotAsync()
        {
            Interlocked.Increment(ref snapshotCalls);
            return Task.FromResult<WorkspaceSnapshot?>(Snapshot("ws", 7));
        }

        public Task SetOrganisationAsync(Organisation organisation) => throw new NotSupportedException();
        public Task RecordStepAsync(DateTimeOffset asOf, IReadOnlyList<CampaignBatch> activity) => throw new NotSupportedException();
        public Task SetClockAsync(ClockStatus clock) => throw new NotSupportedException();
        public Task NoteAsync(IReadOnlyList<NotableEvent> notables) => throw new NotSupportedException();
        public Task SetSetupAsync(MoneyStyle money, int fiscalYearStartMonth, SetupMark? mark = null, string? timeZone = null) => throw new NotSupportedException();
        public Task<WorkspaceSnapshot?> RefreshAsync() => throw new NotSupportedException();
        public Task<LedgerCheck> CheckLedgerAsync(bool apply) => throw new NotSupportedException();
        public Task ResetAsync() => throw new NotSupportedException();
        public Task<JourneyMentions> MentionsAsync(string journeyId) => throw new NotSupportedException();
        public Task<int> EraseCustomerAsync(string journeyId) => throw new NotSupportedException();
        public Task PlaceInTimeAsync(EventTimeHistory history) => throw new NotSupportedException();
    }

    /// <summary>No hub: these tests have no hub viewers, and the broadcaster's hub sender is not started.</summary>
    sealed class NoHub : IHubContext<GrowthHub>
    {
        public IHubClients Clients => throw new NotSupportedException();
        public IGroupManager Groups => throw new NotSupportedException();
    }
}
