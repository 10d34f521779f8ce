using Growth.Benchmarks;
using Growth.Domain.Journeys;

// dotnet run -c Release --project Benchmarks -- <scenario>|all [--quick] [--once: plans timed once after a warm-up]
// The program run as a child process of a scenario (clients or silos kept out of the measured process):
if (args.Length > 0 && args[0] == FanOutClients.Mode) return await FanOutClients.RunAsync(args);
if (args.Length > 0 && args[0] == ClusterSilo.Mode) return await ClusterSilo.RunAsync(args);
if (args.Length > 0 && args[0] == DurableIndexSilo.Mode) return await DurableIndexSilo.RunAsync(args);
var quick = args.Contains("--quick");
var wanted = args.FirstOrDefault(a => !a.StartsWith("--") && !a.All(c => char.IsDigit(c) || c == ',')) ?? "all";
string[] scenarios = ["floor", "journeys", "plain-loop", "memory", "projection", "ingest", "latency", "fan-out", "setup-10k-reps", "forecast-montecarlo", "dormancy", "demo-memory", "plans", "import-1m", "records", "deal-read", "durable-index", "cluster", "long-run"];
if (wanted != "all" && !scenarios.Contains(wanted))
{
    Console.Error.WriteLine($"unknown scenario '{wanted}': use one of {string.Join(", ", scenarios)} or all");
    return 2;
}
bool Run(string name) => wanted == "all" || wanted == name;
var rows = new List<Row>();
var machine = Measure.Machine();
Console.WriteLine($"Growth benchmarks{(quick ? " (quick sizes)" : "")} on {machine}; each figure is the median of {Measure.Runs} runs after a warm-up.");

