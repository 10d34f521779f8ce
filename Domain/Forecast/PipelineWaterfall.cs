using Growth.Domain.Journeys;
using Growth.Domain.Setup;

namespace Growth.Domain.Forecast;

/// <summary>
/// How the period's open pipeline (open deals expected to close before the period ends) moved between two instants, by
/// value: Start + New + PulledIn + Grown − Shrunk − Won − Lost − SlippedOut = End, exactly (every flow is a sum of the
/// same deals' amounts). A deal in both pipelines moves by its change of amount (grown or shrunk); one that left first
/// moves to its amount at the end, then leaves as won, lost (lost, disqualified or gone) or slipped out (still open,
/// expected after the period). One that came in is new, or pulled in when it was already open then but expected after
/// the period.
/// </summary>
public sealed record PipelineWaterfall(string Period, DateTimeOffset From, DateTimeOffset To, decimal Start, decimal New, decimal PulledIn,
    decimal Grown, decimal Shrunk, decimal Won, decimal Lost, decimal SlippedOut, decimal End, int StartDeals, int EndDeals)
{
    /// <summary>The flows from <paramref name="before"/> (deals as judged at <paramref name="from"/>) to <paramref name="after"/> (at <paramref name="to"/>) for <paramref name="period"/>.</summary>
    public static PipelineWaterfall Between(IEnumerable<Deal> before, IEnumerable<Deal> after, FiscalPeriod period, DateTimeOffset from, DateTimeOffset to)
    {
        bool InPipeline(Deal d) => d.IsOpen && d.ExpectedCloseAt < period.End;
        var then = before.GroupBy(d => d.JourneyId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var now = after.GroupBy(d => d.JourneyId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        decimal start = 0, added = 0, pulledIn = 0, grown = 0, shrunk = 0, won = 0, lost = 0, slipped = 0, end = 0;
        int startDeals = 0, endDeals = 0;
        var moves = new List<WaterfallMove>();
        decimal Move(Deal d, WaterfallFlow flow, decimal amount)
        {
            moves.Add(new WaterfallMove(d.JourneyId, d.Name, d.Company, d.RepId, flow, amount));
            return amount;
        }
        void Change(Deal d, decimal delta)
        {
            if (delta > 0) grown += Move(d, WaterfallFlow.Grown, delta);
            else if (delta < 0) shrunk += Move(d, WaterfallFlow.Shrunk, -delta);
        }
        foreach (var (id, b) in then)
        {
            if (!InPipeline(b)) continue;
            start += Move(b, WaterfallFlow.Start, b.Amount);
            startDeals++;
            if (!now.TryGetValue(id, out var a)) { lost += Move(b, WaterfallFlow.Lost, b.Amount); continue; }
            Change(a, a.Amount - b.Amount);
            if (InPipeline(a)) continue;
            if (a.IsWon) won += Move(a, WaterfallFlow.Won, a.Amount);
            else if (a.IsOpen) slipped += Move(a, WaterfallFlow.SlippedOut, a.Amount);
            else lost += Move(a, WaterfallFlow.Lost, a.Amount);
        }
        foreach (var (id, a) in now)
        {
            if (!InPipeline(a)) continue;
            end += Move(a, WaterfallFlow.End, a.Amount);
            endDeals++;
            if (then.TryGetValue(id, out var b) && InPipeline(b)) continue;
            if (b is { IsOpen: true }) pulledIn += Move(a, WaterfallFlow.PulledIn, a.Amount);
            else added += Move(a, WaterfallFlow.New, a.Amount);
        }
        return new PipelineWaterfall(period.Name, from, to, start, added, pulledIn, grown, shrunk, won, lost, slipped, end, startDeals, endDeals)
        {
            Moves = moves,
        };
    }

    /// <summary>
    /// The deals behind each bar and what each put into it: the bar's value is the sum of its moves' amounts, exactly
    /// (<see cref="Behind"/>). Start and End list the deals in the pipeline then and now.
    /// </summary>
    public IReadOnlyList<WaterfallMove> Moves { get; init; } = [];

    /// <summary>The deals behind <paramref name="flow"/>'s bar, largest first (ties by journey id).</summary>
    public IReadOnlyList<WaterfallMove> Behind(WaterfallFlow flow) =>
        [.. Moves.Where(m => m.Flow == flow).OrderByDescending(m => m.Amount).ThenBy(m => m.JourneyId, StringComparer.Ordinal)];

    /// <summary>The value of <paramref name="flow"/>'s bar (a flow down as a positive amount).</summary>
    public decimal Of(WaterfallFlow flow) => flow switch
    {
        WaterfallFlow.Start => Start, WaterfallFlow.New => New, WaterfallFlow.PulledIn => PulledIn, WaterfallFlow.Grown => Grown,
        WaterfallFlow.Shrunk => Shrunk, WaterfallFlow.Won => Won, WaterfallFlow.Lost => Lost, WaterfallFlow.SlippedOut => SlippedOut,
        _ => End,
    };

    /// <summary>Start plus every flow: equals <see cref="End"/> by construction (the test holds it to that).</summary>
    public decimal StartPlusFlows => Start + New + PulledIn + Grown - Shrunk - Won - Lost - SlippedOut;

    /// <summary>
    /// The deal of <paramref name="s"/> as its rep judged it at an earlier instant <paramref name="at"/>, from the
    /// journey's state now: not yet opened → null; closed by then → as now; else open, at its amount and the CRM's
    /// date as they are now (no history of either is kept), judged by <see cref="DealJudgement"/> at <paramref name="at"/>.
    /// </summary>
    public static Deal? JudgeAt(JourneyState s, double optimism, DateTimeOffset at, DealJudgementParameters? parameters = null)
    {
        if (s.OpportunityAt is not { } opened || opened > at) return null;
        if (s.ClosedAt is not { } closed || closed <= at) return DealJudgement.Judge(s, optimism, at, parameters);
        var open = s with
        {
            Status = JourneyStatus.Prospect, Won = false, WonValue = 0, ClosedAt = null,
            StepAt = s.StepAt is { } step && step <= at ? step : null,
        };
        return DealJudgement.Judge(open, optimism, at, parameters);
    }
}

/// <summary>The waterfall's bars, in the chart's order.</summary>
public enum WaterfallFlow { Start, New, PulledIn, Grown, Shrunk, Won, Lost, SlippedOut, End }

/// <summary>One deal's part in one bar of the waterfall: <paramref name="Amount"/> (positive) put into <paramref name="Flow"/>.</summary>
public sealed record WaterfallMove(string JourneyId, string Name, string Company, string? RepId, WaterfallFlow Flow, decimal Amount);
