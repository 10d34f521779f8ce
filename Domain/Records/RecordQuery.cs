using Growth.Domain.Journeys;

namespace Growth.Domain.Records;

/// <summary>Which records a list shows: leads (no opportunity yet), deals (open, won or lost), customers (won, or churned), or every journey.</summary>
public enum RecordKind { Leads, Deals, Customers, All }

/// <summary>
/// A search, filter, sort and page over one kind of record. Filters: owner (rep id), team, region, stage (funnel
/// stage), step ("Opened" or a conversation step), channel, campaign, status (journey status) and a search of the
/// customer's name, company or journey id (case-insensitive, any part). Two filters read as a Sales chart's bar counts:
/// working (open new-business deals working on a step, <see cref="Figures.Tally.PipelineStep"/>) and overdue (journeys with
/// money in a receivables ageing bucket at <see cref="AsOf"/>, <see cref="ReceivableAge"/>); two as the Insight page's
/// loss charts count: lost at a step, lost to an objection; one as the Overview's lifecycle chart counts: lifecycle; one as the
/// funnel's entries count (the Insight page's stage health, the Marketing page's leads a day): entered a stage within a
/// time window (<c>entered=Stage,after,until</c>, times in ISO 8601, either blank for open). Ties of the sort are broken by journey id, so pages never overlap.
/// </summary>
public sealed record RecordQuery
{
    public const int MaxPageSize = 500;
    public static readonly string[] SortKeys = ["name", "company", "owner", "value", "stage", "step", "created", "activity", "close", "since"];
    public static readonly string[] Steps = ["Opened", .. Enum.GetNames<ConversationStep>()];
    /// <summary>What a lost-at filter may ask for: a conversation step, or "Unknown" for losses whose step the data did not say.</summary>
    public static readonly string[] LostSteps = [.. Enum.GetNames<ConversationStep>(), "Unknown"];
    /// <summary>What a grade filter may ask for: an intent grade, or "None" for leads and deals not graded.</summary>
    public static readonly string[] Grades = [.. Enum.GetNames<Simulation.IntentGrade>(), "None"];

    public RecordKind Kind { get; init; } = RecordKind.Deals;
    public string? Search { get; init; }
    public string? Owner { get; init; }
    public string? Team { get; init; }
    public string? Region { get; init; }
    public FunnelStage? Stage { get; init; }
    public string? Step { get; init; }
    public Channel? Channel { get; init; }
    public string? Campaign { get; init; }
    public JourneyStatus? Status { get; init; }
    /// <summary>Open new-business deals being worked on this step, as the Sales page's pipeline chart counts them (a deal open past Close counts under Close).</summary>
    public ConversationStep? Working { get; init; }
    /// <summary>Journeys with money in this receivables ageing bucket at <see cref="AsOf"/> (the Sales page's ageing chart).</summary>
    public OverdueAge? Overdue { get; init; }
    /// <summary>The workspace's now, which <see cref="Overdue"/> ages money at: set by the list's service from the workspace's clock.</summary>
    public DateTimeOffset? AsOf { get; init; }
    /// <summary>New-business deals lost at this step ("Unknown": the data did not say), as the Insight page's losses-by-step chart counts them.</summary>
    public string? LostAt { get; init; }
    /// <summary>New-business deals lost to this objection (the Insight page's losses-by-objection chart).</summary>
    public ObjectionType? LostTo { get; init; }
    /// <summary>Customers at this lifecycle stage, as the Overview's lifecycle chart counts them (<see cref="RecordList.AtLifecycle"/>).</summary>
    public LifecycleStage? Lifecycle { get; init; }
    /// <summary>Journeys that entered this funnel stage after <see cref="EnteredAfter"/> and by <see cref="EnteredUntil"/> (<see cref="CustomerRecord.EnteredAt"/>).</summary>
    public FunnelStage? Entered { get; init; }
    public DateTimeOffset? EnteredAfter { get; init; }
    public DateTimeOffset? EnteredUntil { get; init; }
    /// <summary>Leads and deals of this intent grade ("A" to "D"; "None": not graded), as the intent grades page counts them.</summary>
    public string? Grade { get; init; }
    /// <summary>Journeys created at or after this time, and before <see cref="CreatedTo"/> (a period's cohort).</summary>
    public DateTimeOffset? CreatedFrom { get; init; }
    public DateTimeOffset? CreatedTo { get; init; }
    /// <summary>Deals won (true) or not won (false).</summary>
    public bool? Won { get; init; }
    /// <summary>Journeys carrying this lead tag ("kind:value": source, campaign, segment, product or tag; <see cref="Organisations.LeadTagText"/>), as the pool page counts open leads by tag.</summary>
    public string? Tag { get; init; }
    public string Sort { get; init; } = "activity";
    public bool Descending { get; init; } = true;
    /// <summary>1-based page.</summary>
    public int Page { get; init; } = 1;
    public int PageSize { get; init; } = 50;

    /// <summary>Rows a shard hands back for this page: every row up to the page's end (the merge then cuts the page).</summary>
    public int RowsThroughPage => (int)Math.Min(int.MaxValue, (long)Page * PageSize);

