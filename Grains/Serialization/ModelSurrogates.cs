using Growth.Domain.Journeys;
using Orleans.Serialization.Cloning;

namespace Growth.Grains.Serialization;

/// <summary>
/// Orleans-native wire form of the hot model types (a journey's state, its plan and its events), which the
/// pure model cannot carry attributes for. Everything else in the model still crosses as JSON
/// (see <see cref="GrowthSerialization.AddGrowthSerialization"/>). A journey writes its record on every step,
/// and the in-memory storage serialises it each time; as JSON that copy was about 70 % of a journey event's
/// CPU and the largest part of a journey's memory.
/// </summary>
/// <remarks>
/// Enums travel as their numbers. A property added to one of these types must be added here too:
/// <c>ModelSerializationTests</c> fills every property and fails if one does not round-trip.
/// </remarks>
public static class ModelSurrogates
{
    /// <summary>The model types these surrogates serialise; the JSON codec leaves them alone.</summary>
    public static readonly IReadOnlySet<Type> Types = new HashSet<Type>
    {
        typeof(JourneyState), typeof(JourneyEvent), typeof(JourneyPlan), typeof(PlannedInvoice),
    };
}

[GenerateSerializer]
public struct JourneyStateSurrogate
{
    [Id(0)] public string Id;
    [Id(1)] public int Status;
    [Id(2)] public int? Stage;
    [Id(3)] public bool Existing;
    [Id(4)] public string? CampaignId;
    [Id(5)] public int? Channel;
    [Id(6)] public string? RegionId;
    [Id(7)] public string? TeamId;
    [Id(8)] public string? RepId;
    [Id(9)] public DateTimeOffset? CreatedAt;
    [Id(10)] public DateTimeOffset? AssignedAt;
    [Id(11)] public DateTimeOffset? FirstContactAt;
    [Id(12)] public DateTimeOffset? QualifiedAt;
    [Id(13)] public DateTimeOffset? OpportunityAt;
    [Id(14)] public DateTimeOffset? ClosedAt;
    [Id(15)] public DateTimeOffset? LastEventAt;
    [Id(16)] public int Contacts;
    [Id(17)] public int FollowUps;
    [Id(18)] public decimal OpportunityValue;
    [Id(19)] public int? LastStep;
    [Id(20)] public int? LastObjection;
    [Id(21)] public int? LostObjection;
    [Id(22)] public bool Won;
    [Id(23)] public decimal WonValue;
    [Id(24)] public int? LostStep;
    [Id(25)] public string? LostReason;
    [Id(26)] public int Orders;
    [Id(27)] public decimal OrderValue;
    [Id(28)] public int Repurchases;
    [Id(29)] public int Referrals;
    [Id(30)] public decimal OpeningBalance;
    [Id(31)] public decimal Billed;
    [Id(32)] public decimal Collected;
    [Id(33)] public decimal Overdue;
    [Id(34)] public DateTimeOffset? OverdueSince;
    [Id(35)] public decimal Refunded;
    [Id(36)] public bool Activated;
    [Id(37)] public bool Retained;
    [Id(38)] public int EventCount;
    [Id(39)] public DateTimeOffset? StepAt;
    [Id(40)] public DateTimeOffset? ExpectedCloseAt;
    [Id(41)] public int CloseDatePushes;
    [Id(42)] public int? ForecastCategory;
    [Id(43)] public bool InPool;
    [Id(44)] public int Returns;
    [Id(45)] public int? Grade;
    [Id(46)] public decimal WrittenOff;
    [Id(47)] public int Instalments;
    [Id(48)] public int Reminders;
    [Id(49)] public DateTimeOffset? ContractAt;
    [Id(50)] public DateTimeOffset? ApprovalSince;
    [Id(51)] public decimal ApprovalValue;
    [Id(52)] public int ApprovalsRequested;
    [Id(53)] public int ApprovalsRefused;
    [Id(54)] public DateTimeOffset? OrderAt;
    [Id(55)] public string? ContactName;
    [Id(56)] public string? CompanyName;
    [Id(57)] public int? CustomerGrade;
    [Id(125)] public DateTimeOffset? FollowUpAt;
    [Id(126)] public DateTimeOffset? PaidAt;
    [Id(190)] public string? Tags;
}

