using Growth.Domain.Journeys;
using Growth.Domain.Randomness;

namespace Growth.Domain.Projection;

public static partial class FunnelCalibration
{
    /// <summary>
    /// The lead pool of the funnel sample: a lead its rep sent back (no first contact by the deadline, follow-ups
    /// unanswered) goes to another rep of the same team, picked by the sample's weights (capacity × presence) as the
    /// team's rule spreads leads by load, at the next whole hour (the simulation takes returns up at its next hourly step).
    /// </summary>
    sealed class Pool(IReadOnlyList<SampleRep> reps, ulong seed)
    {
        readonly Prng rng = new(seed);
        readonly Dictionary<string, int[]> byTeam = reps.Select((r, i) => (r.Rep.TeamId, i)).GroupBy(x => x.TeamId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(x => x.i).ToArray(), StringComparer.Ordinal);

        /// <summary>The next whole hour since <paramref name="origin"/> at or after <paramref name="at"/>.</summary>
        public static DateTimeOffset Up(DateTimeOffset at, DateTimeOffset origin) => origin + TimeSpan.FromHours(Math.Ceiling((at - origin).TotalHours));

        /// <summary>A rep of the returning rep's team other than them (them if they are the team's only rep).</summary>
        public RepAssignment Pick(PoolReturn back)
        {
            if (!byTeam.TryGetValue(back.TeamId, out var team)) return reps[0].Rep;
            var others = team.Length > 1 ? team.Where(i => reps[i].Rep.RepId != back.RepId).ToArray() : team;
            if (others.Length == 0) others = team;
            return reps[others[rng.Pick(others.Select(i => reps[i].Weight).ToArray())]].Rep;
        }
    }
}
