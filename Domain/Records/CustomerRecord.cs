using Growth.Domain.Journeys;
using Growth.Domain.Simulation;

namespace Growth.Domain.Records;

/// <summary>
/// One journey as the record lists show it: a compact row its shard keeps up to date from the journey's own changes,
/// so a list of leads, deals or customers is read without waking a journey. Name and company: what the CRM's data said
/// (an imported or ingested journey's contact and company, <see cref="JourneyState.ContactName"/>), else the simulated
/// customer's face (<see cref="PersonaNames"/>, from the journey's persona seed, in the workspace's locale), else empty (the
/// list shows the journey id: a journey from real data never gets an invented name); blank once the customer's data is erased.
/// </summary>
public sealed record CustomerRecord
{
    public string JourneyId { get; init; } = "";
    public string Name { get; init; } = "";
    public string Company { get; init; } = "";
    public JourneyStatus Status { get; init; }
    public FunnelStage? Stage { get; init; }
    /// <summary>Furthest conversation step passed (deals); null: opened, no step passed yet.</summary>
    public ConversationStep? Step { get; init; }
    public bool Existing { get; init; }
    public string? RegionId { get; init; }
    public string? TeamId { get; init; }
    public string? RepId { get; init; }
    public Channel? Channel { get; init; }
    public string? CampaignId { get; init; }
    /// <summary>Open deal: its value; won deal: the value won; customer: orders' value; lead: 0.</summary>
    public decimal Value { get; init; }
    public Forecast.ForecastCategory? Category { get; init; }
    public DateTimeOffset? CreatedAt { get; init; }
    public DateTimeOffset? OpportunityAt { get; init; }
    /// <summary>When the deal (or lead) entered its current step.</summary>
    public DateTimeOffset? StepAt { get; init; }
    public DateTimeOffset? ExpectedCloseAt { get; init; }
    public DateTimeOffset? ClosedAt { get; init; }
    public DateTimeOffset? LastActivityAt { get; init; }
    public IntentGrade? Grade { get; init; }
    /// <summary>The customer's personal data was erased: no name is ever shown again.</summary>
    public bool Erased { get; init; }
    /// <summary>Seed of the simulated persona the name is drawn from (null: not simulated, or erased).</summary>
    public ulong? NameSeed { get; init; }
    /// <summary>The deal was won (its customer may have churned since).</summary>
    public bool Won { get; init; }
    /// <summary>The opportunity's value when it opened (a deal's forecast amount while open).</summary>
    public decimal OpportunityValue { get; init; }
    /// <summary>The value won.</summary>
    public decimal WonValue { get; init; }
    /// <summary>Times the CRM moved the expected close date later (<see cref="JourneyState.CloseDatePushes"/>).</summary>
    public int CloseDatePushes { get; init; }
    /// <summary>When the deal entered its current step, as the journey keeps it (null: no step date; <see cref="StepAt"/> falls back to assignment or creation).</summary>
    public DateTimeOffset? DealStepAt { get; init; }
    /// <summary>When the lead was first assigned and first contacted (the pool view's first-contact deadline).</summary>
    public DateTimeOffset? AssignedAt { get; init; }
    public DateTimeOffset? FirstContactAt { get; init; }
    /// <summary>Follow-up touches of the lead or deal (<see cref="JourneyState.FollowUps"/>: an imported activities file's too).</summary>
    public int FollowUps { get; init; }
    /// <summary>Waiting in the lead pool; times it went back there; why it last did (simulated leads; null otherwise).</summary>
    public bool InPool { get; init; }
    public int Returns { get; init; }
    public string? PoolReason { get; init; }
    /// <summary>Money billed and not yet paid or written off; of it, the money overdue and the day it went overdue (the receivables ageing).</summary>
    public decimal Outstanding { get; init; }
    public decimal Overdue { get; init; }
    public DateTimeOffset? OverdueSince { get; init; }
    /// <summary>A lost deal: the step it was lost at and the objection it was lost to (null: not known, or none).</summary>
    public ConversationStep? LostStep { get; init; }
    public ObjectionType? LostObjection { get; init; }
    /// <summary>A customer's lifecycle, as the Overview's lifecycle chart counts it (<see cref="Figures.Tally.Of"/>): activated, retained, orders after the first, customers referred.</summary>
    public bool Activated { get; init; }
    public bool Retained { get; init; }
    public int Repurchases { get; init; }
    public int Referrals { get; init; }
    /// <summary>
    /// When the journey was qualified, reached follow-up, signed its first order and paid first (with <see cref="CreatedAt"/> and
    /// <see cref="OpportunityAt"/>: when it entered each funnel stage, <see cref="EnteredAt"/>).
    /// </summary>
    public DateTimeOffset? QualifiedAt { get; init; }
    public DateTimeOffset? FollowUpAt { get; init; }
    public DateTimeOffset? OrderAt { get; init; }
    public DateTimeOffset? PaidAt { get; init; }
    /// <summary>The lead's tags beyond channel and campaign, as one text (<see cref="JourneyState.Tags"/>); null: none.</summary>
    public string? Tags { get; init; }

    /// <summary>Base the simulated customers' name seeds are derived from with their journey id (any fixed number: assumed).</summary>
    public const ulong NameSeedBase = 0x6E616D6573UL;

    public bool IsLead => OpportunityAt is null && !Existing && Status is JourneyStatus.Prospect or JourneyStatus.Disqualified;
    public bool IsDeal => OpportunityAt is not null;
    public bool IsCustomer => Status is JourneyStatus.Customer or JourneyStatus.Churned;

