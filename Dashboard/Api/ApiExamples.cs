using Growth.Dashboard.Application.Forecast;
using Growth.Dashboard.Application.Ingestion;
using Growth.Domain.Journeys;

namespace Growth.Dashboard.Api;

/// <summary>Examples shown in the API document; a test checks each against the schema it illustrates.</summary>
public static class ApiExamples
{
    static readonly DateTimeOffset Monday = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    /// <summary>Events of one journey (<c>POST .../journeys/{journeyId}/events</c>: the journey is in the path).</summary>
    public static IReadOnlyList<JourneyEvent> JourneyEvents { get; } =
    [
        new() { Id = "crm-1001:1", Kind = EventKind.LeadCreated, At = Monday, CampaignId = "campaign-1", Channel = Channel.Content },
        new() { Id = "crm-1001:2", Kind = EventKind.LeadAssigned, At = Monday.AddHours(2), RegionId = "region-1", TeamId = "team-1-1", RepId = "rep-1-1-1" },
    ];

    /// <summary>A batch for the ingestion endpoint: each event names its journey.</summary>
    public static IReadOnlyList<JourneyEvent> BatchEvents { get; } =
    [
        .. JourneyEvents.Select(e => e with { JourneyId = "crm-1001" }),
        new() { Id = "crm-1002:7", JourneyId = "crm-1002", Kind = EventKind.Won, At = Monday.AddDays(1), Amount = 48000m },
    ];

    public static IngestionResponse BatchAnswer { get; } = new("live", 3, 0, 0,
    [
        new(0, "crm-1001:1", "crm-1001", "accepted", null),
        new(1, "crm-1001:2", "crm-1001", "accepted", null),
        new(2, "crm-1002:7", "crm-1002", "accepted", null),
    ]);

    /// <summary>The projection's CSV answer (<c>?format=csv</c>): a summary row per run, a blank line, then the weekly timeline.</summary>
    public const string ProjectionCsv =
        "scenario,revenue_mean,revenue_p10,revenue_p50,revenue_p90,target,probability,cash_mean,new_customers_mean,repurchases_mean,incentive_cost_mean,marketing_cost,hire_cost,total_cost,roi,effective_leads,lead_conversion,existing_customers,repurchase_count,average_order_value\n" +
        "baseline,1250000,1010000,1240000,1500000,1300000,0.41,1100000,52.3,18.1,61000,90000,0,151000,,640,0.082,200,18.1,21500\n" +
        "\n" +
        "scenario,week,week_start,cumulative_revenue_p10,cumulative_revenue_p50,cumulative_revenue_p90,cumulative_revenue_mean,cumulative_target\n" +
        "baseline,1,2026-03-02,60000,81000,104000,82000,100000\n";

    /// <summary>The forecast's open deals as CSV.</summary>
    public static string DealsCsvAnswer { get; } =
        DealsCsv.Header + "\r\n" + "crm-1002,/customer?workspace=live&journey=crm-1002,Grace Hopper,Cobol Ltd,Ada Lovelace,rep-1-1-1,Team North,North,48000,Proposal,12,2026-03-31,1,Commit\r\n";

    /// <summary>A record list as CSV: one deal.</summary>
    public static string RecordsCsvAnswer { get; } =
        Growth.Dashboard.Application.Records.RecordsCsv.Header + "\r\n" + "j-000042,/customer/j-000042?workspace=demo,Ada Lovelace,Lovelace Ltd,Prospect,Opportunity,Topic,Sam Reed,rep-1-1-1,team-1-1,region-1,Ads,campaign-1,48000,,2026-02-02,2026-03-01,,,2026-03-09,A\r\n";

    /// <summary>The lead pool's lists as CSV: one lead waiting in the pool.</summary>
    public static string PoolCsvAnswer { get; } =
        Growth.Dashboard.Application.Pool.PoolCsv.Header + "\r\n" + "waiting,j-000042,/customer/j-000042?workspace=demo,North,team-1-1,region-1,,Ads,campaign-1,2026-03-09 14:00,1,no first contact by the deadline\r\n";

    /// <summary>Forecast accuracy as CSV: one kept week of a closed quarter.</summary>
    public static string AccuracyCsvAnswer { get; } =
        AccuracyCsv.Header + "\r\n" + "FY2026-Q2,3,2026-04-15T00:00Z,600000,560000,-40000,-0.0667,420000,-180000,-0.3,300000,-300000,-0.5,610000,10000,0.0167\r\n";

    /// <summary>The start of a setup document as YAML.</summary>
    public const string SetupYaml = "company:\n  name: Acme\n  currency: EUR\n";

    /// <summary>The demo's question: 6 % below quota, 10 % above, capped at 200 %, and 2,000 per deal of product X.</summary>
    public static Growth.Domain.Setup.CompensationPlanSetup AcceleratedPlan { get; } = new()
    {
        Id = "accelerated", Name = "6 % / 10 % above quota, cap 200 %, spiff on X",
        Tiers = [new() { From = 0, To = 1, Rate = 0.06 }, new() { From = 1, Rate = 0.10 }], Cap = 2,
        Spiffs = [new() { Product = "x", Amount = 2000 }],
    };
}
