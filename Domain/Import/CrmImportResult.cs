using Growth.Domain.Organisations;

namespace Growth.Domain.Import;

/// <summary>Everything an import produced: who is who, the price list, the journeys and what was done to the rows.</summary>
public sealed record CrmImportResult(
    Organisation Organisation,
    IReadOnlyList<CrmProduct> Products,
    IReadOnlyList<ImportedJourney> Journeys,
    ImportReport Report)
{
    /// <summary>The leads' origins as this import maps them (a leads export's; none otherwise).</summary>
    public IReadOnlyList<ImportedOrigin> Origins { get; init; } = [];
}
