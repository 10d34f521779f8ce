using System.Diagnostics;
using Growth.Domain.Figures;
using Growth.Domain.Journeys;
using Growth.Domain.Randomness;
using Growth.Domain.Records;
using Growth.Grains.Journeys;
using Growth.Grains.Workspaces;

namespace Growth.Benchmarks;

/// <summary>
/// The journeys scenario's work without Orleans: the same leads (<see cref="SiloScenarios.Starts"/>), the same planner
/// (<see cref="Grains.Simulation.ParametersRef.Planner"/>, as the journey grain calls it) and the same 60 simulated days, driven
/// by a plain loop over arrays, one partition per shard on the thread pool. With <c>bookkeeping</c> each advance that
/// made events also does what the journey grain and its shard do besides the planner, through the same Domain calls:
/// the figure deltas (<see cref="TallyDelta.Between"/>) summed per group, the deal outcome, the bounded recent history
/// and the record row. What is left between this and the journeys row is Orleans: the grain call, activation and
/// dormancy, messaging, and the shard's scheduling through grains.
/// </summary>
public static class PlainLoopScenario
{
    /// <summary>Events per second, CPU per event and the events of one run (the same in every run: the planner is seeded).</summary>
    public sealed record Result(double EventsPerSecond, double CpuMicrosPerEvent, long Events);

    /// <summary>
    /// The rows: the planner alone, then with the grain's and shard's bookkeeping, against the journeys row measured in the
    /// same run (<paramref name="grainRate"/>, <paramref name="grainCpu"/>): how much of each journey event is Orleans and how much the model.
    /// </summary>
    public static async Task<List<Row>> RowsAsync(int journeys, double grainRate, double grainCpu, long grainEvents, double floor)
    {
        var planner = await PlainLoopScenario.RunAsync(journeys, bookkeeping: false);
        var model = await PlainLoopScenario.RunAsync(journeys, bookkeeping: true);
        Console.WriteLine($"  plain loop ({journeys:N0} journeys, {SiloScenarios.Days} days): planner {planner.EventsPerSecond:N0} events/s, {planner.CpuMicrosPerEvent:N2} µs CPU/event; " +
            $"with bookkeeping {model.EventsPerSecond:N0} events/s, {model.CpuMicrosPerEvent:N2} µs; grains {grainRate:N0} events/s, {grainCpu:N2} µs; " +
            $"events {model.Events:N0} (grains {grainEvents:N0}); load {Measure.Load()}");
        return
        [
            new("plain-loop", $"events/s, planner alone, no grains ({journeys:N0})", planner.EventsPerSecond, "events/s", "machine limit", null),
            new("plain-loop", "CPU time per event, planner alone", planner.CpuMicrosPerEvent, "µs", "", null),
            new("plain-loop", "events/s, planner + grain's bookkeeping (model)", model.EventsPerSecond, "events/s", "", null),
            new("plain-loop", "CPU time per event, the model", model.CpuMicrosPerEvent, "µs", "", null),
            new("plain-loop", "events in one run (the grains' run made)", model.Events, "events", $"= {grainEvents:N0}", model.Events == grainEvents && planner.Events == grainEvents),
            new("plain-loop", "model loop / floor, events/s", model.EventsPerSecond / floor, "x", "", null),
            new("plain-loop", "grains / model loop, events/s", grainRate / model.EventsPerSecond, "x", "", null),
            new("plain-loop", "model's share of a grain event's CPU", model.CpuMicrosPerEvent / grainCpu * 100, "%", "", null),
            new("plain-loop", "  of which the planner alone", planner.CpuMicrosPerEvent / grainCpu * 100, "%", "", null),
            new("plain-loop", "the rest: Orleans (calls, activations, GC)", (1 - model.CpuMicrosPerEvent / grainCpu) * 100, "%", "", null),
        ];
    }

