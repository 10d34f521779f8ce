using Growth.Domain.Access;

namespace Growth.Domain.Records;

/// <summary>What one shard found: how many of its rows matched and the first of them in the query's order (through the page asked for).</summary>
public sealed record RecordSlice(int Total, IReadOnlyList<CustomerRecord> Rows);

/// <summary>One page of the records a query matched, over every shard.</summary>
/// <param name="Total">Rows matched over every page.</param>
public sealed record RecordPage(int Total, int Page, int PageSize, int Pages, IReadOnlyList<CustomerRecord> Rows);

/// <summary>Filters, sorts and pages the record rows (pure): each shard cuts its own rows, the merge cuts the page.</summary>
public static class RecordList
{
    /// <summary>Whether <paramref name="row"/> is of the query's kind, inside <paramref name="scope"/> and matches every filter.</summary>
    public static bool Matches(CustomerRecord row, RecordQuery query, FigureScope scope)
    {
        var kind = query.Kind switch
        {
            RecordKind.Leads => row.IsLead,
            RecordKind.Deals => row.IsDeal,
            RecordKind.Customers => row.IsCustomer,
            _ => true,
        };
        return kind && scope.Includes(row.RegionId, row.TeamId, row.RepId)
            && (query.Owner is null || row.RepId == query.Owner)
            && (query.Team is null || row.TeamId == query.Team)
            && (query.Region is null || row.RegionId == query.Region)
            && (query.Stage is null || row.Stage == query.Stage)
            && (query.Step is null || StepName(row) == query.Step)
            && (query.Channel is null || row.Channel == query.Channel)
            && (query.Campaign is null || row.CampaignId == query.Campaign)
            && (query.Status is null || row.Status == query.Status)
            && (query.Working is not { } working || (row.IsDeal && !row.Existing && row.Status == Journeys.JourneyStatus.Prospect
                && Figures.Tally.PipelineStep(row.Step) == working))
            && (query.LostAt is null || (CountedLoss(row) && (row.LostStep?.ToString() ?? "Unknown") == query.LostAt))
            && (query.LostTo is null || (CountedLoss(row) && row.LostObjection == query.LostTo))
            && (query.Overdue is not { } age || ReceivableAge.AmountIn(row, age, query.AsOf ?? throw new ArgumentException("overdue needs the workspace's time (asOf)", nameof(query))) != 0)
            && (query.Lifecycle is not { } stage || AtLifecycle(row, stage))
            && (query.Entered is not { } entered || EnteredWindow.Holds(row, entered, query.EnteredAfter, query.EnteredUntil))
            && (query.Grade is null || (row.Grade?.ToString() ?? "None") == query.Grade)
            && (query.CreatedFrom is not { } from || row.CreatedAt >= from)
            && (query.CreatedTo is not { } to || row.CreatedAt < to)
            && (query.Won is not { } won || row.Won == won)
            && (query.Tag is not { } tag || Organisations.LeadTagText.Carries(row.Channel, row.CampaignId, row.Tags, tag))
            && (query.Search is not { } q || Found(q, row.Name, row.Company, row.JourneyId));
    }

    /// <summary>
    /// A customer (or churned one) at <paramref name="stage"/>, as the lifecycle figures count it (<see cref="Figures.Tally.Of"/>):
    /// acquired (every customer), activated, retained, upsold (an order after the first), referred (brought a customer), churned.
    /// </summary>
    public static bool AtLifecycle(CustomerRecord row, Journeys.LifecycleStage stage) => row.IsCustomer && stage switch
    {
        Journeys.LifecycleStage.Acquired => true,
        Journeys.LifecycleStage.Activated => row.Activated,
        Journeys.LifecycleStage.Retained => row.Retained,
        Journeys.LifecycleStage.Upsold => row.Repurchases > 0,
        Journeys.LifecycleStage.Referred => row.Referrals > 0,
        _ => row.Status == Journeys.JourneyStatus.Churned,
    };

    /// <summary>A new-business deal lost, as the loss figures count it (<see cref="Figures.Tally.Of"/>).</summary>
    static bool CountedLoss(CustomerRecord row) => row.IsDeal && !row.Existing && !row.Won && row.Status == Journeys.JourneyStatus.Lost;

