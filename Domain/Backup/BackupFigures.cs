using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Growth.Domain.Figures;

namespace Growth.Domain.Backup;

/// <summary>The headline figures of one group (or of the whole workspace) as a backup states them.</summary>
public sealed record HeadlineFigures(long Leads, long Won, long Orders, decimal Revenue, decimal Collected)
{
    public static HeadlineFigures Of(Tally t) =>
        new(t[Count.Leads], t[Count.Won], t[Count.Orders], t[Money.Revenue], t[Money.Collected]);
}

/// <summary>
/// A workspace's figures as a backup carries them: the headline figures of the whole workspace and of every region,
/// team, rep and campaign (readable), and a fingerprint of every tally (each count, amount, time sum and overdue day
/// of every group) that a restore recomputes from the restored journeys and compares before it keeps anything.
/// </summary>
public sealed record BackupFigures(
    HeadlineFigures Total,
    SortedDictionary<string, HeadlineFigures> Regions,
    SortedDictionary<string, HeadlineFigures> Teams,
    SortedDictionary<string, HeadlineFigures> Reps,
    SortedDictionary<string, HeadlineFigures> Campaigns,
    string Fingerprint)
{
    public static BackupFigures Of(WorkspaceFigures f) => new(
        HeadlineFigures.Of(f.Total), Groups(f.Regions), Groups(f.Teams), Groups(f.Reps), Groups(f.Campaigns), FingerprintOf(f));

    static SortedDictionary<string, HeadlineFigures> Groups(Dictionary<string, Tally> groups) =>
        new(groups.Where(g => !Empty(g.Value)).ToDictionary(g => g.Key, g => HeadlineFigures.Of(g.Value)), StringComparer.Ordinal);

    /// <summary>
    /// SHA-256 of every non-zero tally in a canonical text (groups by name, amounts without trailing zeros): two
    /// workspaces have the same fingerprint exactly when every figure of every group is the same.
    /// </summary>
    public static string FingerprintOf(WorkspaceFigures f)
    {
        var text = new StringBuilder();
        Append(text, "total", "", f.Total);
        foreach (var (scope, groups) in new[] { ("region", f.Regions), ("team", f.Teams), ("rep", f.Reps), ("campaign", f.Campaigns) })
            foreach (var (id, tally) in groups.OrderBy(g => g.Key, StringComparer.Ordinal))
                if (!Empty(tally)) Append(text, scope, id, tally);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    /// <summary>Nothing counted (an overdue day left at zero by a change counts as nothing too).</summary>
    static bool Empty(Tally t) => Array.TrueForAll(t.Counts, c => c == 0) && Array.TrueForAll(t.Amounts, m => m == 0)
        && Array.TrueForAll(t.Sums, d => d == 0) && t.OverdueByDay.Values.All(v => v == 0);

    static void Append(StringBuilder text, string scope, string id, Tally t)
    {
        text.Append(scope).Append('|').Append(id).Append("|c:").AppendJoin(',', t.Counts)
            .Append("|m:").AppendJoin(',', t.Amounts.Select(Plain))
            .Append("|s:").AppendJoin(',', t.Sums)
            .Append("|o:").AppendJoin(',', t.OverdueByDay.Where(d => d.Value != 0).OrderBy(d => d.Key).Select(d => $"{d.Key}={Plain(d.Value)}"))
            .Append('\n');
    }

    static string Plain(decimal d) => d.ToString("0.############################", CultureInfo.InvariantCulture);

    /// <summary>What differs from <paramref name="other"/>, one line per headline figure, then the fingerprint.</summary>
    public IReadOnlyList<string> DifferencesFrom(BackupFigures other)
    {
        var differences = new List<string>();
        if (Total != other.Total) differences.Add($"total: {Total} here, {other.Total} there");
        foreach (var (scope, mine, theirs) in new[] { ("region", Regions, other.Regions), ("team", Teams, other.Teams), ("rep", Reps, other.Reps), ("campaign", Campaigns, other.Campaigns) })
            foreach (var id in mine.Keys.Union(theirs.Keys).Order(StringComparer.Ordinal))
            {
                var (a, b) = (mine.GetValueOrDefault(id), theirs.GetValueOrDefault(id));
                if (a != b) differences.Add($"{scope} {id}: {a?.ToString() ?? "none"} here, {b?.ToString() ?? "none"} there");
            }
        if (differences.Count == 0 && Fingerprint != other.Fingerprint) differences.Add("the headline figures agree but some other figure differs (fingerprints differ)");
        return differences;
    }
}