var journeyCount = quick ? 10_000 : 100_000;
// plain-loop runs with the floor and the journeys: their ratios come from one run.
var journeysRun = Run("journeys") || Run("plain-loop");
if (Run("floor") || journeysRun || Run("memory"))
{
    await using var silo = new SiloScenarios(quick);
    await silo.StartAsync();
    double floor = double.NaN, floorCpu = double.NaN;
    if (Run("floor") || journeysRun)
    {
        (floor, floorCpu) = await silo.FloorAsync();
        rows.Add(new Row("floor", "empty grain calls/s", floor, "calls/s", "framework limit", null));
        rows.Add(new Row("floor", "CPU time per call", floorCpu, "µs", "", null));
    }
    if (journeysRun)
    {
        var (rate, cpu, events) = await silo.JourneysAsync(journeyCount);
        rows.Add(new Row("journeys", $"journey events/s ({journeyCount:N0} journeys)", rate, "events/s", "", null));
        rows.Add(new Row("journeys", "ratio to floor", rate / floor, "x", ">= 0.5", rate / floor >= 0.5));
        rows.Add(new Row("journeys", "CPU time per event", cpu, "µs", "", null));
        // The same ratio from CPU time (floor CPU per call / CPU per event): steadier than the wall-clock ratio
        // when other processes share the cores, as both runs pay the same share of them.
        rows.Add(new Row("journeys", "ratio to floor by CPU time", floorCpu / cpu, "x", "", null));
        rows.AddRange(await PlainLoopScenario.RowsAsync(journeyCount, rate, cpu, events, floor));
    }
    if (Run("memory"))
    {
        foreach (var n in quick ? new[] { 10_000, 50_000 } : [100_000, 1_000_000])
        {
            var bytes = await silo.MemoryPerJourneyAsync(n, $"bench-memory-{n}");
            rows.Add(new Row("memory", $"managed bytes per active journey ({n:N0})", bytes, "bytes", "<= 2048", bytes <= 2048));
        }
    }
}
if (Run("dormancy")) rows.AddRange(await DormancyRows.RowsAsync(quick));
if (Run("demo-memory"))
{
    // The default demo over a long simulated span: full size 5 simulated years (1,800 days, dormancy on), quick 60
    // days (on and off); --days N sets the span (checkpoints every quarter of it, every tenth at full size).
    var daysArg = Array.IndexOf(args, "--days");
    var days = daysArg >= 0 && daysArg + 1 < args.Length && int.TryParse(args[daysArg + 1], out var given) && given >= 10 ? given : quick ? 60 : 1800;
    var every = Math.Max(1, days / (quick ? 4 : 10));
    foreach (var dormancy in quick ? new[] { Dormancy.Default, Dormancy.Off } : [Dormancy.Default])
    {
        var points = await DormancyScenarios.DemoAsync(dormancy, days, every);
        var label = dormancy.Enabled ? "dormancy on" : "dormancy off";
        var last = points[^1];
        var yearAgo = points.Last(p => p.Day <= last.Day - 360 || p == points[0]);
        rows.Add(new Row("demo-memory", $"working set after {last.Day} simulated days, {label} ({last.Journeys:N0} journeys)", last.WorkingSetMb, "MB", "< 1536", last.WorkingSetMb < 1536));
        rows.Add(new Row("demo-memory", $"managed heap after {last.Day} simulated days, {label}", last.HeapMb, "MB", "", null));
        rows.Add(new Row("demo-memory", $"managed heap growth over the last {last.Day - yearAgo.Day} days, {label}", last.HeapMb - yearAgo.HeapMb, "MB", "", null));
        rows.Add(new Row("demo-memory", $"journeys dormant at the end, {label}", last.Dormant, "journeys", "", null));
        rows.Add(new Row("demo-memory", $"wall time for {last.Day} simulated days, {label}", last.Seconds, "s", "", null));
    }
}
if (Run("long-run"))
{
    // The default demo with its long run over simulated years: full 5 years (1,826 days, one row set per year), quick
    // 10 days in two periods so the harness cannot rot; --days N sets the span (periods of a year, or of half a shorter span).
    var daysArg = Array.IndexOf(args, "--days");
    var days = daysArg >= 0 && daysArg + 1 < args.Length && int.TryParse(args[daysArg + 1], out var given) && given >= 2 ? given : quick ? 10 : 1826;
    var years = days >= 730;
    var periods = await LongRunScenario.RunAsync(years ? days / 365 : 2, years, Math.Max(1, days / 2));
    rows.AddRange(LongRunScenario.Rows(periods, years));
}
if (Run("projection"))
{
    var (rate, seconds, cpu) = await ProjectionScenario.ProjectAsync();
    var naive = await ProjectionScenario.NaiveAsync(quick);
    rows.Add(new Row("projection", "Monte Carlo path-weeks per second", rate, "path-weeks/s", "", null));
    rows.Add(new Row("projection", "10,000 paths x 52 weeks", seconds, "s", "< 1", seconds < 1));
    rows.Add(new Row("projection", "10,000 paths x 52 weeks, CPU time (all cores)", cpu, "s", "", null));
    rows.Add(new Row("projection", "naive per-lead simulation, path-weeks per second", naive, "path-weeks/s", "", null));
    rows.Add(new Row("projection", "projection / naive", rate / naive, "x", ">= 100", rate / naive >= 100));
}

