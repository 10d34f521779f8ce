namespace Growth.Dashboard.Application.Ingestion;

/// <summary>The result of one event of the batch.</summary>
/// <param name="Index">Position in the batch, from 0.</param>
/// <param name="Result">accepted, duplicate or rejected.</param>
/// <param name="Reason">Why it was rejected; null otherwise.</param>
public sealed record EventResultRow(int Index, string? Id, string? JourneyId, string Result, string? Reason);

/// <summary>The response to a batch: counts, and one result per event in the order sent.</summary>
public sealed record IngestionResponse(string Workspace, int Accepted, int Duplicates, int Rejected, IReadOnlyList<EventResultRow> Results);
