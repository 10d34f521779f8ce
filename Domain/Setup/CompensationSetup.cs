namespace Growth.Domain.Setup;

/// <summary>How long one measurement period of a pay plan is (attainment is counted per period).</summary>
public enum MeasurementPeriod { Month, Quarter, Year }

/// <summary>When revenue counts for a rep: when the deal is won (booking) or when the customer pays (collection).</summary>
public enum CreditBasis { Booking, Collection }

/// <summary>
/// How the reps are paid: pay plans, each for some reps (by rep, team, region or role id) or for everyone else (a default
/// plan names nobody), in force between two dates. A rep no plan applies to is paid by <see cref="CompensationPlanSetup.Flat"/>,
/// today's flat plan, so an empty setup keeps today's cost.
/// </summary>
public sealed record CompensationSetup
{
    public IReadOnlyList<CompensationPlanSetup> Plans { get; init; } = [];
}

/// <summary>
/// One pay plan. Amounts are per measurement period in the company currency; attainment is credited revenue over
/// the rep's target for the period (1 = 100 %). Commission is marginal: each tier's rate is paid on the revenue that
/// falls within the tier's band of attainment; revenue above <see cref="Cap"/> earns no commission.
/// </summary>
public sealed record CompensationPlanSetup
{
    public string Id { get; init; } = "";
    public string Name { get; init; } = "";
    /// <summary>Who the plan is for; nobody named makes it the default plan (for every rep no other plan names).</summary>
    public PlanScopeSetup AppliesTo { get; init; } = new();
    /// <summary>First day the plan is in force (inclusive); null: since always.</summary>
    public DateOnly? EffectiveFrom { get; init; }
    /// <summary>Last day the plan is in force (inclusive); null: open-ended.</summary>
    public DateOnly? EffectiveTo { get; init; }
    public MeasurementPeriod Period { get; init; } = MeasurementPeriod.Quarter;
    public CreditBasis Basis { get; init; } = CreditBasis.Booking;
    /// <summary>Fixed pay per period (source: assumed 0 in the flat plan: the simulation counted commission only).</summary>
    public decimal BasePay { get; init; }
    /// <summary>Base plus variable pay at 100 % attainment, per period (shown beside the payout; 0 = not stated).</summary>
    public decimal OnTargetEarnings { get; init; }
    /// <summary>Commission rates by attainment band, contiguous from 0 and increasing.</summary>
    public IReadOnlyList<CommissionTierSetup> Tiers { get; init; } = [new() { From = 0, Rate = 0.08 }];
    /// <summary>Highest attainment paid commission (2 = 200 %); null: no cap.</summary>
    public double? Cap { get; init; }
    /// <summary>Amounts paid per won deal of a product, on top of commission.</summary>
    public IReadOnlyList<SpiffSetup> Spiffs { get; init; } = [];
    public TeamBonusSetup TeamBonus { get; init; } = new();
    public ClawbackSetup Clawback { get; init; } = new();
    /// <summary>Recoverable advance per period: paid up to this amount when earnings fall short, recovered from later earnings above it.</summary>
    public decimal Draw { get; init; }

    /// <summary>Today's plan (see <c>IncentivePlan.Current</c>): 8 % commission on won revenue, booked per quarter, nothing else.</summary>
    public static CompensationPlanSetup Flat { get; } = new() { Id = "flat", Name = "Flat 8 % commission" };

    /// <summary>Whether the plan is in force on <paramref name="day"/>.</summary>
    public bool InForce(DateOnly day) => (EffectiveFrom is not { } f || day >= f) && (EffectiveTo is not { } t || day <= t);
}

/// <summary>
/// The reps a plan is for, by rep, team, region or role id (<see cref="RepSetup.Role"/>); all empty: the default plan.
/// A rep several plans name is paid by the most specific (<see cref="Compensation.PlanBook"/>).
/// </summary>
public sealed record PlanScopeSetup
{
    public IReadOnlyList<string> Reps { get; init; } = [];
    public IReadOnlyList<string> Teams { get; init; } = [];
    public IReadOnlyList<string> Regions { get; init; } = [];
    /// <summary>Roles the plan pays: every rep carrying one of them (a rep without a role matches none).</summary>
    public IReadOnlyList<string> Roles { get; init; } = [];

    public bool IsDefault() => Reps.Count == 0 && Teams.Count == 0 && Regions.Count == 0 && Roles.Count == 0;
}

/// <summary>A band of attainment [From, To) and the commission rate (0..1) paid on revenue within it; To null: no upper end.</summary>
public sealed record CommissionTierSetup
{
    public double From { get; init; }
    public double? To { get; init; }
    public double Rate { get; init; }
}

/// <summary>
/// A fixed amount per won deal of a kind: of a product (catalogue product id), from a lead channel (the deal kind by
/// where it came from: ads, events, referral, ...), or both. Empty product: any product; empty channel: any channel;
/// one of them is needed. A deal earns every spiff it matches.
/// </summary>
public sealed record SpiffSetup
{
    public string Product { get; init; } = "";
    /// <summary>The lead channel (<see cref="Journeys.Channel"/>, by name, any case) a deal must come from; empty: any.</summary>
    public string? Channel { get; init; }
    public decimal Amount { get; init; }

    /// <summary>The channel named, or null for any (or a name that is no channel: validation refuses it). Derived: not part of the setup file or the API.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public Journeys.Channel? ChannelKind => Enum.TryParse<Journeys.Channel>(Channel, true, out var c) && !int.TryParse(Channel, out _) ? c : null;

    /// <summary>Whether a won deal of <paramref name="product"/> from <paramref name="channel"/> earns this spiff.</summary>
    public bool Matches(string? product, Journeys.Channel? channel) =>
        (string.IsNullOrEmpty(Product) || Product == product) && (string.IsNullOrWhiteSpace(Channel) || ChannelKind is { } c && c == channel);

    /// <summary>Share of won deals this spiff is paid on, from the products' and channels' shares (assumed independent; an unknown share: even over the channels).</summary>
    public double Share(IReadOnlyDictionary<string, double> productShares, IReadOnlyDictionary<Journeys.Channel, double>? channelShares) =>
        (string.IsNullOrEmpty(Product) ? 1 : productShares.GetValueOrDefault(Product))
        * (string.IsNullOrWhiteSpace(Channel) ? 1 : ChannelKind is not { } c ? 0
            : channelShares?.GetValueOrDefault(c) ?? 1.0 / Enum.GetValues<Journeys.Channel>().Length);
}

/// <summary>An amount paid to every rep of a team when the team's attainment for the period reaches the threshold; 0: none.</summary>
public sealed record TeamBonusSetup
{
    public decimal Amount { get; init; }
    /// <summary>Team attainment (1 = 100 %) the bonus needs.</summary>
    public double Threshold { get; init; } = 1.0;
}

/// <summary>
/// Commission taken back when a won deal is refunded or the customer churns within <see cref="Days"/> of the win;
/// 0: never. The amount taken back is the refunded (or, on churn, the won) value times the rep's effective
/// commission rate in the period the reversal falls in.
/// </summary>
public sealed record ClawbackSetup
{
    public int Days { get; init; }
}