if (Run("plans"))
{
    var paths = quick ? 1_000 : 10_000;
    var once = args.Contains("--once");
    var (timing, demo) = await PlanScenario.RunAsync(paths, once);
    PlanScenario.Print(demo);
    if (!once)
    {
        Console.WriteLine("with quotas at each rep's projected sales under the flat plan:");
        PlanScenario.Print(PlanScenario.ReachableQuotas(demo, paths));
    }
    var seconds = timing.Seconds;
    // The issue's target is one projection with per-rep pay; the machine is shared, so CPU time and its ratio to the plain
    // projection of the same request (same run) are printed beside the wall time.
    rows.Add(new Row("plans", $"1 projection with per-rep pay x {paths:N0} paths x 52 weeks, first ask (funnel measured ahead when the What-if page opens)", timing.AheadSeconds, "s", quick ? "" : "< 1", quick ? null : timing.AheadSeconds < 1));
    rows.Add(new Row("plans", "  the same, CPU time (all cores)", timing.AheadCpuSeconds, "s", "", null));
    rows.Add(new Row("plans", "  before: first ask measuring the funnel in the ask (same run)", timing.OneSeconds, "s", "", null));
    rows.Add(new Row("plans", "  the same, CPU time (all cores)", timing.OneCpuSeconds, "s", "", null));
    rows.Add(new Row("plans", "  plain projection of the same request (funnel, every path, weekly bands), CPU time", timing.PlainCpuSeconds, "s", "", null));
    rows.Add(new Row("plans", "  with per-rep pay / plain projection, CPU time", timing.OneCpuSeconds / timing.PlainCpuSeconds, "x", "", null));
    rows.Add(new Row("plans", "1 projection with per-rep pay, funnel kept from an earlier ask", timing.OneSeconds - timing.SharedSeconds, "s", "", null));
    rows.Add(new Row("plans", "  the same, CPU time (all cores)", timing.OneCpuSeconds - timing.SharedCpuSeconds, "s", "", null));
    rows.Add(new Row("plans", $"2 pay plans, funnel kept from an earlier comparison x {paths:N0} paths", timing.KeptSeconds, "s", "", null));
    rows.Add(new Row("plans", "  the same, CPU time (all cores)", timing.KeptCpuSeconds, "s", "", null));
    rows.Add(new Row("plans", $"2 pay plans x {paths:N0} paths x 52 weeks, per rep, funnel measured", seconds, "s", "", null));
    rows.Add(new Row("plans", "  of which funnel measurement and projection paths", timing.SharedSeconds, "s", "", null));
    rows.Add(new Row("plans", "  of which one plan's per-rep paths (team bonus, clawback, draw)", timing.OptionSeconds, "s", "", null));
    rows.Add(new Row("plans", "the same, CPU time (all cores)", timing.CpuSeconds, "s", "", null));
    rows.Add(new Row("plans", "  of which funnel measurement and projection paths, CPU time", timing.SharedCpuSeconds, "s", "", null));
    rows.Add(new Row("plans", "  of which funnel measurement alone, CPU time", timing.FunnelCpuSeconds, "s", "", null));
    rows.Add(new Row("plans", "  of which one plan's per-rep paths, CPU time", timing.OptionCpuSeconds, "s", "", null));
    rows.Add(new Row("plans", "  before: the baseline over every path with its weekly bands, CPU time (same run)", timing.BeforeBaselineCpuSeconds, "s", "", null));
    rows.Add(new Row("plans", "  now: the baseline's means over its first paths, CPU time", timing.SharedCpuSeconds - timing.FunnelCpuSeconds, "s", "", null));
}

if (Run("forecast-montecarlo"))
{
    var (seconds, cpu) = await ForecastScenario.MonteCarloAsync();
    rows.Add(new Row("forecast-mc", $"{ForecastScenario.Runs:N0} runs x {ForecastScenario.OpenDeals:N0} open deals", seconds * 1000, "ms", "", null));
    rows.Add(new Row("forecast-mc", "the same, CPU time (all cores)", cpu * 1000, "ms", "", null));
}

if (Run("records"))
{
    var journeys = quick ? 100_000 : 1_000_000;
    // Names drawn from seeds cost a Bogus draw each: measured at quick size only, or with --drawn.
    foreach (var t in await RecordsScenario.RunAsync(journeys, drawn: quick || args.Contains("--drawn")))
    {
        var what = t.Query == "team" ? "one team's open deals by value" : "deals whose customer matches 'smith'";
        Console.WriteLine($"  records ({t.Rows}): {what}, {t.Total:N0} match: {t.Ms:N1} ms, {t.CpuMs:N1} ms CPU");
        rows.Add(new Row("records", $"first page of {what}, {journeys:N0} journeys ({t.Total:N0} match), {t.Rows}", t.Ms, "ms", quick || t.Rows.EndsWith("(before)") ? "" : "< 300", quick || t.Rows.EndsWith("(before)") ? null : t.Ms < 300));
        rows.Add(new Row("records", $"the same, CPU time, {t.Rows}", t.CpuMs, "ms", "", null));
    }
}

if (Run("deal-read"))
{
    // What the forecast and the Pipeline page read per request: every journey's state (before) or the deals from the record rows (now).
    var days = quick ? 30 : 180;
    var r = await DealReadScenario.RunAsync(days);
    Console.WriteLine($"  deal-read: demo day {days}, {r.Journeys:N0} journeys ({r.Dormant:N0} dormant), {r.Deals:N0} deals; states {r.StatesMs:N0} ms (woke {r.WokenByStates:N0}), rows {r.RowsMs:N0} ms (woke {r.WokenByRows:N0})");
    rows.Add(new Row("deal-read", $"every journey's state from the shards (before), demo day {days}, {r.Journeys:N0} journeys, {r.WokenByStates:N0} dormant woken", r.StatesMs, "ms", "", null));
    rows.Add(new Row("deal-read", $"the {r.Deals:N0} deals from the record rows (now), {r.WokenByRows:N0} woken", r.RowsMs, "ms", "", null));
}

