using Growth.Domain.Forecast;
using Growth.Domain.Journeys;
using Growth.Domain.Simulation;

namespace Growth.Domain.Records;

/// <summary>
/// A record row (<see cref="CustomerRecord"/>) as its shard keeps it: numbers instead of objects, expanded only when handed
/// out. Dates are only those set, as whole seconds or UTC ticks (<c>CompactRecord.Dates.cs</c>), money an unscaled 32-bit integer with its decimal scale (so 12.50 stays 12.50),
/// enums a byte (0: none), counts 16 bits, flags one byte, id strings an index into the shard's <see cref="RecordStrings"/>.
/// A simulated customer's name is not kept: it is drawn again from the row's seed (<see cref="CompactRecords"/>); a name
/// from the data is kept. A row with any value these cannot hold exactly (a date not in UTC, money with more than 32 bits
/// or a count over 65,535) is kept whole instead (<see cref="Whole"/>), so every row reads back exactly.
/// Carrying a new property of <see cref="CustomerRecord"/>: a field here, one line in <see cref="TryOf"/> and one in
/// <see cref="Expand"/> (<c>CompactRecordTests</c> fails for a property that is not carried).
/// </summary>
public sealed partial class CompactRecord
{
    readonly string journeyId;
    // A name from the data or drawn once handed out (RowNames), or the whole row when it could not be made compact (CustomerRecord), or null.
    object? extra;
    ulong nameSeed;
    int value, opportunityValue, wonValue, outstanding, overdue;
    byte valueScale, opportunityValueScale, wonValueScale, outstandingScale, overdueScale;
    // Tags: the journey's whole tags text is one string of the table (a shard's leads share a few tag sets).
    ushort regionId, teamId, repId, campaignId, poolReason, tags;
    byte status, stage, step, channel, category, grade, lostStep, lostObjection;
    ushort closeDatePushes, followUps, returns, repurchases, referrals;
    Flags flags;

    [Flags]
    enum Flags : byte { None = 0, Existing = 1, Erased = 2, Won = 4, InPool = 8, Activated = 16, Retained = 32, Seeded = 64, WholeRow = 128 }

    /// <summary>A name and company from the data, kept as given (shared by the rows of one journey).</summary>
    sealed record RowNames(string Name, string Company);

    CompactRecord(string journeyId, object? extra)
    {
        this.journeyId = journeyId;
        this.extra = extra;
        // A flag as well as the whole row: the lists' filters read it from the row itself, not through the object it points to.
        if (extra is CustomerRecord) flags = Flags.WholeRow;
    }

    public string JourneyId => journeyId;
    /// <summary>The row could not be made compact and is kept whole.</summary>
    public bool Whole => flags.HasFlag(Flags.WholeRow);
    /// <summary>The row keeps a name and company of its own (from the data, or drawn and no longer drawable from its seed).</summary>
    public bool KeepsName => extra is RowNames;
    public bool Erased => extra is CustomerRecord w ? w.Erased : flags.HasFlag(Flags.Erased);
    public ulong? NameSeed => extra is CustomerRecord w ? w.NameSeed : flags.HasFlag(Flags.Seeded) ? nameSeed : null;

    /// <summary>
    /// The compact form of <paramref name="row"/> (its id string <paramref name="id"/>, the one its shard keys it by), with
    /// <paramref name="names"/> kept when given (else the row's own, if it has any); whole when a value does not fit.
    /// </summary>
    public static CompactRecord Of(CustomerRecord row, RecordStrings strings, string? id = null, (string Name, string Company)? names = null)
    {
        id ??= row.JourneyId;
        object? kept = names is { } n && (n.Name.Length > 0 || n.Company.Length > 0) ? new RowNames(n.Name, n.Company)
            : row.Name.Length > 0 || row.Company.Length > 0 ? new RowNames(row.Name, row.Company) : null;
        return TryOf(row, strings, id, kept) ?? new CompactRecord(id, names is { } m ? row with { Name = m.Name, Company = m.Company } : row);
    }

    /// <summary>The same row with other names kept (the shard's erasure and name carry-over).</summary>
    internal CompactRecord WithNames(RecordStrings strings, (string Name, string Company) names) => Of(Expand(strings), strings, journeyId, names);

