namespace Growth.Domain.Records;

/// <summary>
/// The id strings a shard's record rows share (regions, teams, reps, campaigns, pool reasons), each kept once and
/// named by a 16-bit index (0: none). One table per shard activation (<see cref="CompactRecords"/>): a row of a region,
/// team and rep costs three indexes, not three strings.
/// </summary>
public sealed class RecordStrings
{
    readonly List<string> strings = [""];
    readonly Dictionary<string, ushort> indexes = new(StringComparer.Ordinal);

    /// <summary>The index of <paramref name="value"/> (0 for null), adding it; false when the table is full (65,535 strings).</summary>
    public bool TryIndex(string? value, out ushort index)
    {
        index = 0;
        if (value is null) return true;
        if (indexes.TryGetValue(value, out index)) return true;
        if (strings.Count > ushort.MaxValue) return false;
        index = (ushort)strings.Count;
        strings.Add(value);
        indexes[value] = index;
        return true;
    }

    /// <summary>The index <paramref name="value"/> has, without adding it (false: not in the table, so no row holds it).</summary>
    public bool TryFind(string value, out ushort index) => indexes.TryGetValue(value, out index);

    /// <summary>The string of <paramref name="index"/> (null for 0).</summary>
    public string? At(ushort index) => index == 0 ? null : strings[index];

    public int Count => strings.Count - 1;
}