    /// <summary>
    /// The lists' search: <paramref name="search"/> is any part of the customer's name, company or journey id, in any case
    /// (the record lists and the Pipeline page's deal list both search this way).
    /// </summary>
    public static bool Found(string search, string name, string company, string journeyId) =>
        name.Contains(search, StringComparison.OrdinalIgnoreCase) || company.Contains(search, StringComparison.OrdinalIgnoreCase)
        || journeyId.Contains(search, StringComparison.OrdinalIgnoreCase);

    /// <summary>"Opened" for a deal with no step passed yet, else the step's name; null for a lead.</summary>
    public static string? StepName(CustomerRecord row) => row.OpportunityAt is null ? null : row.Step?.ToString() ?? "Opened";

    /// <summary>
    /// A shard's cut: how many of <paramref name="rows"/> match and the first <paramref name="limit"/> of them in the
    /// query's order (a bounded heap: one pass, no sort of every match).
    /// </summary>
    public static RecordSlice Slice(IEnumerable<CustomerRecord> rows, RecordQuery query, FigureScope scope, int limit)
    {
        if (query.Validate() is { } error) throw new ArgumentException(error, nameof(query));
        var order = Order(query);
        // Max-heap of the best `limit` rows: the root is the worst kept, replaced by anything better.
        var heap = new PriorityQueue<CustomerRecord, CustomerRecord>(Comparer<CustomerRecord>.Create((a, b) => order.Compare(b, a)));
        var total = 0;
        foreach (var row in rows)
        {
            if (!Matches(row, query, scope)) continue;
            total++;
            if (limit <= 0) continue;
            if (heap.Count < limit) heap.Enqueue(row, row);
            else if (order.Compare(row, heap.Peek()) < 0) heap.DequeueEnqueue(row, row);
        }
        var kept = new List<CustomerRecord>(heap.Count);
        while (heap.Count > 0) kept.Add(heap.Dequeue());
        kept.Reverse();
        return new RecordSlice(total, kept);
    }

    /// <summary>The page of <paramref name="query"/> from every shard's slice.</summary>
    public static RecordPage Merge(IEnumerable<RecordSlice> slices, RecordQuery query)
    {
        var all = slices.ToList();
        var total = all.Sum(s => s.Total);
        var rows = all.SelectMany(s => s.Rows).Order(Order(query)).Skip((query.Page - 1) * query.PageSize).Take(query.PageSize).ToList();
        return new RecordPage(total, query.Page, query.PageSize, Math.Max(1, (total + query.PageSize - 1) / query.PageSize), rows);
    }

    /// <summary>Every matching row of every slice, in the query's order (the CSV: all rows, not one page).</summary>
    public static IReadOnlyList<CustomerRecord> All(IEnumerable<RecordSlice> slices, RecordQuery query) =>
        slices.SelectMany(s => s.Rows).Order(Order(query)).ToList();

    /// <summary>The query's order, ties broken by journey id (ordinal), so pages never overlap.</summary>
    public static IComparer<CustomerRecord> Order(RecordQuery query)
    {
        var sign = query.Descending ? -1 : 1;
        Comparison<CustomerRecord> key = query.Sort switch
        {
            "name" => (a, b) => string.Compare(a.Display, b.Display, StringComparison.OrdinalIgnoreCase),
            "company" => (a, b) => string.Compare(a.Company, b.Company, StringComparison.OrdinalIgnoreCase),
            "owner" => (a, b) => string.CompareOrdinal(a.RepId, b.RepId),
            "value" => (a, b) => a.Value.CompareTo(b.Value),
            "stage" => (a, b) => Nullable.Compare(a.Stage, b.Stage),
            "step" => (a, b) => Nullable.Compare(a.Step, b.Step),
            "created" => (a, b) => Nullable.Compare(a.CreatedAt, b.CreatedAt),
            "close" => (a, b) => Nullable.Compare(a.ClosedAt ?? a.ExpectedCloseAt, b.ClosedAt ?? b.ExpectedCloseAt),
            "since" => (a, b) => Nullable.Compare(a.StepAt, b.StepAt),
            _ => (a, b) => Nullable.Compare(a.LastActivityAt, b.LastActivityAt),
        };
        return Comparer<CustomerRecord>.Create((a, b) =>
        {
            var c = sign * key(a, b);
            return c != 0 ? c : string.CompareOrdinal(a.JourneyId, b.JourneyId);
        });
    }
}