    public static async Task<Result> RunAsync(int journeys, bool bookkeeping)
    {
        var starts = SiloScenarios.Starts(journeys);
        var cpuPerEvent = new List<double>();
        long lastEvents = 0;
        var rate = await Measure.MedianAsync(run =>
        {
            // Started outside the clock, as the journeys row starts its grains before timing.
            var partitions = starts.GroupBy(s => Keys.ShardOf(s.JourneyId)).Select(g => new Partition(g.ToList(), bookkeeping)).ToArray();
            var cpu = Measure.Cpu();
            var watch = Stopwatch.StartNew();
            long events = 0;
            for (var day = 1; day <= SiloScenarios.Days; day++)
            {
                var until = SiloScenarios.T0.AddDays(day);
                Parallel.ForEach(partitions, p => p.AdvanceTo(until));
            }
            var seconds = watch.Elapsed.TotalSeconds;
            events = partitions.Sum(p => p.Events);
            if (run >= 0) cpuPerEvent.Add((Measure.Cpu() - cpu).TotalMicroseconds / Math.Max(1, events));
            lastEvents = events;
            return Task.FromResult(events / seconds);
        });
        cpuPerEvent.Sort();
        return new Result(rate, cpuPerEvent[cpuPerEvent.Count / 2], lastEvents);
    }

    /// <summary>One shard's journeys as arrays, and its schedule as a priority queue of indexes.</summary>
    sealed class Partition
    {
        readonly JourneyPlanner planner = SiloScenarios.Parameters.Planner();
        readonly string[] ids;
        readonly JourneyState[] states;
        readonly JourneyPlan[] plans;
        readonly List<JourneyEvent>[]? recent;
        readonly CustomerRecord?[]? rows;
        readonly Dictionary<GroupKey, Tally> pending = [];
        readonly Queue<DealOutcome> outcomes = new();
        readonly PriorityQueue<int, DateTimeOffset> due = new();
        readonly bool bookkeeping;
        public long Events { get; private set; }

        public Partition(List<JourneyStart> starts, bool bookkeeping)
        {
            this.bookkeeping = bookkeeping;
            ids = new string[starts.Count];
            states = new JourneyState[starts.Count];
            plans = new JourneyPlan[starts.Count];
            if (bookkeeping) (recent, rows) = (new List<JourneyEvent>[starts.Count], new CustomerRecord?[starts.Count]);
            for (var i = 0; i < starts.Count; i++)
            {
                // As JourneyGrain.StartAsync: start, then everything due up to the start instant.
                var (first, plan) = planner.Start(starts[i]);
                var rest = planner.AdvanceTo(first.State, plan, SiloScenarios.T0);
                (ids[i], states[i], plans[i]) = (starts[i].JourneyId, rest.State, plan);
                if (recent is not null) recent[i] = [.. first.Events, .. rest.Events];
                if (rest.NextDue is { } next) due.Enqueue(i, next);
            }
        }

        public void AdvanceTo(DateTimeOffset until)
        {
            while (due.TryPeek(out var i, out var at) && at <= until)
            {
                due.Dequeue();
                var before = states[i];
                var advance = planner.AdvanceTo(before, plans[i], until);
                if (advance.Events.Count > 0)
                {
                    Events += advance.Events.Count;
                    states[i] = advance.State;
                    if (bookkeeping) Keep(i, before, advance);
                }
                if (advance.NextDue is { } next) due.Enqueue(i, next);
            }
        }

        /// <summary>What JourneyGrain.CommitAsync and the shard's Collect do with an advance, the storage write and the grain calls left out.</summary>
        void Keep(int i, JourneyState before, JourneyAdvance advance)
        {
            foreach (var d in TallyDelta.Between(before, advance.State))
            {
                if (!pending.TryGetValue(d.Key, out var sum)) pending[d.Key] = sum = new Tally();
                sum.Add(d.Change);
            }
            if (DealOutcome.Of(before, advance.State) is { } outcome)
            {
                outcomes.Enqueue(outcome);
                if (outcomes.Count > 200) outcomes.Dequeue();
            }
            var history = recent![i];
            history.AddRange(advance.Events);
            if (history.Count > JourneyGrain.RecentLimit) history.RemoveRange(0, history.Count - JourneyGrain.RecentLimit);
            rows![i] = CustomerRecord.Of(advance.State, Prng.Derive(CustomerRecord.NameSeedBase, ids[i]), false, plans[i].PoolReason);
        }
    }
}