    /// <summary>A query from request text, or the first thing wrong with it (naming the field and the values it allows).</summary>
    public static (RecordQuery? Query, string? Error) Parse(string? kind, string? q, string? owner, string? team, string? region, string? stage,
        string? step, string? channel, string? campaign, string? status, string? sort, bool? descending, int? page, int? size,
        string? working = null, string? overdue = null, string? lostAt = null, string? lostTo = null, string? lifecycle = null, string? entered = null,
        string? grade = null, string? createdFrom = null, string? createdTo = null, string? won = null, string? tag = null)
    {
        var k = RecordKind.Deals;
        if (Blank(kind) is { } kn && !TryEnum(kn, out k)) return (null, Allowed("kind", kn, Enum.GetNames<RecordKind>()));
        FunnelStage? st = null;
        if (Blank(stage) is { } sn) { if (!TryEnum<FunnelStage>(sn, out var v)) return (null, Allowed("stage", sn, Enum.GetNames<FunnelStage>())); st = v; }
        Channel? ch = null;
        if (Blank(channel) is { } cn) { if (!TryEnum<Channel>(cn, out var v)) return (null, Allowed("channel", cn, Enum.GetNames<Channel>())); ch = v; }
        JourneyStatus? js = null;
        if (Blank(status) is { } jn)
        {
            if (!TryEnum<JourneyStatus>(jn, out var v) || v == JourneyStatus.None)
                return (null, Allowed("status", jn, Enum.GetNames<JourneyStatus>().Where(n => n != nameof(JourneyStatus.None))));
            js = v;
        }
        ConversationStep? wk = null;
        if (Blank(working) is { } wn) { if (!TryEnum<ConversationStep>(wn, out var v)) return (null, Allowed("working", wn, Enum.GetNames<ConversationStep>())); wk = v; }
        OverdueAge? od = null;
        if (Blank(overdue) is { } on) { if (!TryEnum<OverdueAge>(on, out var v)) return (null, Allowed("overdue", on, Enum.GetNames<OverdueAge>())); od = v; }
        ObjectionType? lt = null;
        if (Blank(lostTo) is { } ln) { if (!TryEnum<ObjectionType>(ln, out var v)) return (null, Allowed("lostTo", ln, Enum.GetNames<ObjectionType>())); lt = v; }
        LifecycleStage? lc = null;
        if (Blank(lifecycle) is { } lcn) { if (!TryEnum<LifecycleStage>(lcn, out var v)) return (null, Allowed("lifecycle", lcn, Enum.GetNames<LifecycleStage>())); lc = v; }
        var (en, after, until, enteredError) = EnteredWindow.Parse(Blank(entered));
        if (enteredError is not null) return (null, enteredError);
        var (from, fromError) = Time("createdFrom", createdFrom);
        if (fromError is not null) return (null, fromError);
        var (to, toError) = Time("createdTo", createdTo);
        if (toError is not null) return (null, toError);
        bool? wonFilter = null;
        if (Blank(won) is { } wt) { if (!bool.TryParse(wt, out var v)) return (null, Allowed("won", wt, ["true", "false"])); wonFilter = v; }
        var query = new RecordQuery
        {
            Grade = Blank(grade) is { } g ? Grades.FirstOrDefault(x => string.Equals(x, g, StringComparison.OrdinalIgnoreCase)) ?? g : null,
            Entered = en, EnteredAfter = after, EnteredUntil = until,
            CreatedFrom = from, CreatedTo = to, Won = wonFilter, Tag = Blank(tag),
            Working = wk, Overdue = od, LostTo = lt, Lifecycle = lc,
            LostAt = Blank(lostAt) is { } la ? LostSteps.FirstOrDefault(x => string.Equals(x, la, StringComparison.OrdinalIgnoreCase)) ?? la : null,
            Kind = k, Search = Blank(q), Owner = Blank(owner), Team = Blank(team), Region = Blank(region), Stage = st, Channel = ch,
            Campaign = Blank(campaign), Status = js,
            Step = Blank(step) is { } s ? Steps.FirstOrDefault(x => string.Equals(x, s, StringComparison.OrdinalIgnoreCase)) ?? s : null,
            Sort = Blank(sort)?.ToLowerInvariant() ?? "activity", Descending = descending ?? true, Page = page ?? 1, PageSize = size ?? 50,
        };
        return query.Validate() is { } error ? (null, error) : (query, null);
    }

    /// <summary>The first thing wrong, or null.</summary>
    public string? Validate() =>
        !SortKeys.Contains(Sort) ? Allowed("sort", Sort, SortKeys)
        : Step is not null && !Steps.Contains(Step) ? Allowed("step", Step, Steps)
        : LostAt is not null && !LostSteps.Contains(LostAt) ? Allowed("lostAt", LostAt, LostSteps)
        : Grade is not null && !Grades.Contains(Grade) ? Allowed("grade", Grade, Grades)
        : Tag is not null && Organisations.LeadTagText.FilterProblem(Tag) is { } tagProblem ? tagProblem
        : CreatedFrom is { } from && CreatedTo is { } to && from >= to ? $"createdFrom ({from:O}) must be before createdTo ({to:O})"
        : Page < 1 ? $"page must be 1 or more (was {Page})"
        : PageSize is < 1 or > MaxPageSize ? $"size must be between 1 and {MaxPageSize} (was {PageSize})"
        : Search is { Length: > 200 } ? $"q must be at most 200 characters (was {Search.Length})"
        : null;

    /// <summary>A time from the address: a day (yyyy-MM-dd, midnight UTC) or an ISO 8601 time with its offset.</summary>
    static (DateTimeOffset? Time, string? Error) Time(string field, string? text) =>
        Blank(text) is not { } t ? (null, null)
        : DateTimeOffset.TryParse(t, System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.AssumeUniversal | System.Globalization.DateTimeStyles.AllowWhiteSpaces, out var at) ? (at, null)
        : (null, $"{field} '{t}' is not a date (yyyy-MM-dd) or a time (ISO 8601)");

    static bool TryEnum<T>(string text, out T value) where T : struct, Enum =>
        Enum.TryParse(text, ignoreCase: true, out value) && !int.TryParse(text, out _) && Enum.IsDefined(value);

    static string Allowed(string field, string was, IEnumerable<string> allowed) => $"{field} '{was}' must be one of {string.Join(", ", allowed)}";

    static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