if (Run("durable-index"))
{
    // The shard index on Azurite: ingest, the silo dies, a new silo finds every journey. --journeys N sets the size.
    var journeysArg = Array.IndexOf(args, "--journeys");
    var indexed = journeysArg >= 0 && journeysArg + 1 < args.Length && int.TryParse(args[journeysArg + 1], out var n) && n > 0 ? n : quick ? 2_000 : 500_000;
    // --minutes M: ingest for at most M minutes; the leads acknowledged by then are the ones checked after the crash.
    var minutesArg = Array.IndexOf(args, "--minutes");
    var budget = minutesArg >= 0 && minutesArg + 1 < args.Length && double.TryParse(args[minutesArg + 1], System.Globalization.CultureInfo.InvariantCulture, out var m) && m > 0
        ? TimeSpan.FromMinutes(m) : (TimeSpan?)null;
    var r = await DurableIndexScenario.RunAsync(indexed, budget);
    rows.Add(new Row("durable-index", $"journeys found after the silo process was killed ({r.Created:N0} acknowledged)", r.Found, "journeys", $"= {r.Created:N0}", r.Found == r.Created && r.SameIds));
    rows.Add(new Row("durable-index", $"journeys read one by one after the silo process was killed ({r.SpotRead:N0} of the whole range)", r.SpotFound, "journeys", $"= {r.SpotRead:N0}", r.SpotFound == r.SpotRead));
    rows.Add(new Row("durable-index", $"recovery: {r.SpotRead:N0} journeys read one by one (50 at a time)", r.SpotReadSeconds, "s", "", null));
    rows.Add(new Row("durable-index", "recovery: new silo process started", r.SiloStartSeconds, "s", "", null));
    rows.Add(new Row("durable-index", "recovery: shards read their pages", r.IndexReadSeconds, "s", "", null));
    rows.Add(new Row("durable-index", $"index page rows written while ingesting ({r.PageRows:N0} rows hold the list)", r.PageWrites, "rows", "", null));
    rows.Add(new Row("durable-index", "ingest on Azurite (journey rows and index pages)", r.Created / r.IngestSeconds, "journeys/s", "", null));
    rows.Add(new Row("durable-index", "ingest CPU per journey: silo process (Orleans, grains, table client)", r.SiloCpuMsPerJourney, "ms", "", null));
    rows.Add(new Row("durable-index", "ingest CPU per journey: Azurite (node)", r.AzuriteCpuMsPerJourney, "ms", "", null));
    rows.Add(new Row("durable-index", "batches not acknowledged at first and sent again", r.BatchesSentAgain, "batches", "", null));
}

if (Run("setup-10k-reps"))
    rows.AddRange(await SetupScenario.RunAsync(quick));

if (Run("import-1m"))
{
    // --rows N: a size between the quick and the full one (e.g. 200000 to see where the time goes).
    var rowsArg = Array.IndexOf(args, "--rows");
    rows.AddRange(await ImportScenario.RunAsync(quick,
        rowsArg >= 0 && rowsArg + 1 < args.Length && int.TryParse(args[rowsArg + 1], out var size) && size > 0 ? size : null));
}

