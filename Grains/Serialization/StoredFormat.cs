namespace Growth.Grains.Serialization;

/// <summary>
/// The versions of a stored grain record (Azure Table grain storage, and in-memory storage, which uses the same
/// serializer). Every record written since version 4 starts with <see cref="Marker"/> and its version; records
/// without it were written by an earlier build, and all of them were Orleans' binary format
/// (<c>OrleansGrainStorageSerializer</c>) with the model's types inside as JSON or, later, Orleans surrogates.
/// Found in git history (<c>git log -S OrleansGrainStorageSerializer</c>, <c>-S isSupported</c>):
/// <list type="bullet">
/// <item>1 (f7b27b1, 28 Nov 17:40 UTC): binary; every model type, journeys included, as JSON named by its type in
/// <c>Growth.Grains.Model</c> of assembly <c>Growth.Grains</c>.</item>
/// <item>2 (46d92c6, 28 Nov 19:39): journey state, plan, events and invoices as Orleans surrogates; the other model
/// types still JSON under the <c>Growth.Grains.Model</c> names.</item>
/// <item>3 (80a210f, 1 Dec 13:59): the model moved to assembly <c>Growth.Domain</c>; its JSON carries the new names,
/// so versions 1 and 2 stopped reading (the fault in issue 21).</item>
/// <item>4 (this build): version 3's bytes behind the marker.</item>
/// </list>
/// Grain storage never held JSON text: Orleans' Newtonsoft JSON storage serializer was only ever used by in-memory
/// storage (until 46d92c6), which keeps nothing across a restart.
/// </summary>
public static class StoredFormat
{
    /// <summary>The version this build writes.</summary>
    public const int Current = 4;

    /// <summary>The newest unmarked version; an unmarked record is one of 1 to this.</summary>
    public const int LastUnmarked = 3;

    /// <summary>
    /// First bytes of a marked record, followed by one version byte. 0xFF starts neither an Orleans binary record (it is
    /// an extended, end-of-object tag; a record starts with a field header) nor JSON text (not a UTF-8 lead byte).
    /// </summary>
    public static ReadOnlySpan<byte> Marker => [0xFF, (byte)'G', (byte)'R', (byte)'W'];

    /// <summary>Marker plus the version byte.</summary>
    public const int HeaderLength = 5;

    /// <summary>What an operator does with a record this build cannot read.</summary>
    public const string Remedy =
        "Nothing was changed in storage. Run the Growth release that wrote it (or a later one) against this storage, " +
        "or point this one at new, empty storage (Storage:ConnectionString); see README, \"Stored data and its versions\".";

    /// <summary>The version of a stored record: its marker's, or 0 for an unmarked record (versions 1 to 3).</summary>
    public static int VersionOf(ReadOnlySpan<byte> data) =>
        data.Length >= HeaderLength && data[..Marker.Length].SequenceEqual(Marker) ? data[Marker.Length] : 0;
}

/// <summary>A stored record this build cannot read; the message says which, in which version, and what to do.</summary>
public sealed class StoredRecordException(string message, Exception? inner = null) : Exception(message, inner);
