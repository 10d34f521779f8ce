using Growth.Domain.Journeys;

namespace Growth.Domain.Import;

/// <summary>
/// One opportunity as a journey: its id (the opportunity id) and its events in the order to apply them.
/// Event ids are "{journey id}:{step}", so re-importing the same row gives the same ids and is idempotent.
/// </summary>
/// <param name="Row">The pipeline row it came from (the header is line 1).</param>
public sealed record ImportedJourney(string Id, int Row, IReadOnlyList<JourneyEvent> Events);