if (Run("ingest") || Run("latency") || Run("fan-out"))
{
    await using var web = new WebScenarios(quick);
    await web.StartAsync();
    if (Run("ingest"))
    {
        // Stage by stage in one run (where the CPU goes), then the whole request over HTTP.
        var b = await web.IngestBreakdownAsync();
        Console.WriteLine($"  ingest: HTTP {b.Http.EventsPerSecond:N0} events/s ({b.Http.CpuMicrosPerEvent:N1} µs CPU/event); read JSON {b.Parse.CpuMicrosPerEvent:N1}, grains {b.Grains.CpuMicrosPerEvent:N1}, " +
            $"response JSON {b.Respond.CpuMicrosPerEvent:N1} µs/event; sender serialising in the loop {b.HttpClientSerialising.EventsPerSecond:N0} events/s; load {Measure.Load()}");
        rows.Add(new Row("ingest", "events/s over HTTP, memory storage (bodies serialised before the clock)", b.Http.EventsPerSecond, "events/s", ">= 100,000", b.Http.EventsPerSecond >= 100_000));
        rows.Add(new Row("ingest", "events/s over HTTP, the sender serialising objects in the loop (as measured before)", b.HttpClientSerialising.EventsPerSecond, "events/s", "", null));
        rows.Add(new Row("ingest", "CPU per event, whole request over HTTP (server and sender)", b.Http.CpuMicrosPerEvent, "µs", "", null));
        rows.Add(new Row("ingest", "  reading the JSON body into events", b.Parse.CpuMicrosPerEvent, "µs", "", null));
        rows.Add(new Row("ingest", "  ingestion into shards and journeys (in process)", b.Grains.CpuMicrosPerEvent, "µs", "", null));
        rows.Add(new Row("ingest", "  the response's JSON (a row per event)", b.Respond.CpuMicrosPerEvent, "µs", "", null));
        rows.Add(new Row("ingest", "  the rest: Kestrel, key check, rate limiter, HTTP client", b.Http.CpuMicrosPerEvent - b.Parse.CpuMicrosPerEvent - b.Grains.CpuMicrosPerEvent - b.Respond.CpuMicrosPerEvent, "µs", "", null));
        rows.Add(new Row("ingest", "events/s, ingestion into the grains alone (in process)", b.Grains.EventsPerSecond, "events/s", "", null));
    }
    if (Run("latency"))
    {
        var (p50, p99) = await web.LatencyAsync();
        var live = $"refresh {web.Live.Refresh.TotalMilliseconds:N0} ms, flush {web.Live.Flush.TotalMilliseconds:N0} ms";
        rows.Add(new Row("latency", $"ingest to SignalR client p50 at 5,000 events/s ({live})", p50, "ms", "", null));
        rows.Add(new Row("latency", $"ingest to SignalR client p99 at 5,000 events/s ({live})", p99, "ms", "< 250", p99 < 250));
    }
    if (Run("fan-out"))
    {
        // Rows for two sizes: the server's CPU per update should grow far slower than the clients.
        // The shared array pool's cap (see docker/Dockerfile.dashboard): the WebSocket send buffers come from it.
        const string SharedPoolCap = "DOTNET_SYSTEM_BUFFERS_SHAREDARRAYPOOL_MAXARRAYSPERPARTITION";
        // --clients 500,5000: only these sizes (e.g. to profile one).
        var sizesArg = Array.IndexOf(args, "--clients");
        var sizes = sizesArg >= 0 && sizesArg + 1 < args.Length ? args[sizesArg + 1].Split(',').Select(int.Parse).ToArray()
            : quick ? new[] { 50, 200 } : [500, 5_000];
        foreach (var clients in sizes)
        {
            var f = await web.FanOutAsync(clients, args.Contains("--allocations"));
            Console.WriteLine($"  fan-out {clients}: p99 {f.P99Millis:N0} ms, server CPU {f.ServerCpuMillisPerUpdate:N1} ms/update ({f.ServerCpuAboveIdleMillisPerUpdate:N1} above idle; idle {f.IdleServerCpuMillisPerSecond:N1} ms/s), " +
                $"clients' process {f.ClientsCpuMillisPerUpdate:N1} ms/update, {f.SerialisationsPerUpdate:N2} serialisations/update, snapshot {f.SnapshotBytes:N0} B; " +
                $"connecting ({f.ClientProcesses} client processes) {f.ConnectSeconds:N1} s wall, {f.ConnectServerCpuSeconds:N1} s server CPU, {f.ConnectGcPauseMillis:N0} ms server GC pause; " +
                $"server GC pause {f.LoopGcPauseMillis:N1} ms/update; load {Measure.Load()}");
            Console.WriteLine($"    server GCs while connecting: {f.ConnectGcs}; over the updates: {f.LoopGcs}");
            Console.WriteLine($"    shared array pool arrays per core and size: {Environment.GetEnvironmentVariable(SharedPoolCap) ?? "the runtime's default (32)"} ({SharedPoolCap}; the dashboard's image sets 4096)");
            if (args.Contains("--allocations")) Console.WriteLine($"    server allocation ticks over the updates (about 100 KB each): {f.LoopAllocations}");
            rows.Add(new Row("fan-out", $"delivery p99 to {clients:N0} clients", f.P99Millis, "ms", "< 500", f.P99Millis < 500));
            rows.Add(new Row("fan-out", $"server CPU per update, {clients:N0} clients (clients in another process)", f.ServerCpuMillisPerUpdate, "ms", "", null));
            rows.Add(new Row("fan-out", $"  of which above the idle server's CPU, {clients:N0} clients", f.ServerCpuAboveIdleMillisPerUpdate, "ms", "", null));
            rows.Add(new Row("fan-out", $"clients' process CPU per update, {clients:N0} clients", f.ClientsCpuMillisPerUpdate, "ms", "", null));
            rows.Add(new Row("fan-out", $"snapshot serialisations per update, {clients:N0} clients", f.SerialisationsPerUpdate, "per update", "1 per group", f.SerialisationsPerUpdate <= 1.5));
            rows.Add(new Row("fan-out", $"server GC pause per update, {clients:N0} clients", f.LoopGcPauseMillis, "ms", "", null));
            rows.Add(new Row("fan-out", $"shared array pool arrays per core and size, {clients:N0} clients", int.TryParse(Environment.GetEnvironmentVariable(SharedPoolCap), out var cap) ? cap : 32, "arrays", "", null));
            rows.Add(new Row("fan-out", $"server CPU to connect {clients:N0} clients ({f.ClientProcesses} client processes)", f.ConnectServerCpuSeconds * 1000, "ms", "", null));
            rows.Add(new Row("fan-out", $"server GC pause while {clients:N0} clients connect", f.ConnectGcPauseMillis, "ms", "", null));
        }
    }
}