    static CompactRecord? TryOf(CustomerRecord r, RecordStrings s, string id, object? names)
    {
        // StepAt is kept as the rule the journey's row follows (its step date, else assignment, else creation).
        if (!Same(r.StepAt, r.DealStepAt ?? r.AssignedAt ?? r.CreatedAt)) return null;
        var ok = true;
        var c = new CompactRecord(id, names);
        c.flags = (r.Existing ? Flags.Existing : 0) | (r.Erased ? Flags.Erased : 0) | (r.Won ? Flags.Won : 0) | (r.InPool ? Flags.InPool : 0)
            | (r.Activated ? Flags.Activated : 0) | (r.Retained ? Flags.Retained : 0) | (r.NameSeed is not null ? Flags.Seeded : 0);
        c.nameSeed = r.NameSeed ?? 0;
        // In the order of Date.
        Span<long> t = stackalloc long[(int)Date.Count];
        ok &= Ticks(r.CreatedAt, ref t[0]) & Ticks(r.OpportunityAt, ref t[1]) & Ticks(r.ExpectedCloseAt, ref t[2])
            & Ticks(r.ClosedAt, ref t[3]) & Ticks(r.LastActivityAt, ref t[4]) & Ticks(r.DealStepAt, ref t[5])
            & Ticks(r.AssignedAt, ref t[6]) & Ticks(r.FirstContactAt, ref t[7]) & Ticks(r.OverdueSince, ref t[8])
            & Ticks(r.QualifiedAt, ref t[9]) & Ticks(r.FollowUpAt, ref t[10]) & Ticks(r.OrderAt, ref t[11]) & Ticks(r.PaidAt, ref t[12]);
        if (ok) c.KeepDates(t);
        ok &= Money(r.Value, ref c.value, ref c.valueScale) & Money(r.OpportunityValue, ref c.opportunityValue, ref c.opportunityValueScale)
            & Money(r.WonValue, ref c.wonValue, ref c.wonValueScale) & Money(r.Outstanding, ref c.outstanding, ref c.outstandingScale)
            & Money(r.Overdue, ref c.overdue, ref c.overdueScale);
        ok &= Text(s, r.RegionId, ref c.regionId) & Text(s, r.TeamId, ref c.teamId) & Text(s, r.RepId, ref c.repId)
            & Text(s, r.CampaignId, ref c.campaignId) & Text(s, r.PoolReason, ref c.poolReason) & Text(s, r.Tags, ref c.tags);
        ok &= Code((int)r.Status, ref c.status) & Code((int?)r.Stage, ref c.stage) & Code((int?)r.Step, ref c.step) & Code((int?)r.Channel, ref c.channel)
            & Code((int?)r.Category, ref c.category) & Code((int?)r.Grade, ref c.grade) & Code((int?)r.LostStep, ref c.lostStep)
            & Code((int?)r.LostObjection, ref c.lostObjection);
        ok &= Count(r.CloseDatePushes, ref c.closeDatePushes) & Count(r.FollowUps, ref c.followUps) & Count(r.Returns, ref c.returns)
            & Count(r.Repurchases, ref c.repurchases) & Count(r.Referrals, ref c.referrals);
        return ok ? c : null;
    }

