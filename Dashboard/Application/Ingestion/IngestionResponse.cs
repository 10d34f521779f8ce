namespace Growth.Dashboard.Application.Ingestion;

/// <summary>The result of one event of the batch.</summary>
/// <param name="Index">Position in the batch, from 0.</param>
/// <param name="Result">accepted, duplicate, conflict (the id was applied with different content) or rejected.</param>
/// <param name="Reason">Why it was rejected; null otherwise.</param>
public sealed record EventResultRow(int Index, string? Id, string? JourneyId, string Result, string? Reason);

/// <summary>The response to a batch: counts, and one result per event in the order sent.</summary>
/// <param name="Conflicts">Events whose id was already applied with different content: nothing changed.</param>
public sealed record IngestionResponse(string Workspace, int Accepted, int Duplicates, int Rejected, IReadOnlyList<EventResultRow> Results, int Conflicts = 0);