[RegisterConverter]
public sealed class JourneyStateConverter : IConverter<JourneyState, JourneyStateSurrogate>
{
    public JourneyState ConvertFromSurrogate(in JourneyStateSurrogate s) => new()
    {
        Id = s.Id, Status = (JourneyStatus)s.Status, Stage = (FunnelStage?)s.Stage, Existing = s.Existing,
        CampaignId = s.CampaignId, Channel = (Channel?)s.Channel, RegionId = s.RegionId, TeamId = s.TeamId, RepId = s.RepId,
        CreatedAt = s.CreatedAt, AssignedAt = s.AssignedAt, FirstContactAt = s.FirstContactAt, QualifiedAt = s.QualifiedAt,
        OpportunityAt = s.OpportunityAt, ClosedAt = s.ClosedAt, LastEventAt = s.LastEventAt,
        Contacts = s.Contacts, FollowUps = s.FollowUps, OpportunityValue = s.OpportunityValue,
        LastStep = (ConversationStep?)s.LastStep, LastObjection = (ObjectionType?)s.LastObjection, LostObjection = (ObjectionType?)s.LostObjection,
        Won = s.Won, WonValue = s.WonValue, LostStep = (ConversationStep?)s.LostStep, LostReason = s.LostReason,
        Orders = s.Orders, OrderValue = s.OrderValue, Repurchases = s.Repurchases, Referrals = s.Referrals,
        OpeningBalance = s.OpeningBalance, Billed = s.Billed, Collected = s.Collected, Overdue = s.Overdue,
        OverdueSince = s.OverdueSince, Refunded = s.Refunded, Activated = s.Activated, Retained = s.Retained, EventCount = s.EventCount,
        StepAt = s.StepAt, ExpectedCloseAt = s.ExpectedCloseAt, CloseDatePushes = s.CloseDatePushes,
        ForecastCategory = (Domain.Forecast.ForecastCategory?)s.ForecastCategory,
        InPool = s.InPool, Returns = s.Returns, Grade = (Domain.Simulation.IntentGrade?)s.Grade,
        WrittenOff = s.WrittenOff, Instalments = s.Instalments, Reminders = s.Reminders, ContractAt = s.ContractAt, ApprovalSince = s.ApprovalSince,
        ApprovalValue = s.ApprovalValue, ApprovalsRequested = s.ApprovalsRequested, ApprovalsRefused = s.ApprovalsRefused, OrderAt = s.OrderAt,
        ContactName = s.ContactName, CompanyName = s.CompanyName,
        CustomerGrade = (Domain.Simulation.CustomerGrade?)s.CustomerGrade, FollowUpAt = s.FollowUpAt, PaidAt = s.PaidAt, Tags = s.Tags,
    };

    public JourneyStateSurrogate ConvertToSurrogate(in JourneyState v) => new()
    {
        Id = v.Id, Status = (int)v.Status, Stage = (int?)v.Stage, Existing = v.Existing,
        CampaignId = v.CampaignId, Channel = (int?)v.Channel, RegionId = v.RegionId, TeamId = v.TeamId, RepId = v.RepId,
        CreatedAt = v.CreatedAt, AssignedAt = v.AssignedAt, FirstContactAt = v.FirstContactAt, QualifiedAt = v.QualifiedAt,
        OpportunityAt = v.OpportunityAt, ClosedAt = v.ClosedAt, LastEventAt = v.LastEventAt,
        Contacts = v.Contacts, FollowUps = v.FollowUps, OpportunityValue = v.OpportunityValue,
        LastStep = (int?)v.LastStep, LastObjection = (int?)v.LastObjection, LostObjection = (int?)v.LostObjection,
        Won = v.Won, WonValue = v.WonValue, LostStep = (int?)v.LostStep, LostReason = v.LostReason,
        Orders = v.Orders, OrderValue = v.OrderValue, Repurchases = v.Repurchases, Referrals = v.Referrals,
        OpeningBalance = v.OpeningBalance, Billed = v.Billed, Collected = v.Collected, Overdue = v.Overdue,
        OverdueSince = v.OverdueSince, Refunded = v.Refunded, Activated = v.Activated, Retained = v.Retained, EventCount = v.EventCount,
        StepAt = v.StepAt, ExpectedCloseAt = v.ExpectedCloseAt, CloseDatePushes = v.CloseDatePushes, ForecastCategory = (int?)v.ForecastCategory,
        InPool = v.InPool, Returns = v.Returns, Grade = (int?)v.Grade,
        WrittenOff = v.WrittenOff, Instalments = v.Instalments, Reminders = v.Reminders, ContractAt = v.ContractAt, ApprovalSince = v.ApprovalSince,
        ApprovalValue = v.ApprovalValue, ApprovalsRequested = v.ApprovalsRequested, ApprovalsRefused = v.ApprovalsRefused, OrderAt = v.OrderAt,
        ContactName = v.ContactName, CompanyName = v.CompanyName,
        CustomerGrade = (int?)v.CustomerGrade, FollowUpAt = v.FollowUpAt, PaidAt = v.PaidAt, Tags = v.Tags,
    };
}

