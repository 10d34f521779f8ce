using Growth.Domain.Forecast;
using Growth.Domain.Journeys;

namespace Growth.Domain.Tests.Forecast;

/// <summary>Hand-built journeys and deals for the forecast tests.</summary>
static class ForecastTestData
{
    /// <summary>Reps a and b are in team t1, c in t2 (region-1), d in t3 (region-2); anyone else in team-{rep}.</summary>
    public static string TeamOf(string rep) => rep switch { "a" or "b" => "t1", "c" => "t2", "d" => "t3", _ => "team-" + rep };
    public static string RegionOf(string rep) => rep == "d" ? "region-2" : "region-1";

    public static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>An open opportunity of <paramref name="rep"/> opened at <paramref name="opened"/>, <paramref name="step"/> passed.</summary>
    public static JourneyState Open(string id, string rep, decimal value, DateTimeOffset opened, ConversationStep? step = null, DateTimeOffset? stepAt = null) => new()
    {
        Id = id, Status = JourneyStatus.Prospect, RepId = rep, TeamId = TeamOf(rep), RegionId = RegionOf(rep),
        QualifiedAt = opened, OpportunityAt = opened, OpportunityValue = value, LastStep = step, StepAt = stepAt ?? opened,
    };

    public static Deal Closed(string id, string rep, bool won, int level, double ageDays, decimal amount = 1000, DateTimeOffset? closedAt = null)
    {
        var at = closedAt ?? T0.AddDays(ageDays);
        return new Deal(id, rep, TeamOf(rep), RegionOf(rep), amount, level == 0 ? null : (ConversationStep)(level - 1), level,
            at.AddDays(-ageDays), ageDays, 0, at, 0, won ? ForecastCategory.Closed : ForecastCategory.Omitted, at);
    }

    public static Deal OpenDeal(string id, string rep, decimal amount, ForecastCategory category, DateTimeOffset expected, int level = 2, double age = 5) =>
        new(id, rep, TeamOf(rep), RegionOf(rep), amount, (ConversationStep)(level - 1), level, T0, age, 1, expected, 0, category, null);
}
