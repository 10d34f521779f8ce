namespace Growth.Domain.Import;

/// <summary>Where an agent's deals count: their rep, team and region ids (the team and region may be unknown).</summary>
internal sealed record RepPlacement(string RepId, string? TeamId, string? RegionId);
