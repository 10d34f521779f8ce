namespace Growth.Domain.Forecast;

/// <summary>
/// P(win | step, age) learned from the workspace's own closed deals. A cell (level L, age bucket from A days) counts
/// the closed deals that passed at least L steps and stayed open at least A days (they were once where an open deal at
/// L aged A is now), and its win rate is won ÷ closed among them. A cell with fewer than
/// <see cref="MinDealsPerCell"/> deals takes the overall win rate instead.
/// </summary>
/// <remarks>Approximation: a closed deal's furthest step and its total age are used together, since step timings
/// of the past are not kept.</remarks>
public sealed class WinModel
{
    /// <summary>Closed deals a cell needs before its own rate is used. Default 20 (assumed).</summary>
    public const int MinDealsPerCell = 20;
    /// <summary>Age buckets' first days: 0–14, 15–30, 31–60, 61+ days since opening (assumed).</summary>
    public static readonly int[] AgeBucketStarts = [0, 15, 31, 61];
    /// <summary>Levels 0 (opened) .. 6 (Close passed).</summary>
    public const int Levels = 7;

    readonly int[,] won = new int[Levels, AgeBucketStarts.Length];
    readonly int[,] total = new int[Levels, AgeBucketStarts.Length];

    /// <summary>Won ÷ closed over every closed deal; 0 when none closed.</summary>
    public double OverallWinRate { get; }
    public int ClosedDeals { get; }

    WinModel(IEnumerable<Deal> closed)
    {
        int wins = 0, all = 0;
        foreach (var d in closed)
        {
            all++;
            if (d.IsWon) wins++;
            for (var level = 0; level <= Math.Min(d.Level, Levels - 1); level++)
                for (var b = 0; b < AgeBucketStarts.Length && d.AgeDays >= AgeBucketStarts[b]; b++)
                {
                    total[level, b]++;
                    if (d.IsWon) won[level, b]++;
                }
        }
        ClosedDeals = all;
        OverallWinRate = all == 0 ? 0 : (double)wins / all;
    }

    /// <summary>Learns from the closed deals among <paramref name="deals"/> (open ones are ignored).</summary>
    public static WinModel Learn(IEnumerable<Deal> deals) => new(deals.Where(d => d.IsClosed));

    /// <summary>The age bucket an age in days falls in.</summary>
    public static int BucketOf(double ageDays)
    {
        var b = 0;
        while (b + 1 < AgeBucketStarts.Length && ageDays >= AgeBucketStarts[b + 1]) b++;
        return b;
    }

    /// <summary>Closed deals behind the cell of <paramref name="level"/> and <paramref name="ageDays"/>.</summary>
    public int DealsIn(int level, double ageDays) => total[Math.Clamp(level, 0, Levels - 1), BucketOf(ageDays)];

    /// <summary>P(win) for an open deal at <paramref name="level"/>, <paramref name="ageDays"/> old.</summary>
    public double Probability(int level, double ageDays)
    {
        int l = Math.Clamp(level, 0, Levels - 1), b = BucketOf(ageDays);
        return total[l, b] >= MinDealsPerCell ? (double)won[l, b] / total[l, b] : OverallWinRate;
    }
}
