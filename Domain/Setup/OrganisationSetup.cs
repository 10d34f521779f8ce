using Growth.Domain.Organisations;

namespace Growth.Domain.Setup;

/// <summary>Regions, their teams and the teams' reps.</summary>
public sealed record OrganisationSetup
{
    public IReadOnlyList<RegionSetup> Regions { get; init; } = [];
}

public sealed record RegionSetup
{
    public string Id { get; init; } = "";
    public string Name { get; init; } = "";
    public IReadOnlyList<TeamSetup> Teams { get; init; } = [];
}

public sealed record TeamSetup
{
    public string Id { get; init; } = "";
    public string Name { get; init; } = "";
    /// <summary>The team leader's name.</summary>
    public string Leader { get; init; } = "";
    /// <summary>How the team hands incoming leads to its reps.</summary>
    public AssignmentRule Assignment { get; init; } = AssignmentRule.LeastLoaded;
    public IReadOnlyList<RepSetup> Reps { get; init; } = [];
}

public sealed record RepSetup
{
    public string Id { get; init; } = "";
    public string Name { get; init; } = "";
    /// <summary>
    /// The rep's role (an id such as <c>ae</c>, <c>sdr</c> or <c>key-account</c>), which pay plans may apply to
    /// (<see cref="PlanScopeSetup.Roles"/>); null: none. Left out of written setups when null.
    /// </summary>
    public string? Role { get; init; }
    /// <summary>When the rep joined; a rep hired recently is still ramping up. Null: fully ramped.</summary>
    public DateOnly? HireDate { get; init; }
    /// <summary>Open leads and opportunities the rep can carry without slowing down.</summary>
    public int Capacity { get; init; } = 40;
    public SkillsSetup Skills { get; init; } = new();
    /// <summary>Incentive level 0..1 the rep's pay plan gives (drives effort).</summary>
    public double Incentive { get; init; } = 0.5;
    /// <summary>How hopeful the rep's forecast is, −1 (cautious) .. 1 (optimistic); 0 neutral (default; assumed). Left out of written setups when 0.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingDefault)]
    public double Optimism { get; init; }
    /// <summary>Revenue quota per fiscal quarter, in the company currency.</summary>
    public decimal Quota { get; init; }
    public TerritorySetup Territory { get; init; } = new();
}

/// <summary>A rep's skill per conversation step, each 0..1 (0.5 is an average rep).</summary>
public sealed record SkillsSetup
{
    public double Opening { get; init; } = 0.5;
    public double Rapport { get; init; } = 0.5;
    public double Topic { get; init; } = 0.5;
    public double TrialClose { get; init; } = 0.5;
    public double ObjectionHandling { get; init; } = 0.5;
    public double Close { get; init; } = 0.5;

    /// <summary>Skills indexed by <see cref="Journeys.ConversationStep"/>.</summary>
    public double[] ToArray() => [Opening, Rapport, Topic, TrialClose, ObjectionHandling, Close];

    public static SkillsSetup From(IReadOnlyList<double> s) => new()
    {
        Opening = s[0], Rapport = s[1], Topic = s[2], TrialClose = s[3], ObjectionHandling = s[4], Close = s[5],
    };
}

/// <summary>What a rep covers; empty lists mean no restriction.</summary>
public sealed record TerritorySetup
{
    public IReadOnlyList<string> Segments { get; init; } = [];
    public IReadOnlyList<string> Regions { get; init; } = [];
    public IReadOnlyList<string> ProductLines { get; init; } = [];
}