if (Run("cluster"))
{
    // The same seeded simulation on one silo and on several (each silo a process of its own): same figures, CPU per event.
    var (settings, days) = ClusterScenario.Workload(quick);
    var many = quick ? 2 : 3;
    var one = await ClusterScenario.RunAsync(1, settings, days);
    var spread = await ClusterScenario.RunAsync(many, settings, days);
    var same = one.Figures == spread.Figures;
    Console.WriteLine($"  cluster: {days} simulated days, {one.Journeys:N0} journeys; 1 silo {one.Events:N0} events, {one.CpuMicrosPerEvent:N1} µs CPU/event, {one.WallSeconds:N1} s; " +
        $"{many} silos {spread.Events:N0} events, {spread.CpuMicrosPerEvent:N1} µs CPU/event, {spread.WallSeconds:N1} s, journey activations per silo at the end {spread.JourneysPerSilo}; same figures: {same}; load {Measure.Load()}");
    rows.Add(new Row("cluster", $"figures on {many} silos equal those on 1 (seed {settings.Seed}, {days} days, {one.Journeys:N0} journeys)", same ? 1 : 0, "1 = equal", "= 1", same));
    rows.Add(new Row("cluster", "journey events, 1 silo", one.Events, "events", "", null));
    rows.Add(new Row("cluster", $"journey events, {many} silos", spread.Events, "events", $"= {one.Events:N0}", spread.Events == one.Events));
    rows.Add(new Row("cluster", "silos' CPU time per event, 1 silo", one.CpuMicrosPerEvent, "µs", "", null));
    rows.Add(new Row("cluster", $"silos' CPU time per event, {many} silos", spread.CpuMicrosPerEvent, "µs", "", null));
    rows.Add(new Row("cluster", $"CPU per event, {many} silos / 1 silo", spread.CpuMicrosPerEvent / one.CpuMicrosPerEvent, "x", "", null));
    rows.Add(new Row("cluster", "wall time, 1 silo", one.WallSeconds, "s", "", null));
    rows.Add(new Row("cluster", $"wall time, {many} silos", spread.WallSeconds, "s", "", null));
}

Console.WriteLine();
Console.WriteLine($"{"scenario",-14} {"metric",-52} {"value",14} {"unit",-9} {"target",-20} met");
foreach (var r in rows)
    Console.WriteLine($"{r.Scenario,-14} {r.Metric,-52} {(double.IsNaN(r.Value) ? "n/a" : r.Value.ToString("N1")),14} {r.Unit,-9} {r.Target,-20} {(r.Met is null ? "" : r.Met.Value ? "yes" : "NO")}");
await BenchJson.WriteAsync("results/bench.json", machine, quick, rows);
Console.WriteLine($"written results/bench.json ({rows.Select(r => r.Scenario).Distinct().Count()} scenarios' rows replaced, the others kept)");
return 0;
