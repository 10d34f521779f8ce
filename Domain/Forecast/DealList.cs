using Growth.Domain.Journeys;

namespace Growth.Domain.Forecast;

/// <summary>
/// A filter, sort and page over the open deals. Filters: owner (rep id), team (team id), step ("Opened" or a conversation step),
/// category (Pipeline, BestCase, Commit) and a search of the customer: any part of its name, company or journey id, in any
/// case (<see cref="Records.RecordList.Found"/>, as the record lists search). "customer" sorts by the name shown (<see cref="Deal.Display"/>).
/// Ties of the sort are broken by journey id, so pages never overlap.
/// </summary>
public sealed record DealQuery
{
    public const int MaxPageSize = 500;
    public static readonly string[] SortKeys = ["customer", "owner", "value", "step", "days", "close", "pushed", "category", "followups", "activity"];
    /// <summary>Step names a filter may ask for: "Opened" (no step passed yet) and every conversation step.</summary>
    public static readonly string[] Steps = ["Opened", .. Enum.GetNames<ConversationStep>()];
    public static readonly ForecastCategory[] OpenCategories = [ForecastCategory.Pipeline, ForecastCategory.BestCase, ForecastCategory.Commit];

    public string? Owner { get; init; }
    /// <summary>Team id (a chart's bar opens its team's deals).</summary>
    public string? Team { get; init; }
    public string? Step { get; init; }
    public ForecastCategory? Category { get; init; }
    public string? Search { get; init; }
    public string Sort { get; init; } = "close";
    public bool Descending { get; init; }
    /// <summary>1-based page.</summary>
    public int Page { get; init; } = 1;
    public int PageSize { get; init; } = 50;

    /// <summary>A query from request text, or the first thing wrong with it (naming the field and what it allows).</summary>
    public static (DealQuery? Query, string? Error) Parse(string? owner, string? step, string? category, string? search, string? sort, bool? descending, int? page, int? pageSize)
    {
        ForecastCategory? parsed = null;
        if (!string.IsNullOrWhiteSpace(category))
        {
            if (!Enum.TryParse<ForecastCategory>(category.Trim(), ignoreCase: true, out var c) || !OpenCategories.Contains(c) || int.TryParse(category, out _))
                return (null, $"category '{category}' must be one of {string.Join(", ", OpenCategories)}");
            parsed = c;
        }
        var query = new DealQuery
        {
            Owner = Blank(owner), Category = parsed, Search = Blank(search),
            Step = Blank(step) is { } s ? Steps.FirstOrDefault(x => string.Equals(x, s, StringComparison.OrdinalIgnoreCase)) ?? s : null,
            Sort = Blank(sort)?.ToLowerInvariant() ?? "close", Descending = descending ?? false, Page = page ?? 1, PageSize = pageSize ?? 50,
        };
        return query.Validate() is { } error ? (null, error) : (query, null);
    }

    /// <summary>The first thing wrong, or null.</summary>
    public string? Validate() =>
        !SortKeys.Contains(Sort) ? $"sort '{Sort}' must be one of {string.Join(", ", SortKeys)}"
        : Step is not null && !Steps.Contains(Step) ? $"step '{Step}' must be one of {string.Join(", ", Steps)}"
        : Category is { } c && !OpenCategories.Contains(c) ? $"category '{c}' must be one of {string.Join(", ", OpenCategories)}"
        : Page < 1 ? $"page must be 1 or more (was {Page})"
        : PageSize is < 1 or > MaxPageSize ? $"size must be between 1 and {MaxPageSize} (was {PageSize})"
        : Search is { Length: > 200 } ? $"q must be at most 200 characters (was {Search.Length})"
        : null;

    static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}

/// <summary>One page of the deals a query matched.</summary>
/// <param name="Total">Deals matched over every page.</param>
/// <param name="Owners">Owner id → name, for the deals on the page.</param>
public sealed record DealPage(int Total, int Page, int PageSize, int Pages, IReadOnlyList<Deal> Deals, IReadOnlyDictionary<string, string> Owners);

/// <summary>Filters, sorts and pages deals (pure).</summary>
public static class DealList
{
    /// <summary>Every deal of <paramref name="deals"/> <paramref name="query"/> matches, in its order (the CSV: all rows, not one page).</summary>
    public static IReadOnlyList<Deal> Matching(IEnumerable<Deal> deals, DealQuery query, IReadOnlyDictionary<string, string> ownerNames)
    {
        if (query.Validate() is { } error) throw new ArgumentException(error, nameof(query));
        string Owner(Deal d) => d.RepId is { } r ? ownerNames.GetValueOrDefault(r, r) : "";
        var matched = deals.Where(d => d.IsOpen
            && (query.Owner is null || d.RepId == query.Owner)
            && (query.Team is null || d.TeamId == query.Team)
            && (query.Step is null || StepName(d.Step) == query.Step)
            && (query.Category is null || d.Category == query.Category)
            && (query.Search is null || Records.RecordList.Found(query.Search, d.Name, d.Company, d.JourneyId)));
        IOrderedEnumerable<Deal> sorted = query.Sort switch
        {
            "customer" => By(matched, d => d.Display, StringComparer.OrdinalIgnoreCase, query.Descending),
            "owner" => By(matched, Owner, StringComparer.OrdinalIgnoreCase, query.Descending),
            "value" => By(matched, d => d.Amount, Comparer<decimal>.Default, query.Descending),
            "step" => By(matched, d => d.Level, Comparer<int>.Default, query.Descending),
            "days" => By(matched, d => d.DaysInStep, Comparer<double>.Default, query.Descending),
            "pushed" => By(matched, d => d.Pushes, Comparer<int>.Default, query.Descending),
            "category" => By(matched, d => d.Category, Comparer<ForecastCategory>.Default, query.Descending),
            "followups" => By(matched, d => d.FollowUps, Comparer<int>.Default, query.Descending),
            "activity" => By(matched, d => d.LastActivityAt ?? DateTimeOffset.MinValue, Comparer<DateTimeOffset>.Default, query.Descending),
            _ => By(matched, d => d.ExpectedCloseAt, Comparer<DateTimeOffset>.Default, query.Descending),
        };
        return sorted.ThenBy(d => d.JourneyId, StringComparer.Ordinal).ToList();
    }

    /// <summary>The page <paramref name="query"/> asks for (an empty page past the last).</summary>
    public static DealPage Page(IEnumerable<Deal> deals, DealQuery query, IReadOnlyDictionary<string, string> ownerNames)
    {
        var all = Matching(deals, query, ownerNames);
        var rows = all.Skip((query.Page - 1) * query.PageSize).Take(query.PageSize).ToList();
        var owners = rows.Where(d => d.RepId is not null).Select(d => d.RepId!).Distinct(StringComparer.Ordinal)
            .ToDictionary(r => r, r => ownerNames.GetValueOrDefault(r, r), StringComparer.Ordinal);
        return new DealPage(all.Count, query.Page, query.PageSize, (all.Count + query.PageSize - 1) / query.PageSize, rows, owners);
    }

    /// <summary>"Opened" for a deal past no step yet, else the step's name.</summary>
    public static string StepName(ConversationStep? step) => step?.ToString() ?? "Opened";

    static IOrderedEnumerable<Deal> By<T>(IEnumerable<Deal> deals, Func<Deal, T> key, IComparer<T> comparer, bool descending) =>
        descending ? deals.OrderByDescending(key, comparer) : deals.OrderBy(key, comparer);
}