    /// <summary>The row as <see cref="CustomerRecord"/>: exactly the row it was made from, with a kept name; a drawn name is not in it (<see cref="CompactRecords"/> draws it).</summary>
    public CustomerRecord Expand(RecordStrings s)
    {
        if (extra is CustomerRecord whole) return whole;
        var names = extra as RowNames;
        var created = At(Date.Created);
        var dealStep = At(Date.DealStep);
        var assigned = At(Date.Assigned);
        return new CustomerRecord
        {
            JourneyId = journeyId, Name = names?.Name ?? "", Company = names?.Company ?? "",
            Status = (JourneyStatus)(status - 1), Stage = (FunnelStage?)Value(stage), Step = (ConversationStep?)Value(step),
            Existing = flags.HasFlag(Flags.Existing), RegionId = s.At(regionId), TeamId = s.At(teamId), RepId = s.At(repId),
            Channel = (Channel?)Value(channel), CampaignId = s.At(campaignId), Value = Money(value, valueScale),
            Category = (ForecastCategory?)Value(category), CreatedAt = created, OpportunityAt = At(Date.Opportunity),
            StepAt = dealStep ?? assigned ?? created, ExpectedCloseAt = At(Date.ExpectedClose), ClosedAt = At(Date.Closed),
            LastActivityAt = At(Date.LastActivity), Grade = (IntentGrade?)Value(grade), Erased = flags.HasFlag(Flags.Erased),
            NameSeed = flags.HasFlag(Flags.Seeded) ? nameSeed : null, Won = flags.HasFlag(Flags.Won),
            OpportunityValue = Money(opportunityValue, opportunityValueScale), WonValue = Money(wonValue, wonValueScale),
            CloseDatePushes = closeDatePushes, DealStepAt = dealStep, AssignedAt = assigned, FirstContactAt = At(Date.FirstContact),
            FollowUps = followUps, InPool = flags.HasFlag(Flags.InPool), Returns = returns, PoolReason = s.At(poolReason),
            Outstanding = Money(outstanding, outstandingScale), Overdue = Money(overdue, overdueScale), OverdueSince = At(Date.OverdueSince),
            LostStep = (ConversationStep?)Value(lostStep), LostObjection = (ObjectionType?)Value(lostObjection),
            Activated = flags.HasFlag(Flags.Activated), Retained = flags.HasFlag(Flags.Retained), Repurchases = repurchases, Referrals = referrals,
            QualifiedAt = At(Date.Qualified), FollowUpAt = At(Date.FollowUp), OrderAt = At(Date.Order), PaidAt = At(Date.Paid), Tags = s.At(tags),
        };
    }

    /// <summary>
    /// Keeps the name drawn from the row's seed once a row has been handed out with it, so it is drawn once per shard
    /// activation, as when the shard kept whole rows (a row never handed out by name keeps none).
    /// </summary>
    internal void KeepDrawn(string name, string company)
    {
        if (extra is null && flags.HasFlag(Flags.Seeded) && !flags.HasFlag(Flags.Erased)) extra = new RowNames(name, company);
    }

    /// <summary>The names the row keeps (from the data), or none.</summary>
    internal (string Name, string Company)? KeptNames => extra switch
    {
        RowNames n => (n.Name, n.Company),
        CustomerRecord w when w.Name.Length > 0 || w.Company.Length > 0 => (w.Name, w.Company),
        _ => null,
    };

    static bool Same(DateTimeOffset? a, DateTimeOffset? b) =>
        a is not { } x ? b is null : b is { } y && x.UtcTicks == y.UtcTicks && x.Offset == y.Offset;

    static bool Ticks(DateTimeOffset? d, ref long field)
    {
        if (d is not { } v) return true;
        field = v.UtcTicks;
        return v.Offset == TimeSpan.Zero && field != 0;
    }

    static DateTimeOffset? At(long ticks) => ticks == 0 ? null : new DateTimeOffset(ticks, TimeSpan.Zero);

    static bool Money(decimal v, ref int unscaled, ref byte scale)
    {
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(v, bits);
        var negative = bits[3] < 0;
        scale = (byte)((bits[3] >> 16) & 0xFF);
        if (bits[1] != 0 || bits[2] != 0 || bits[0] < 0 || (negative && bits[0] == 0)) return false;
        unscaled = negative ? -bits[0] : bits[0];
        return true;
    }

    static decimal Money(int unscaled, byte scale) => new(Math.Abs(unscaled), 0, 0, unscaled < 0, scale);

    static bool Text(RecordStrings s, string? v, ref ushort field) => s.TryIndex(v, out field);

    static bool Code(int? v, ref byte field)
    {
        if (v is not { } x) return true;
        if (x is < 0 or > 254) return false;
        field = (byte)(x + 1);
        return true;
    }

    static int? Value(byte code) => code == 0 ? null : code - 1;

    static bool Count(int v, ref ushort field)
    {
        if (v is < 0 or > ushort.MaxValue) return false;
        field = (ushort)v;
        return true;
    }
}
