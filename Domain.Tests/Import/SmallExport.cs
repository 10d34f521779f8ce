using Growth.Domain.Import;
using Growth.Domain.Journeys;

namespace Growth.Domain.Tests.Import;

/// <summary>Small exports in the Maven layout, written inline, for the import's handling of messy input.</summary>
internal static class SmallExport
{
    public const string PipelineHeader = "opportunity_id,sales_agent,product,account,deal_stage,engage_date,close_date,close_value";

    public const string Teams = """
        sales_agent,manager,regional_office
        Anna Snelling,Dustin Brinkmann,Central
        Violet Mclelland,Cara Losch,East
        """;

    public const string Products = """
        product,series,sales_price
        GTX Basic,GTX,550
        GTX Pro,GTX,4821
        """;

    /// <summary>Imports <paramref name="rows"/> under the Maven pipeline header.</summary>
    public static CrmImportResult ImportRows(params string[] rows) =>
        ImportFiles(string.Join('\n', [PipelineHeader, .. rows]));

    public static CrmImportResult ImportFiles(string pipeline, string teams = Teams, string products = Products) =>
        CrmImport.Read(
            CrmSource.FromText("sales_pipeline.csv", pipeline),
            CrmSource.FromText("sales_teams.csv", teams),
            CrmSource.FromText("products.csv", products),
            CrmColumnMapping.Maven);

    /// <summary>The journey's final state; fails the test if the transition rules refuse any of its events.</summary>
    public static JourneyState Apply(ImportedJourney journey)
    {
        var applied = JourneyTransitions.ApplyAll(new JourneyState { Id = journey.Id }, journey.Events);
        Assert.True(applied.Accepted, applied.Error);
        return applied.State;
    }

    public static DateTimeOffset Utc(int year, int month, int day) => new(year, month, day, 0, 0, 0, TimeSpan.Zero);
}
