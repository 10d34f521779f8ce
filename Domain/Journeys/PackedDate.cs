namespace Growth.Domain.Journeys;

/// <summary>
/// A date kept in two fields instead of a <see cref="DateTimeOffset"/>? (24 bytes with its padding and flag): the clock
/// ticks plus one in a long (0: none) and the offset in whole minutes in a short. The runtime packs a class's shorts
/// together, so a date costs 10 bytes, and it reads back exactly (the same instant and the same offset).
/// The journey's state, plan and events keep their dates this way: an activated journey holds dozens of them.
/// </summary>
internal static class PackedDate
{
    public static DateTimeOffset? Read(long ticks, short offsetMinutes) =>
        ticks == 0 ? null : new DateTimeOffset(ticks - 1, TimeSpan.FromMinutes(offsetMinutes));

    public static DateTimeOffset ReadRequired(long ticks, short offsetMinutes) =>
        new(ticks == 0 ? 0 : ticks - 1, TimeSpan.FromMinutes(offsetMinutes));

    // DateTimeOffset.MaxValue.Ticks + 1 still fits a long; an offset is whole minutes within ±14 hours.
    public static (long Ticks, short OffsetMinutes) Pack(DateTimeOffset? value) =>
        value is { } v ? (v.Ticks + 1, (short)(v.Offset.Ticks / TimeSpan.TicksPerMinute)) : (0, 0);
}