[GenerateSerializer]
public struct JourneyEventSurrogate
{
    [Id(0)] public string Id;
    [Id(1)] public string? JourneyId;
    [Id(2)] public int Kind;
    [Id(3)] public DateTimeOffset At;
    [Id(4)] public decimal Amount;
    [Id(5)] public int? Step;
    [Id(6)] public int? Objection;
    [Id(7)] public string? Reason;
    [Id(8)] public string? CampaignId;
    [Id(9)] public int? Channel;
    [Id(10)] public string? RegionId;
    [Id(11)] public string? TeamId;
    [Id(12)] public string? RepId;
    [Id(13)] public string? ReferredLeadId;
    [Id(14)] public DateTimeOffset? DueAt;
    [Id(15)] public DateTimeOffset? ExpectedCloseAt;
    [Id(16)] public int? ForecastCategory;
    [Id(17)] public int? Grade;
    [Id(18)] public string? ContactName;
    [Id(19)] public string? CompanyName;
    [Id(190)] public string? Tags;
}

[RegisterConverter]
public sealed class JourneyEventConverter : IConverter<JourneyEvent, JourneyEventSurrogate>
{
    public JourneyEvent ConvertFromSurrogate(in JourneyEventSurrogate s) => new()
    {
        Id = s.Id, JourneyId = s.JourneyId, Kind = (EventKind)s.Kind, At = s.At, Amount = s.Amount,
        Step = (ConversationStep?)s.Step, Objection = (ObjectionType?)s.Objection, Reason = s.Reason,
        CampaignId = s.CampaignId, Channel = (Channel?)s.Channel, RegionId = s.RegionId, TeamId = s.TeamId, RepId = s.RepId,
        ReferredLeadId = s.ReferredLeadId, DueAt = s.DueAt,
        ExpectedCloseAt = s.ExpectedCloseAt, ForecastCategory = (Domain.Forecast.ForecastCategory?)s.ForecastCategory,
        Grade = (Domain.Simulation.IntentGrade?)s.Grade, ContactName = s.ContactName, CompanyName = s.CompanyName, Tags = s.Tags,
    };

    public JourneyEventSurrogate ConvertToSurrogate(in JourneyEvent v) => new()
    {
        Id = v.Id, JourneyId = v.JourneyId, Kind = (int)v.Kind, At = v.At, Amount = v.Amount,
        Step = (int?)v.Step, Objection = (int?)v.Objection, Reason = v.Reason,
        CampaignId = v.CampaignId, Channel = (int?)v.Channel, RegionId = v.RegionId, TeamId = v.TeamId, RepId = v.RepId,
        ReferredLeadId = v.ReferredLeadId, DueAt = v.DueAt,
        ExpectedCloseAt = v.ExpectedCloseAt, ForecastCategory = (int?)v.ForecastCategory, Grade = (int?)v.Grade,
        ContactName = v.ContactName, CompanyName = v.CompanyName, Tags = v.Tags,
    };
}

[GenerateSerializer]
public struct PlannedInvoiceSurrogate
{
    [Id(0)] public decimal Amount;
    [Id(1)] public DateTimeOffset DueAt;
    [Id(2)] public DateTimeOffset? PayAt;
    [Id(3)] public bool OverdueMarked;
    [Id(4)] public DateTimeOffset? BillAt;
    [Id(5)] public int Instalment;
    [Id(6)] public int Of;
    [Id(7)] public DateTimeOffset? ChaseAt;
    [Id(8)] public int Reminders;
}

[RegisterConverter]
public sealed class PlannedInvoiceConverter : IConverter<PlannedInvoice, PlannedInvoiceSurrogate>
{
    public PlannedInvoice ConvertFromSurrogate(in PlannedInvoiceSurrogate s) =>
        new(s.Amount, s.DueAt, s.PayAt, s.OverdueMarked) { BillAt = s.BillAt, Instalment = s.Instalment, Of = s.Of, ChaseAt = s.ChaseAt, Reminders = s.Reminders };

    public PlannedInvoiceSurrogate ConvertToSurrogate(in PlannedInvoice v) => new()
    {
        Amount = v.Amount, DueAt = v.DueAt, PayAt = v.PayAt, OverdueMarked = v.OverdueMarked,
        BillAt = v.BillAt, Instalment = v.Instalment, Of = v.Of, ChaseAt = v.ChaseAt, Reminders = v.Reminders,
    };
}

