using System.Numerics;

namespace Growth.Domain.Records;

/// <summary>
/// A compact row's thirteen dates, only those set (<c>dateMask</c>: one bit per date in the order of <see cref="Date"/>),
/// in that order in one array: whole seconds since 1970 (<c>uint[]</c>, 4 bytes a date) when every date set is a whole UTC
/// second from 1970 to 2106, as data from a CRM and the existing customers' dates are, else UTC ticks (<c>long[]</c>, 8
/// bytes a date), as the simulation's dates drawn to the tick are. Either form reads back the exact instant. A row of
/// two dates keeps 2 + 8 + 32 bytes of them, not the 104 of thirteen ticks (issue 22: memory per dormant customer).
/// </summary>
public sealed partial class CompactRecord
{
    enum Date { Created, Opportunity, ExpectedClose, Closed, LastActivity, DealStep, Assigned, FirstContact, OverdueSince, Qualified, FollowUp, Order, Paid, Count }

    const long UnixEpochTicks = 621_355_968_000_000_000; // DateTimeOffset.UnixEpoch.UtcTicks
    const long LastSecondTicks = UnixEpochTicks + uint.MaxValue * TimeSpan.TicksPerSecond;

    ushort dateMask;
    // null (no date set), uint[] (whole seconds since 1970) or long[] (UTC ticks): the dates set, in the order of Date.
    object? dates;

    /// <summary>Keeps the dates of <paramref name="ticks"/> (UTC ticks, 0: none), one per <see cref="Date"/>.</summary>
    void KeepDates(ReadOnlySpan<long> ticks)
    {
        var (mask, count, seconds) = (0, 0, true);
        for (var i = 0; i < ticks.Length; i++)
        {
            if (ticks[i] == 0) continue;
            mask |= 1 << i;
            count++;
            seconds &= ticks[i] % TimeSpan.TicksPerSecond == 0 && ticks[i] is >= UnixEpochTicks and <= LastSecondTicks;
        }
        dateMask = (ushort)mask;
        if (count == 0) dates = null;
        else if (seconds)
        {
            var kept = new uint[count];
            for (int i = 0, at = 0; i < ticks.Length; i++)
                if (ticks[i] != 0) kept[at++] = (uint)((ticks[i] - UnixEpochTicks) / TimeSpan.TicksPerSecond);
            dates = kept;
        }
        else
        {
            var kept = new long[count];
            for (int i = 0, at = 0; i < ticks.Length; i++)
                if (ticks[i] != 0) kept[at++] = ticks[i];
            dates = kept;
        }
    }

    bool Has(Date d) => (dateMask & (1 << (int)d)) != 0;

    /// <summary>The date's UTC ticks, 0 when not set.</summary>
    long Ticks(Date d)
    {
        var bit = 1 << (int)d;
        if ((dateMask & bit) == 0) return 0;
        var at = BitOperations.PopCount((uint)(dateMask & (bit - 1)));
        return dates is uint[] seconds ? UnixEpochTicks + seconds[at] * TimeSpan.TicksPerSecond : ((long[])dates!)[at];
    }

    DateTimeOffset? At(Date d) => At(Ticks(d));
}
