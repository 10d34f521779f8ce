using System.Diagnostics;
using Growth.Domain.Access;
using Growth.Domain.Journeys;
using Growth.Domain.Randomness;
using Growth.Domain.Records;
using Growth.Domain.Simulation;

namespace Growth.Benchmarks;

/// <summary>
/// The record lists' read model: the first page (50 rows) of a filtered list over N journeys' rows split over the 8
/// shards as the grains hold them, each shard's cut (<see cref="RecordList.Slice"/>) then the merge. The shards' cuts
/// run one after another here (in a silo they run in parallel), so the figure is an upper bound of a query's work.
/// </summary>
public static class RecordsScenario
{
    public const int Shards = 8, Faces = 10_000;

    static readonly RecordQuery Team = new() { Kind = RecordKind.Deals, Team = "team-2-3", Status = JourneyStatus.Prospect, Sort = "value", Descending = true };
    static readonly RecordQuery Search = new() { Kind = RecordKind.Deals, Search = "smith", Sort = "name", Descending = false };

    /// <summary>One query's median wall time and CPU time per run (ms), and its matches.</summary>
    public sealed record Timing(string Rows, string Query, double Ms, double CpuMs, int Total);

    /// <summary>
    /// The first page of: open deals of one team by value; and a name search over deals. Over the rows kept whole (as shards
    /// kept them before compact rows), over the compact rows the shards keep (<see cref="CompactRecords"/>, the names kept as
    /// data), and with <paramref name="drawn"/> over compact rows whose names are drawn from seeds when read (as a
    /// simulated workspace's shards: no name kept).
    /// </summary>
    public static async Task<List<Timing>> RunAsync(int journeys, bool drawn)
    {
        var whole = Build(journeys);
        var result = new List<Timing>();
        foreach (var (label, query) in new[] { ("team", Team), ("search", Search) })
            result.Add(await TimeAsync("whole rows", label, query, q => RecordList.Merge(whole.Select(s => RecordList.Slice(s, q, FigureScope.Full, q.RowsThroughPage)).ToList(), q)));
        var compact = Compact(whole, seeded: false);
        // Before and now over the same compact rows, back to back: each candidate expanded and judged whole, then ranked compact.
        foreach (var (label, query) in new[] { ("team", Team), ("search", Search) })
        {
            result.Add(await TimeAsync("compact rows, each candidate expanded (before)", label, query,
                q => RecordList.Merge(compact.Select(s => s.SliceExpandingEach(q, FigureScope.Full, q.RowsThroughPage)).ToList(), q)));
            result.Add(await TimeAsync("compact rows", label, query, q => RecordList.Merge(compact.Select(s => s.Slice(q, FigureScope.Full, q.RowsThroughPage)).ToList(), q)));
        }
        if (!drawn) return result;
        var seeded = Compact(whole, seeded: true);
        foreach (var (label, query) in new[] { ("team", Team), ("search", Search) })
            result.Add(await TimeAsync("compact rows, names drawn", label, query, q => RecordList.Merge(seeded.Select(s => s.Slice(q, FigureScope.Full, q.RowsThroughPage)).ToList(), q)));
        return result;
    }

    static async Task<Timing> TimeAsync(string rows, string label, RecordQuery query, Func<RecordQuery, RecordPage> page)
    {
        // The rows just built are collected first (a full blocking, compacting collection), so no collection left over from
        // building a million rows runs during the timed queries (in a silo the shards' rows are old and settled).
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        var total = 0;
        var cpu = new List<double>();
        var ms = await Measure.MedianAsync(_ =>
        {
            var start = Measure.Cpu();
            var watch = Stopwatch.StartNew();
            total = page(query).Total;
            cpu.Add((Measure.Cpu() - start).TotalMilliseconds);
            return Task.FromResult(watch.Elapsed.TotalMilliseconds);
        });
        cpu.Sort();
        return new Timing(rows, label, ms, cpu[cpu.Count / 2], total);
    }

    /// <summary>The rows as shards keep them: compact; <paramref name="seeded"/>: unnamed with a name seed each (names drawn when read).</summary>
    static CompactRecords[] Compact(List<CustomerRecord>[] shards, bool seeded) => shards.Select(rows =>
    {
        var kept = new CompactRecords { Locale = PersonaNames.EnglishLocale };
        foreach (var row in rows) kept.Keep(seeded ? row with { Name = "", Company = "", NameSeed = (ulong)Prng.StableHash(row.JourneyId) } : row);
        return kept;
    }).ToArray();

    /// <summary>
    /// Seeded rows: 3 regions × 4 teams × 10 reps; 55 % leads, 30 % deals (two thirds open), 15 % customers; names from
    /// <see cref="Faces"/> Bogus faces (drawing a million takes minutes and measures Bogus, not the list).
    /// </summary>
    static List<CustomerRecord>[] Build(int journeys)
    {
        var faces = Enumerable.Range(0, Faces).Select(i => PersonaNames.For((ulong)i + 1)).ToArray();
        var shards = Enumerable.Range(0, Shards).Select(_ => new List<CustomerRecord>(journeys / Shards + 1)).ToArray();
        var rng = new Prng(21);
        var t0 = new DateTimeOffset(2026, 1, 5, 0, 0, 0, TimeSpan.Zero);
        for (var i = 0; i < journeys; i++)
        {
            var (r, t, p) = (1 + rng.Next(3), 1 + rng.Next(4), 1 + rng.Next(10));
            var kind = rng.Uniform(0, 1);
            var deal = kind >= 0.55;
            var customer = kind >= 0.85;
            var status = customer ? JourneyStatus.Customer : deal ? (rng.Chance(2.0 / 3) ? JourneyStatus.Prospect : JourneyStatus.Lost)
                : rng.Chance(0.7) ? JourneyStatus.Prospect : JourneyStatus.Disqualified;
            var created = t0.AddDays(rng.Uniform(0, 365));
            var face = faces[i % Faces];
            var id = $"j-{i:D7}";
            shards[Prng.StableHash(id) % Shards].Add(new CustomerRecord
            {
                JourneyId = id, Name = face.Contact, Company = face.Company, Status = status,
                Stage = customer ? FunnelStage.Payment : deal ? FunnelStage.Opportunity : FunnelStage.Lead,
                Step = deal ? (ConversationStep)rng.Next(6) : null, RegionId = $"region-{r}", TeamId = $"team-{r}-{t}", RepId = $"rep-{r}-{t}-{p}",
                Channel = (Channel)rng.Next(6), CampaignId = $"campaign-{1 + rng.Next(20)}",
                Value = deal ? Math.Round((decimal)rng.LogNormal(20_000, 0.6), 2) : 0, CreatedAt = created,
                OpportunityAt = deal ? created.AddDays(rng.Uniform(1, 30)) : null, LastActivityAt = created.AddDays(rng.Uniform(0, 60)),
            });
        }
        return shards;
    }
}
