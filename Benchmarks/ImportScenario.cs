using System.Diagnostics;
using System.Globalization;
using System.Text;
using Growth.Domain.Figures;
using Growth.Domain.Import;
using Growth.Domain.Journeys;

namespace Growth.Benchmarks;

/// <summary>
/// A large deals export in the HubSpot preset's layout (seeded: 200 owners, 20,000 companies, 30 % won, 40 % lost, the
/// rest open at one of the five open stages, created 2019-2024) written to a temporary file and imported from it as a
/// stream: read and checked (<see cref="CrmImport"/>), every journey written in the event language and replayed into
/// the figures by event time (<see cref="EventTimeHistory"/>), as the workspace import does before it sends the journeys
/// in batches. Full size 1,000,000 rows, quick 20,000, --rows N any other size (targets judged at full size only). Memory is the process's working set above the idle process (after
/// the file is written and a full collection), sampled every 20 ms; the managed heap's peak beside it.
/// </summary>
public static class ImportScenario
{
    const int Owners = 200, Companies = 20_000, Seed = 15;

    static readonly string[] OpenStages = ["Appointment Scheduled", "Qualified To Buy", "Presentation Scheduled", "Decision Maker Bought-In", "Contract Sent"];

    public static async Task<IReadOnlyList<Row>> RunAsync(bool quick, int? size = null)
    {
        var rows = size ?? (quick ? 20_000 : 1_000_000);
        var full = rows >= 1_000_000;
        var file = Path.Combine(Path.GetTempPath(), $"growth-bench-deals-{Environment.ProcessId}.csv");
        try
        {
            Write(file, rows);
            var megabytes = new FileInfo(file).Length / 1_048_576.0;
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
            var idle = WorkingSet();
            long peakSet = idle, peakHeap = 0;
            using var stop = new CancellationTokenSource();
            var sampler = Task.Run(async () =>
            {
                while (!stop.IsCancellationRequested)
                {
                    peakSet = Math.Max(peakSet, WorkingSet());
                    peakHeap = Math.Max(peakHeap, GC.GetTotalMemory(false));
                    try { await Task.Delay(20, stop.Token); } catch (OperationCanceledException) { }
                }
            });
            var cpuBefore = Measure.Cpu();
            var watch = Stopwatch.StartNew();
            var (imported, rejected, events, read, scripting) = Import(file);
            var seconds = watch.Elapsed.TotalSeconds;
            var cpu = (Measure.Cpu() - cpuBefore).TotalSeconds;
            stop.Cancel();
            await sampler;
            if (imported != rows || rejected != 0)
                throw new InvalidOperationException($"the benchmark export imported {imported} of {rows} rows ({rejected} rejected)");
            var rate = rows / seconds;
            var above = (peakSet - idle) / 1_048_576.0;
            var label = $"({rows:N0} rows, {megabytes:N0} MB, {events:N0} events)";
            return
            [
                new("import-1m", $"deals CSV streamed, read, scripted, replayed {label}", rate, "rows/s", full ? ">= 20,000" : "", full ? rate >= 20_000 : null),
                new("import-1m", "the same, wall time", seconds, "s", "", null),
                new("import-1m", "the same, CPU time (all cores)", cpu, "s", "", null),
                new("import-1m", "rows/s by CPU time", rows / cpu, "rows/s", "", null),
                new("import-1m", "of the wall time: file read and rows checked", read, "s", "", null),
                new("import-1m", "of the wall time: journeys scripted in the event language (twice: span, then figures)", scripting, "s", "", null),
                new("import-1m", "of the wall time: replayed into the figures by event time", seconds - read - scripting, "s", "", null),
                new("import-1m", "working set above idle, peak", above, "MB", full ? "< 1,024" : "", full ? above < 1_024 : null),
                new("import-1m", "managed heap, peak", peakHeap / 1_048_576.0, "MB", "", null),
            ];
        }
        finally { File.Delete(file); }
    }

    /// <summary>The import's work on the file: rows kept, rows rejected, events written.</summary>
    static (int Imported, int Rejected, long Events, double ReadSeconds, double ScriptSeconds) Import(string file)
    {
        var watch = Stopwatch.StartNew();
        using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        var result = CrmImport.Read(CrmSource.FromStream(Path.GetFileName(file), stream), null, null, CrmPresets.HubSpot);
        var read = watch.Elapsed.TotalSeconds;
        long events = 0;
        long scripting = 0;
        var history = EventTimeHistory.Replay(Timed(result.Journeys, ticks => scripting += ticks).Select(j =>
        {
            events += j.Events.Count;
            return (j.Id, (IReadOnlyList<JourneyEvent>)j.Events);
        }));
        GC.KeepAlive(history);
        // Replay walks the journeys twice (span, then figures).
        return (result.Report.Imported, result.Report.Rejected.Count, events / 2, read, scripting / (double)Stopwatch.Frequency);
    }

    /// <summary>The items of <paramref name="items"/>, with the time spent making each (its MoveNext) passed to <paramref name="spent"/>.</summary>
    static IEnumerable<T> Timed<T>(IEnumerable<T> items, Action<long> spent)
    {
        using var e = items.GetEnumerator();
        while (true)
        {
            var start = Stopwatch.GetTimestamp();
            var more = e.MoveNext();
            spent(Stopwatch.GetTimestamp() - start);
            if (!more) yield break;
            yield return e.Current;
        }
    }

    /// <summary>Writes the seeded export, a row at a time.</summary>
    static void Write(string file, int rows)
    {
        var random = new Random(Seed);
        var start = new DateTime(2019, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        using var writer = new StreamWriter(file, false, new UTF8Encoding(false), 1 << 16);
        writer.WriteLine("Record ID,Deal Name,Deal owner,Associated Company,Deal Stage,Pipeline,Create Date,Close Date,Amount");
        var c = CultureInfo.InvariantCulture;
        for (var i = 1; i <= rows; i++)
        {
            var company = $"Company {random.Next(Companies):D5}";
            var created = start.AddMinutes(random.Next(6 * 365 * 24 * 60));
            var roll = random.NextDouble();
            var stage = roll < 0.3 ? "Closed Won" : roll < 0.7 ? "Closed Lost" : OpenStages[random.Next(OpenStages.Length)];
            var closed = roll < 0.7 ? created.AddDays(1 + random.Next(120)).ToString("yyyy-MM-dd HH:mm", c) : "";
            var amount = (500 + random.Next(100_000) + random.Next(100) / 100m).ToString("0.00", c);
            writer.WriteLine($"{9_000_000_000L + i},\"{company} - deal {i}\",Owner {random.Next(Owners):D3},{company},{stage},Sales Pipeline,{created.ToString("yyyy-MM-dd HH:mm", c)},{closed},{amount}");
        }
    }

    static long WorkingSet()
    {
        using var self = Process.GetCurrentProcess();
        return self.WorkingSet64;
    }
}
