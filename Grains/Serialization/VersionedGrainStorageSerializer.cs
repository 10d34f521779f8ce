using Orleans.Serialization;
using Orleans.Storage;

namespace Growth.Grains.Serialization;

/// <summary>
/// Grain storage serializer that writes every record as <see cref="StoredFormat.Marker"/>, the version
/// (<see cref="StoredFormat.Current"/>) and the Orleans binary form, and reads every version Growth ever stored:
/// an unmarked record (versions 1 to 3) is read through the same serializer, whose <see cref="LegacyModelNames"/>
/// resolve the model's old type names, and is written back marked the next time its grain writes. A record of a
/// newer version, JSON text, or an unmarked record that does not read is refused with a
/// <see cref="StoredRecordException"/> naming the record's type, its version and what to do; the refusal fails the
/// grain's activation, so the stored record is left as it was (Orleans adds the grain id to the error).
/// </summary>
public sealed class VersionedGrainStorageSerializer(Serializer serializer) : IGrainStorageSerializer
{
    public BinaryData Serialize<T>(T? input)
    {
        var payload = serializer.SerializeToArray(input);
        var bytes = new byte[StoredFormat.HeaderLength + payload.Length];
        StoredFormat.Marker.CopyTo(bytes);
        bytes[StoredFormat.Marker.Length] = StoredFormat.Current;
        payload.CopyTo(bytes.AsSpan(StoredFormat.HeaderLength));
        return new BinaryData(bytes);
    }

    public T? Deserialize<T>(BinaryData input)
    {
        var data = input.ToMemory();
        var version = StoredFormat.VersionOf(data.Span);
        var record = typeof(T).Name;
        if (version == StoredFormat.Current) return serializer.Deserialize<T>(data[StoredFormat.HeaderLength..]);
        if (version > StoredFormat.Current)
            throw new StoredRecordException(
                $"Stored {record} record is schema version {version}, written by a newer Growth build; this build reads versions 1 to {StoredFormat.Current}. {StoredFormat.Remedy}");
        if (version > 0)
            throw new StoredRecordException(
                $"Stored {record} record is marked schema version {version}, which no Growth build wrote (marked records start at {StoredFormat.Current}). {StoredFormat.Remedy}");
        if (LooksLikeJson(data.Span))
            throw new StoredRecordException(
                $"Stored {record} record is JSON text, which no Growth build wrote to grain storage (versions 1 to {StoredFormat.LastUnmarked} are Orleans binary): " +
                $"the table may be shared with another application or written by hand. {StoredFormat.Remedy}");
        try
        {
            return serializer.Deserialize<T>(data);
        }
        catch (Exception e)
        {
            throw new StoredRecordException(
                $"Stored {record} record has no version marker, so an earlier build wrote it (versions 1 to {StoredFormat.LastUnmarked}, 28 Nov to 2 Dec 2026), " +
                $"but it does not read as any of them: {e.Message} {StoredFormat.Remedy}", e);
        }
    }

    // An Orleans binary record starts with the header of field 0, whose low three bits are 0; '{' (0x7B) and '['
    // (0x5B) have 3 there. (No whitespace skipping: 0x20 is the usual first byte of a binary record.)
    static bool LooksLikeJson(ReadOnlySpan<byte> data) => data.Length > 0 && data[0] is (byte)'{' or (byte)'[';
}
