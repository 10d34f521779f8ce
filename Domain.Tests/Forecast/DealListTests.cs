using Growth.Domain.Forecast;
using static Growth.Domain.Tests.Forecast.ForecastTestData;

namespace Growth.Domain.Tests.Forecast;

public class DealListTests
{
    static readonly Dictionary<string, string> Names = new() { ["a"] = "Ann", ["b"] = "Bo", ["c"] = "Cy" };

    /// <summary>30 open deals: customer-00..29, owners a/b/c in turn, levels 1..3, value 100 × (i + 1); and one won deal.</summary>
    static List<Deal> Deals() =>
    [
        .. Enumerable.Range(0, 30).Select(i => OpenDeal($"customer-{i:00}", "abc"[i % 3].ToString(), 100 * (i + 1),
            (ForecastCategory)(i % 3), T0.AddDays(30 - i), level: 1 + i % 3)),
        Closed("customer-won", "a", won: true, level: 6, ageDays: 10),
    ];

    static DealQuery Query(string? owner = null, string? step = null, string? category = null, string? q = null, string? sort = null,
        bool? desc = null, int? page = null, int? size = null) =>
        DealQuery.Parse(owner, step, category, q, sort, desc, page, size) is ({ } query, null) ? query : throw new InvalidOperationException("refused");

    [Fact]
    public void Pages_cover_every_matching_deal_once_in_order()
    {
        var query = Query(sort: "value", desc: true, size: 7);
        var seen = new List<Deal>();
        var first = DealList.Page(Deals(), query, Names);
        Assert.Equal((30, 5), (first.Total, first.Pages));
        for (var p = 1; p <= first.Pages; p++) seen.AddRange(DealList.Page(Deals(), query with { Page = p }, Names).Deals);
        Assert.Equal(Enumerable.Range(0, 30).Reverse().Select(i => $"customer-{i:00}"), seen.Select(d => d.JourneyId));
        Assert.Equal(2, DealList.Page(Deals(), query with { Page = 5 }, Names).Deals.Count);
        Assert.Empty(DealList.Page(Deals(), query with { Page = 6 }, Names).Deals);
        Assert.Equal("Ann", first.Owners["a"]);
    }

    [Fact]
    public void Filters_by_owner_step_category_and_customer_name()
    {
        IEnumerable<string> Ids(DealQuery q) => DealList.Matching(Deals(), q, Names).Select(d => d.JourneyId);
        Assert.Equal(10, Ids(Query(owner: "b")).Count());
        Assert.All(DealList.Matching(Deals(), Query(owner: "b"), Names), d => Assert.Equal("b", d.RepId));
        // Level 2: Rapport passed.
        var step = DealList.StepName(Growth.Domain.Journeys.ConversationStep.Rapport);
        Assert.All(DealList.Matching(Deals(), Query(step: step.ToLowerInvariant()), Names), d => Assert.Equal(2, d.Level));
        Assert.Equal(10, Ids(Query(step: step)).Count());
        Assert.Equal(10, Ids(Query(category: "commit")).Count());
        Assert.Empty(Ids(Query(owner: "a", category: "BestCase")).Intersect(Ids(Query(owner: "b"))));
        Assert.Equal(["customer-02", "customer-12", .. Enumerable.Range(20, 10).Select(i => $"customer-{i}")], Ids(Query(q: "2", sort: "customer")));
        Assert.Equal(["customer-07"], Ids(Query(q: "MER-07")));
        // The won deal is never listed.
        Assert.Empty(Ids(Query(q: "won")));
    }

    [Fact]
    public void A_deal_is_found_by_its_customers_name_or_company_and_sorted_by_the_name_shown()
    {
        // Every third deal has a name and a company; the rest only an id (data that named nobody).
        var deals = Deals().Select((d, i) => i % 3 == 0 ? d with { Name = $"Zoë Müller {i:00}", Company = i < 15 ? "Acme Ltd" : "Bright Co" } : d).ToList();
        IEnumerable<string> Ids(DealQuery q) => DealList.Matching(deals, q, Names).Select(d => d.JourneyId);
        Assert.Equal(["customer-12"], Ids(Query(q: "müller 12")));
        Assert.Equal(["customer-00", "customer-03", "customer-06", "customer-09", "customer-12"], Ids(Query(q: "ACME", sort: "customer")));
        Assert.Equal(5, DealList.Page(deals, Query(q: "bright co"), Names).Total);
        // The id still finds a named deal; a name that is nobody's finds nothing.
        Assert.Equal(["customer-03"], Ids(Query(q: "customer-03")));
        Assert.Empty(Ids(Query(q: "Nobody")));
        // "customer" sorts by what the list shows: a named deal by its name, the rest by their id.
        var shown = DealList.Matching(deals, Query(sort: "customer"), Names).Select(d => d.Display).ToList();
        Assert.Equal(shown.Order(StringComparer.OrdinalIgnoreCase), shown);
        Assert.Equal("Zoë Müller 27", shown[^1]);
    }

    [Fact]
    public void Sorts_by_each_column_with_ties_broken_by_customer()
    {
        Assert.Equal("customer-29", DealList.Matching(Deals(), Query(), Names)[0].JourneyId);
        var byOwner = DealList.Matching(Deals(), Query(sort: "owner"), Names);
        Assert.Equal(["customer-00", "customer-03"], byOwner.Take(2).Select(d => d.JourneyId));
        foreach (var key in DealQuery.SortKeys) Assert.Equal(30, DealList.Matching(Deals(), Query(sort: key, desc: true), Names).Count);
    }

    [Fact]
    public void Bad_queries_are_refused_naming_the_field_and_what_it_allows()
    {
        Assert.Contains("sort 'size' must be one of customer, owner, value", DealQuery.Parse(null, null, null, null, "size", null, null, null).Error);
        Assert.Contains("step 'Dancing' must be one of Opened", DealQuery.Parse(null, "Dancing", null, null, null, null, null, null).Error);
        Assert.Equal("category 'Closed' must be one of Pipeline, BestCase, Commit", DealQuery.Parse(null, null, "Closed", null, null, null, null, null).Error);
        Assert.Equal("category '2' must be one of Pipeline, BestCase, Commit", DealQuery.Parse(null, null, "2", null, null, null, null, null).Error);
        Assert.Equal("page must be 1 or more (was 0)", DealQuery.Parse(null, null, null, null, null, null, 0, null).Error);
        Assert.Equal("size must be between 1 and 500 (was 501)", DealQuery.Parse(null, null, null, null, null, null, null, 501).Error);
    }
}
