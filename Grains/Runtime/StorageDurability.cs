
namespace Growth.Grains.Runtime;

/// <summary>
/// Whether grain storage outlives the process (table storage) or not (in memory). Grains skip writes that
/// in-memory storage would only copy, and keep the ones durability needs.
/// </summary>
public sealed record StorageDurability(bool Durable);
