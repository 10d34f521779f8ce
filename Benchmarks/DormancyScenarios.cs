using System.Diagnostics;
using Growth.Domain.Journeys;
using Growth.Domain.Simulation;
using Growth.Grains.Journeys;
using Growth.Grains.Simulation;
using Growth.Grains.Workspaces;
using Growth.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Growth.Benchmarks;

/// <summary>
/// Memory with dormant journeys (<see cref="Dormancy"/>): the default demo over a long simulated span, with dormancy
/// on and off, and what one dormant customer costs against one activated journey. One embedded silo with memory
/// storage, as the product's default: a dormant journey's stored state stays in this process.
/// </summary>
public static class DormancyScenarios
{
    static readonly DateTimeOffset T0 = new(2026, 1, 5, 0, 0, 0, TimeSpan.Zero);

    internal static async Task<IHost> StartAsync(Dormancy dormancy)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        // A loaded machine makes Orleans warn of slow turns by the thousand: they would bury the checkpoints.
        builder.Logging.AddFilter("Orleans", LogLevel.Error);
        builder.UseOrleans(silo =>
        {
            silo.Services.AddSingleton(dormancy);
            silo.UseLocalhostClustering(Measure.FreePort(), Measure.FreePort()).AddGrowthGrains()
                .Configure<Orleans.Configuration.SiloMessagingOptions>(o => o.ResponseTimeout = TimeSpan.FromMinutes(10));
        });
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }

    internal static double HeapMb() => GC.GetTotalMemory(forceFullCollection: true) / 1048576.0;

    internal static double WorkingSetMb()
    {
        using var self = Process.GetCurrentProcess();
        return self.WorkingSet64 / 1048576.0;
    }

    /// <summary>One checkpoint of the demo run.</summary>
    public sealed record Checkpoint(int Day, long Journeys, int Dormant, double HeapMb, double WorkingSetMb, double Seconds);

    /// <summary>
    /// The default demo (seed 42, default organisation) simulated for <paramref name="days"/> days as fast as it
    /// goes, a checkpoint (forced full GC) every <paramref name="every"/> days.
    /// </summary>
    public static async Task<List<Checkpoint>> DemoAsync(Dormancy dormancy, int days, int every)
    {
        using var host = await StartAsync(dormancy);
        var grains = host.Services.GetRequiredService<IGrainFactory>();
        const string ws = "bench-demo";
        var sim = grains.GetGrain<ISimulationGrain>(ws);
        await sim.CreateAsync(new SimulationSettings { Seed = 42, Start = T0 });
        var points = new List<Checkpoint>();
        var watch = Stopwatch.StartNew();
        for (var day = every; day <= days; day += every)
        {
            await sim.RunForAsync(TimeSpan.FromDays(every));
            var counts = await Task.WhenAll(Enumerable.Range(0, Keys.ShardCount).Select(i => grains.GetGrain<IJourneyShardGrain>(Keys.Shard(ws, i)).CountAsync()));
            points.Add(new Checkpoint(day, counts.Sum(c => (long)c.Journeys), counts.Sum(c => c.Dormant), HeapMb(), WorkingSetMb(), watch.Elapsed.TotalSeconds));
            var p = points[^1];
            Console.WriteLine($"  demo {(dormancy.Enabled ? "dormancy on " : "dormancy off")} day {p.Day,5}: {p.Journeys,8:N0} journeys, {p.Dormant,8:N0} dormant, heap {p.HeapMb,7:N0} MB, working set {p.WorkingSetMb,7:N0} MB, {p.Seconds,6:N0} s");
        }
        await host.StopAsync();
        return points;
    }

    /// <summary>
    /// <paramref name="customers"/> existing customers started on one silo: bytes per customer once the dormant ones
    /// have left memory (their shard entry and, with memory storage, their stored state), how many went dormant,
    /// and bytes per activated journey with dormancy off, measured the same way.
    /// </summary>
    public static async Task<(double PerCustomer, double DormantShare, double PerActivated, (double HandedOut, double Whole, double Compact, double Named, double Drawer, double Ticked) Row)> CustomersAsync(int customers)
    {
        var on = await CustomerBytesAsync(Dormancy.Default, customers);
        var off = await CustomerBytesAsync(Dormancy.Off, customers);
        return (on.Bytes, on.Dormant / (double)customers, off.Bytes, on.Row);
    }

    static async Task<(double Bytes, int Dormant, (double HandedOut, double Whole, double Compact, double Named, double Drawer, double Ticked) Row)> CustomerBytesAsync(Dormancy dormancy, int customers)
    {
        using var host = await StartAsync(dormancy);
        var grains = host.Services.GetRequiredService<IGrainFactory>();
        const string ws = "bench-customers";
        var organisation = OrganisationFactory.Build(7, regions: 3, teamsPerRegion: 2, repsPerTeam: 10, campaigns: 5);
        var starts = ExistingCustomers.Starts(7, customers, organisation, BehaviourParameters.Default, T0);
        var parameters = new ParametersRef(BehaviourParameters.Default);
        var management = grains.GetGrain<IManagementGrain>(0);
        var before = HeapMb();
        await Parallel.ForEachAsync(starts.GroupBy(s => Keys.ShardOf(s.JourneyId)).SelectMany(g => g.Chunk(500).Select(c => (Shard: g.Key, Starts: c))),
            new ParallelOptions { MaxDegreeOfParallelism = Keys.ShardCount },
            async (batch, _) => await grains.GetGrain<IJourneyShardGrain>(Keys.Shard(ws, batch.Shard)).StartAsync(batch.Starts, parameters, T0));
        var counts = await Task.WhenAll(Enumerable.Range(0, Keys.ShardCount).Select(i => grains.GetGrain<IJourneyShardGrain>(Keys.Shard(ws, i)).CountAsync()));
        var dormant = counts.Sum(c => c.Dormant);
        // Deactivation follows each call: wait until the activations left are the awake journeys (bounded wait).
        var type = grains.GetGrain<IJourneyGrain>(Keys.Of(ws, starts[0].JourneyId)).GetGrainId().Type;
        for (var i = 0; i < 1200 && (await management.GetActiveGrains(type)).Count > customers - dormant; i++) await Task.Delay(100);
        var bytes = (HeapMb() - before) * 1048576.0 / customers;
        await HoldForHeapDumpAsync(dormancy.Enabled ? "on" : "off");
        var rowBytes = await RowBytesAsync(grains, ws, customers);
        Console.WriteLine($"  customers {(dormancy.Enabled ? "dormancy on " : "dormancy off")}: {customers:N0} started, {dormant:N0} dormant, {bytes:N0} bytes each; a record row {rowBytes.HandedOut:N0} bytes handed out, kept whole and named {rowBytes.Whole:N0} bytes, kept compact {rowBytes.Compact:N0} bytes");
        await host.StopAsync();
        return (bytes, dormant, rowBytes);
    }

    /// <summary>
    /// Bytes per record row. Handed out: the <see cref="Domain.Records.CustomerRecord"/> rows (named) copied out of the
    /// shards, measured by the heap the copies add (session 9's figure; noisy: 873-1,802 B in two runs of one process).
    /// Then the same rows kept as shards keep them, one store per shard, measured by the heap
    /// they add: whole and named in a dictionary, each row's id string its own (as shards kept them before compact rows), and compact
    /// (<see cref="Domain.Records.CompactRecords"/>, a simulated customer's drawn name not kept, the id string the shard
    /// entry's, counted with the entry). With table storage a
    /// dormant customer costs the silo its shard entry and its compact row; the journey's state is in the table.
    /// </summary>
    static async Task<(double HandedOut, double Whole, double Compact, double Named, double Drawer, double Ticked)> RowBytesAsync(IGrainFactory grains, string ws, int customers)
    {
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var slices = await Task.WhenAll(Enumerable.Range(0, Keys.ShardCount).Select(i => grains.GetGrain<IJourneyShardGrain>(Keys.Shard(ws, i))
            .RecordsAsync(new Domain.Records.RecordQuery { Kind = Domain.Records.RecordKind.Customers }, Domain.Access.FigureScope.Full, customers)));
        var after = GC.GetTotalMemory(forceFullCollection: true);
        var count = slices.Sum(s => s.Rows.Count);
        if (count == 0) return (double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN);
        var whole = Kept(() => slices.Select(s =>
        {
            var shard = new Dictionary<string, Domain.Records.CustomerRecord>(StringComparer.Ordinal);
            // Each row with its own strings, as a row read from a journey (deserialised) had them.
            foreach (var row in s.Rows) shard[row.JourneyId] = row with
            {
                JourneyId = new string(row.JourneyId), Name = new string(row.Name), Company = new string(row.Company),
                RegionId = Copy(row.RegionId), TeamId = Copy(row.TeamId), RepId = Copy(row.RepId), CampaignId = Copy(row.CampaignId), PoolReason = Copy(row.PoolReason),
            };
            return shard;
        }).ToList());
        // As the journeys send them: a simulated customer's row carries its seed, not its drawn name.
        var sent = slices.Select(s => s.Rows.Select(r => r.NameSeed is null ? r : r with { Name = "", Company = "" }).ToList()).ToList();
        var compact = Kept(() => sent.Select(rows =>
        {
            var shard = new Domain.Records.CompactRecords { Locale = PersonaNames.EnglishLocale };
            // The id string is the one the shard's list holds (JourneyShardGrain.SharedId): the entry's, not counted again.
            foreach (var row in rows) shard.Keep(row);
            return shard;
        }).ToList());
        // The same rows with every date one tick later (to the tick, as the simulation's dates drawn from exponentials are,
        // where the existing customers' are whole seconds): their dates are kept as ticks, 8 bytes a date instead of 4.
        var tickedRows = sent.Select(rows => rows.Select(ToTheTick).ToList()).ToList();
        var ticked = Kept(() => tickedRows.Select(rows =>
        {
            var shard = new Domain.Records.CompactRecords { Locale = PersonaNames.EnglishLocale };
            foreach (var row in rows) shard.Keep(row);
            return shard;
        }).ToList());
        // The same compact rows once every name has been handed out (a list by name of every row: each drawn name then kept).
        List<Domain.Records.CompactRecords> Named() => sent.Select(rows =>
        {
            var shard = new Domain.Records.CompactRecords { Locale = PersonaNames.EnglishLocale };
            foreach (var row in rows) shard.Keep(row);
            _ = shard.All().Count();
            return shard;
        }).ToList();
        // Measured first (as sessions 9-10 did: ~1,000 B a row), then again: the first time also pays what a process
        // builds once (Bogus's reflection and template caches); the second is what the rows and their names keep.
        var namedFirst = Kept(Named);
        var named = Kept(Named, hold: "named");
        // What one store's name drawer (a Bogus faker, one per shard that hands out names) keeps.
        var drawers = Kept(() => Enumerable.Range(0, Keys.ShardCount).Select(_ =>
        {
            var drawer = new PersonaNames.Drawer(PersonaNames.EnglishLocale);
            drawer.Names(1);
            return drawer;
        }).ToList()) / Keys.ShardCount;
        Console.WriteLine($"  record rows kept compact, every name handed out once: {named / count:N0} bytes each ({namedFirst / count:N0} measured first in the process); one name drawer (Bogus faker) {drawers:N0} bytes");
        GC.KeepAlive(slices);
        GC.KeepAlive(sent);
        GC.KeepAlive(tickedRows);
        return ((after - before) / (double)count, whole / count, compact / count, named / count, drawers, ticked / count);
    }

    /// <summary>
    /// With GROWTH_BENCH_HOLD=on,off,named (any of them) (and GROWTH_BENCH_HOLD_SECONDS, default 60), waits after the measure so a heap
    /// dump can be taken of this process (<c>dotnet-gcdump collect -p PID</c>): how the bytes break down by type.
    /// </summary>
    static async Task HoldForHeapDumpAsync(string which)
    {
        var hold = Environment.GetEnvironmentVariable("GROWTH_BENCH_HOLD");
        if (hold is null || !hold.Split(',').Contains(which)) return;
        var seconds = int.TryParse(Environment.GetEnvironmentVariable("GROWTH_BENCH_HOLD_SECONDS"), out var s) ? s : 60;
        Console.WriteLine($"  holding {seconds} s for a heap dump: dotnet-gcdump collect -p {Environment.ProcessId}");
        await Task.Delay(TimeSpan.FromSeconds(seconds));
    }

    static Domain.Records.CustomerRecord ToTheTick(Domain.Records.CustomerRecord r)
    {
        static DateTimeOffset? Tick(DateTimeOffset? d) => d?.AddTicks(1);
        return r with
        {
            CreatedAt = Tick(r.CreatedAt), OpportunityAt = Tick(r.OpportunityAt), StepAt = Tick(r.StepAt), ExpectedCloseAt = Tick(r.ExpectedCloseAt),
            ClosedAt = Tick(r.ClosedAt), LastActivityAt = Tick(r.LastActivityAt), DealStepAt = Tick(r.DealStepAt), AssignedAt = Tick(r.AssignedAt),
            FirstContactAt = Tick(r.FirstContactAt), OverdueSince = Tick(r.OverdueSince), QualifiedAt = Tick(r.QualifiedAt), FollowUpAt = Tick(r.FollowUpAt),
            OrderAt = Tick(r.OrderAt), PaidAt = Tick(r.PaidAt),
        };
    }

    static string? Copy(string? s) => s is null ? null : new string(s);

    /// <summary>Bytes the object <paramref name="make"/> builds adds to the heap (forced full collections around it).</summary>
    static double Kept<T>(Func<T> make, string? hold = null)
    {
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var made = make();
        if (hold is not null) HoldForHeapDumpAsync(hold).GetAwaiter().GetResult();
        var after = GC.GetTotalMemory(forceFullCollection: true);
        GC.KeepAlive(made);
        return after - before;
    }

    /// <summary>
    /// Bytes per shard entry alone: the shard's dictionary (id to <see cref="ShardEntry"/>) built for
    /// <paramref name="count"/> ids like the simulation's, measured by the heap it adds (the ids' strings included).
    /// </summary>
    public static double EntryBytes(int count)
    {
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var entries = new Dictionary<string, ShardEntry>();
        for (var i = 0; i < count; i++) entries[$"customer-{i + 1}"] = ShardEntry.Of(T0.AddDays(30 + i % 60), dormant: true);
        var after = GC.GetTotalMemory(forceFullCollection: true);
        GC.KeepAlive(entries);
        return (after - before) / (double)count;
    }
}