    /// <summary>
    /// When the journey entered <paramref name="stage"/>, as the funnel's entries count it (<see cref="Figures.Tally.Of"/>:
    /// new business only, every stage up to the furthest reached); null: not entered, an existing customer, or not known.
    /// </summary>
    public DateTimeOffset? EnteredAt(FunnelStage stage) => Existing || Stage is not { } reached || reached < stage ? null : stage switch
    {
        FunnelStage.Lead => CreatedAt,
        FunnelStage.QualifiedIntent => QualifiedAt,
        FunnelStage.FollowUp => FollowUpAt,
        FunnelStage.Opportunity => OpportunityAt,
        FunnelStage.Contract => OrderAt,
        FunnelStage.Payment => PaidAt,
        _ => null,
    };

    /// <summary>What a list shows as the customer: the name, else the company, else the journey id.</summary>
    public string Display => Name.Length > 0 ? Name : Company.Length > 0 ? Company : JourneyId;

    /// <summary>
    /// The row of <paramref name="state"/>: named as the CRM named it, else without a name (the shard draws a simulated
    /// customer's once from <paramref name="nameSeed"/>).
    /// </summary>
    public static CustomerRecord Of(JourneyState state, ulong? nameSeed, bool erased, string? poolReason = null) => new()
    {
        JourneyId = state.Id, Name = erased ? "" : state.ContactName ?? "", Company = erased ? "" : state.CompanyName ?? "", Status = state.Status, Stage = state.Stage, Step = state.LastStep, Existing = state.Existing,
        RegionId = state.RegionId, TeamId = state.TeamId, RepId = state.RepId, Channel = state.Channel, CampaignId = state.CampaignId,
        Value = state.IsCustomer || state.Status == JourneyStatus.Churned ? Math.Max(state.OrderValue, state.WonValue)
            : state.OpportunityAt is not null ? state.OpportunityValue : 0m,
        Category = state.ForecastCategory, CreatedAt = state.CreatedAt, OpportunityAt = state.OpportunityAt,
        StepAt = state.StepAt ?? state.AssignedAt ?? state.CreatedAt, ExpectedCloseAt = state.ExpectedCloseAt, ClosedAt = state.ClosedAt,
        LastActivityAt = state.LastEventAt, Grade = state.Grade, Erased = erased, NameSeed = erased ? null : nameSeed,
        Won = state.Won, OpportunityValue = state.OpportunityValue, WonValue = state.WonValue, CloseDatePushes = state.CloseDatePushes,
        DealStepAt = state.StepAt,
        AssignedAt = state.AssignedAt, FirstContactAt = state.FirstContactAt, FollowUps = state.FollowUps, InPool = state.InPool, Returns = state.Returns,
        PoolReason = state.Returns > 0 ? poolReason : null,
        Outstanding = state.Outstanding, Overdue = state.Overdue, OverdueSince = state.OverdueSince,
        LostStep = state.LostStep, LostObjection = state.LostObjection,
        Activated = state.Activated, Retained = state.Retained, Repurchases = state.Repurchases, Referrals = state.Referrals,
        QualifiedAt = state.QualifiedAt, FollowUpAt = state.FollowUpAt, OrderAt = state.OrderAt, PaidAt = state.PaidAt, Tags = state.Tags,
    };

    /// <summary>
    /// The deal's part of the journey's state, as the forecast and the pipeline judge it (<see cref="Forecast.DealJudgement"/>,
    /// <see cref="Forecast.PipelineWaterfall"/>, <see cref="Forecast.DealJudgementParameters.Learned"/>): read from the row, no
    /// journey called; it carries the row's name and company. Null: the journey never opened an opportunity.
    /// </summary>
    public JourneyState? DealState() => OpportunityAt is null ? null : new JourneyState
    {
        Id = JourneyId, Status = Status, Stage = Stage, Existing = Existing, RegionId = RegionId, TeamId = TeamId, RepId = RepId,
        Channel = Channel, CampaignId = CampaignId, CreatedAt = CreatedAt, OpportunityAt = OpportunityAt, ClosedAt = ClosedAt,
        LastEventAt = LastActivityAt, LastStep = Step, StepAt = DealStepAt, ExpectedCloseAt = ExpectedCloseAt, CloseDatePushes = CloseDatePushes,
        ForecastCategory = Category, Won = Won, WonValue = WonValue, OpportunityValue = OpportunityValue, Grade = Grade, FollowUps = FollowUps,
        // The row's names (the CRM's, or the simulated customer's face drawn by the shard): a deal list searches and shows them.
        ContactName = Name.Length > 0 ? Name : null, CompanyName = Company.Length > 0 ? Company : null,
    };

    /// <summary>
    /// This row with its name: its own (from the data), else kept from <paramref name="previous"/> when it had one, else
    /// drawn from the seed (Bogus in <paramref name="locale"/>, see <see cref="PersonaNames.LocaleOf"/>; once per journey per
    /// shard activation; not drawn while the locale is not known, null); blank when erased.
    /// </summary>
    public CustomerRecord Named(CustomerRecord? previous, string? locale = PersonaNames.EnglishLocale)
    {
        if (Erased) return this with { Name = "", Company = "" };
        if (Name.Length > 0 || Company.Length > 0) return this;
        if (previous is { Erased: false } p && (p.Name.Length > 0 || p.Company.Length > 0)) return this with { Name = p.Name, Company = p.Company };
        if (NameSeed is not { } seed || locale is null) return this;
        var names = PersonaNames.For(seed, locale);
        return this with { Name = names.Contact, Company = names.Company };
    }

    /// <summary>This row with the customer's name and company blanked (erasure).</summary>
    public CustomerRecord Blanked() => this with { Name = "", Company = "", Erased = true, NameSeed = null };
}