[GenerateSerializer]
public struct JourneyPlanSurrogate
{
    [Id(0)] public ulong Rng;
    [Id(1)] public bool Effective;
    [Id(2)] public double Intent;
    [Id(3)] public decimal Budget;
    [Id(4)] public double Satisfaction;
    [Id(5)] public double[] Skills;
    [Id(6)] public double Incentive;
    [Id(7)] public int MaxFollowUps;
    [Id(8)] public int Sale;
    [Id(9)] public DateTimeOffset? SaleAt;
    [Id(10)] public List<PlannedInvoice> Invoices;
    [Id(11)] public DateTimeOffset? ActivateAt;
    [Id(12)] public DateTimeOffset? RetainAt;
    [Id(13)] public DateTimeOffset? RepurchaseAt;
    [Id(14)] public DateTimeOffset? ReferralAt;
    [Id(15)] public DateTimeOffset? ChurnAt;
    [Id(16)] public decimal BaseValue;
    [Id(17)] public DateTimeOffset? HireDate;
    [Id(18)] public double FollowUpDays;
    [Id(19)] public int FollowUpsAtAssignment;
    [Id(20)] public string? PoolReason;
    [Id(21)] public int Resume;
    [Id(22)] public int Contract;
    [Id(23)] public DateTimeOffset? ContractAt;
    [Id(24)] public decimal ListValue;
    [Id(25)] public double Discount;
    [Id(26)] public decimal QuotedValue;
    [Id(27)] public DateTimeOffset? ReviewAt;
    [Id(28)] public DateTimeOffset? LastPurchaseAt;
    [Id(29)] public DateTimeOffset? LeaveAt;
}

/// <summary>
/// The plan is mutable, so a copy of it goes through the surrogate (a new plan with its own skills and invoice
/// lists); the surrogate shares the plan's lists only while it is being written.
/// </summary>
[RegisterConverter]
public sealed class JourneyPlanConverter : IConverter<JourneyPlan, JourneyPlanSurrogate>
{
    public JourneyPlan ConvertFromSurrogate(in JourneyPlanSurrogate s) => new()
    {
        Rng = s.Rng, Effective = s.Effective, Intent = s.Intent, Budget = s.Budget, Satisfaction = s.Satisfaction,
        Skills = s.Skills ?? [], Incentive = s.Incentive, MaxFollowUps = s.MaxFollowUps, Sale = (SaleAction)s.Sale, SaleAt = s.SaleAt,
        Invoices = s.Invoices ?? [], ActivateAt = s.ActivateAt, RetainAt = s.RetainAt, RepurchaseAt = s.RepurchaseAt,
        ReferralAt = s.ReferralAt, ChurnAt = s.ChurnAt, BaseValue = s.BaseValue, HireDate = s.HireDate,
        FollowUpDays = s.FollowUpDays, FollowUpsAtAssignment = s.FollowUpsAtAssignment, PoolReason = s.PoolReason, Resume = (SaleAction)s.Resume,
        Contract = (ContractStep)s.Contract, ContractAt = s.ContractAt, ListValue = s.ListValue, Discount = s.Discount, QuotedValue = s.QuotedValue,
        ReviewAt = s.ReviewAt, LastPurchaseAt = s.LastPurchaseAt, LeaveAt = s.LeaveAt,
    };

    public JourneyPlanSurrogate ConvertToSurrogate(in JourneyPlan v) => new()
    {
        Rng = v.Rng, Effective = v.Effective, Intent = v.Intent, Budget = v.Budget, Satisfaction = v.Satisfaction,
        Skills = v.Skills, Incentive = v.Incentive, MaxFollowUps = v.MaxFollowUps, Sale = (int)v.Sale, SaleAt = v.SaleAt,
        Invoices = v.Invoices, ActivateAt = v.ActivateAt, RetainAt = v.RetainAt, RepurchaseAt = v.RepurchaseAt,
        ReferralAt = v.ReferralAt, ChurnAt = v.ChurnAt, BaseValue = v.BaseValue, HireDate = v.HireDate,
        FollowUpDays = v.FollowUpDays, FollowUpsAtAssignment = v.FollowUpsAtAssignment, PoolReason = v.PoolReason, Resume = (int)v.Resume,
        Contract = (int)v.Contract, ContractAt = v.ContractAt, ListValue = v.ListValue, Discount = v.Discount, QuotedValue = v.QuotedValue,
        ReviewAt = v.ReviewAt, LastPurchaseAt = v.LastPurchaseAt, LeaveAt = v.LeaveAt,
    };
}

/// <summary>
/// Journey states, events and planned invoices are immutable records (init-only; a change is a new record made
/// with <c>with</c>), so a grain call within a silo can hand over the same instance instead of a copy, as
/// Orleans does for types marked [Immutable] (which the model cannot carry).
/// </summary>
public abstract class SameInstanceCopier<T> : IDeepCopier<T>, IOptionalDeepCopier where T : class
{
    public T? DeepCopy(T? input, CopyContext context) => input;
    public object? DeepCopy(object? input, CopyContext context) => input;
    public bool IsShallowCopyable() => true;
}

[RegisterCopier] public sealed class JourneyStateCopier : SameInstanceCopier<JourneyState>;
[RegisterCopier] public sealed class JourneyEventCopier : SameInstanceCopier<JourneyEvent>;
[RegisterCopier] public sealed class PlannedInvoiceCopier : SameInstanceCopier<PlannedInvoice>;
