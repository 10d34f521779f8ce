using Growth.Domain.Journeys;

namespace Growth.Domain.Records;

/// <summary>Which records a list shows: leads (no opportunity yet), deals (open, won or lost) or customers (won, or churned).</summary>
public enum RecordKind { Leads, Deals, Customers }

/// <summary>
/// A search, filter, sort and page over one kind of record. Filters: owner (rep id), team, region, stage (funnel
/// stage), step ("Opened" or a conversation step), channel, campaign, status (journey status) and a search of the
/// customer's name, company or journey id (case-insensitive, any part). Ties of the sort are broken by journey id,
/// so pages never overlap.
/// </summary>
public sealed record RecordQuery
{
    public const int MaxPageSize = 500;
    public static readonly string[] SortKeys = ["name", "company", "owner", "value", "stage", "step", "created", "activity", "close", "since"];
    public static readonly string[] Steps = ["Opened", .. Enum.GetNames<ConversationStep>()];

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
    public string Sort { get; init; } = "activity";
    public bool Descending { get; init; } = true;
    /// <summary>1-based page.</summary>
    public int Page { get; init; } = 1;
    public int PageSize { get; init; } = 50;

    /// <summary>Rows a shard hands back for this page: every row up to the page's end (the merge then cuts the page).</summary>
    public int RowsThroughPage => (int)Math.Min(int.MaxValue, (long)Page * PageSize);

    /// <summary>A query from request text, or the first thing wrong with it (naming the field and the values it allows).</summary>
    public static (RecordQuery? Query, string? Error) Parse(string? kind, string? q, string? owner, string? team, string? region, string? stage,
        string? step, string? channel, string? campaign, string? status, string? sort, bool? descending, int? page, int? size)
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
        var query = new RecordQuery
        {
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
        : Page < 1 ? $"page must be 1 or more (was {Page})"
        : PageSize is < 1 or > MaxPageSize ? $"size must be between 1 and {MaxPageSize} (was {PageSize})"
        : Search is { Length: > 200 } ? $"q must be at most 200 characters (was {Search.Length})"
        : null;

    static bool TryEnum<T>(string text, out T value) where T : struct, Enum =>
        Enum.TryParse(text, ignoreCase: true, out value) && !int.TryParse(text, out _) && Enum.IsDefined(value);

    static string Allowed(string field, string was, IEnumerable<string> allowed) => $"{field} '{was}' must be one of {string.Join(", ", allowed)}";

    static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
