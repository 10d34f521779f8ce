using System.Text.Json;
using Growth.Domain.Access;
using Growth.Domain.Journeys;
using Growth.Domain.Pool;
using Growth.Domain.Randomness;
using Growth.Domain.Records;
using Growth.Domain.Simulation;

namespace Growth.Domain.Tests.Records;

/// <summary>
/// A shard's compact rows (<see cref="CompactRecords"/>) answer the record lists, the pool and the deals exactly as the
/// rows kept whole and named did (<see cref="CustomerRecord.Named"/>, <see cref="RecordList.Slice"/>, <see cref="LeadPoolView.Slice"/>);
/// a simulated customer's name is drawn again from its seed, not kept; the data's name is kept; erasure blanks it for good.
/// </summary>
public class CompactRecordsTests
{
    static readonly DateTimeOffset T0 = new(2026, 1, 5, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Rows as journeys send them: simulated ones unnamed with a seed, some named by their data, a few not compact.</summary>
    static List<CustomerRecord> Rows(int count)
    {
        var rng = new Prng(5);
        var rows = new List<CustomerRecord>();
        for (var i = 0; i < count; i++)
        {
            var (r, t) = (1 + rng.Next(2), 1 + rng.Next(3));
            var kind = rng.Uniform(0, 1);
            var deal = kind >= 0.5;
            var customer = kind >= 0.85;
            var status = customer ? (rng.Chance(0.2) ? JourneyStatus.Churned : JourneyStatus.Customer)
                : deal ? (rng.Chance(0.6) ? JourneyStatus.Prospect : JourneyStatus.Lost) : rng.Chance(0.8) ? JourneyStatus.Prospect : JourneyStatus.Disqualified;
            var created = T0.AddDays(rng.Uniform(0, 90));
            var assigned = rng.Chance(0.8) ? created.AddHours(rng.Uniform(0, 30)) : (DateTimeOffset?)null;
            var data = rng.Chance(0.2);
            var row = new CustomerRecord
            {
                JourneyId = $"j-{i:D5}", Name = data ? $"Data Smith {i}" : "", Company = data && rng.Chance(0.5) ? $"Firm {i % 7}" : "",
                NameSeed = data ? null : Prng.Derive(CustomerRecord.NameSeedBase, $"j-{i:D5}"), Status = status,
                Stage = customer ? FunnelStage.Payment : deal ? FunnelStage.Opportunity : FunnelStage.Lead,
                Step = deal ? (ConversationStep)rng.Next(6) : null, RegionId = $"region-{r}", TeamId = $"team-{r}-{t}", RepId = rng.Chance(0.9) ? $"rep-{r}-{t}-{1 + rng.Next(4)}" : null,
                Channel = (Channel)rng.Next(6), CampaignId = rng.Chance(0.7) ? $"campaign-{1 + rng.Next(5)}" : null,
                Value = deal ? Math.Round((decimal)rng.LogNormal(20_000, 0.6), 2) : 0, OpportunityValue = deal ? 1000.5m : 0, CreatedAt = created,
                AssignedAt = assigned, StepAt = assigned ?? created, OpportunityAt = deal ? created.AddDays(rng.Uniform(1, 30)) : null,
                LastActivityAt = created.AddDays(rng.Uniform(0, 60)), FirstContactAt = rng.Chance(0.5) ? created.AddHours(40) : null,
                InPool = !deal && rng.Chance(0.2), Returns = rng.Chance(0.2) ? 1 : 0, PoolReason = rng.Chance(0.1) ? "unanswered follow-ups" : null,
                Existing = rng.Chance(0.05), Won = customer, Activated = customer && rng.Chance(0.5), Repurchases = customer ? rng.Next(3) : 0,
                // Lead tags as a journey keeps them: a segment, sometimes a custom tag ("tag:key" must not match "tag:key-account").
                Tags = rng.Chance(0.8) ? (rng.Chance(0.4) ? "segment:direct" : "segment:distributor") + (rng.Chance(0.3) ? ";tag:key-account" : rng.Chance(0.2) ? ";tag:key" : "") : null,
            };
            // A third of the rows with every date a whole second (as a CRM's are): their dates are kept as seconds, the others' as ticks.
            if (i % 3 == 1) row = WholeSeconds(row);
            // A few rows the compact form cannot hold (a date not in UTC): kept whole, read the same.
            if (i % 97 == 0) row = row with { LastActivityAt = row.LastActivityAt!.Value.ToOffset(TimeSpan.FromHours(8)) };
            rows.Add(row);
        }
        return rows;
    }

    static CustomerRecord WholeSeconds(CustomerRecord r)
    {
        static DateTimeOffset? Cut(DateTimeOffset? d) => d is { } v ? new DateTimeOffset(v.UtcTicks - v.UtcTicks % TimeSpan.TicksPerSecond, TimeSpan.Zero) : null;
        return r with
        {
            CreatedAt = Cut(r.CreatedAt), AssignedAt = Cut(r.AssignedAt), StepAt = Cut(r.StepAt), OpportunityAt = Cut(r.OpportunityAt),
            LastActivityAt = Cut(r.LastActivityAt), FirstContactAt = Cut(r.FirstContactAt),
        };
    }

    static (CompactRecords Compact, List<CustomerRecord> Whole) Both(IEnumerable<CustomerRecord> rows, string locale)
    {
        var compact = new CompactRecords { Locale = locale };
        var whole = new Dictionary<string, CustomerRecord>();
        foreach (var row in rows)
        {
            compact.Keep(row);
            whole[row.JourneyId] = row.Named(whole.GetValueOrDefault(row.JourneyId), locale);
        }
        return (compact, whole.Values.ToList());
    }

    static string Json(object o) => JsonSerializer.Serialize(o);

    static readonly string[] Queries = ["team", "search", "name", "company", "leads", "customers", "scope", "owner", "campaign", "lifecycle", "every journey", "page 3",
        "value up", "stage", "step", "activity", "close up", "won", "created window", "company search", "id search", "nothing kept",
        "tag segment", "tag custom", "tag source", "tag campaign", "tag none"];

    static RecordQuery Query(string name) => name switch
    {
        "team" => new() { Kind = RecordKind.Deals, Team = "team-2-3", Status = JourneyStatus.Prospect, Sort = "value" },
        "search" => new() { Kind = RecordKind.Deals, Search = "smith", Sort = "name", Descending = false },
        "name" => new() { Kind = RecordKind.Leads, Sort = "name", Descending = false, PageSize = 100 },
        "company" => new() { Kind = RecordKind.Customers, Sort = "company" },
        "leads" => new() { Kind = RecordKind.Leads, Stage = FunnelStage.Lead, Channel = Channel.Content },
        "customers" => new() { Kind = RecordKind.Customers, Status = JourneyStatus.Churned, Sort = "created" },
        "scope" => new() { Kind = RecordKind.Deals, Region = "region-1", Sort = "since" },
        "owner" => new() { Kind = RecordKind.Deals, Owner = "rep-1-2-3", Sort = "close" },
        "campaign" => new() { Kind = RecordKind.Leads, Campaign = "campaign-2", Search = "j-00" },
        "lifecycle" => new() { Kind = RecordKind.Customers, Lifecycle = LifecycleStage.Upsold },
        "every journey" => new() { Kind = RecordKind.All, Sort = "created", PageSize = 200 },
        "value up" => new() { Kind = RecordKind.All, Sort = "value", Descending = false, PageSize = 40 },
        "stage" => new() { Kind = RecordKind.All, Sort = "stage", PageSize = 30 },
        "step" => new() { Kind = RecordKind.Deals, Sort = "step", Descending = false, Step = "Rapport" },
        "activity" => new() { Kind = RecordKind.Deals, Region = "region-2", Status = JourneyStatus.Lost },
        "close up" => new() { Kind = RecordKind.Customers, Sort = "close", Descending = false },
        "won" => new() { Kind = RecordKind.Deals, Won = true, Sort = "value" },
        "created window" => new() { Kind = RecordKind.Leads, CreatedFrom = T0.AddDays(10), CreatedTo = T0.AddDays(40), Sort = "company", Descending = false },
        "company search" => new() { Kind = RecordKind.All, Search = "firm 3", Sort = "value" },
        "id search" => new() { Kind = RecordKind.Deals, Search = "j-002", Sort = "name" },
        "nothing kept" => new() { Kind = RecordKind.Deals, Sort = "value", PageSize = 1, Page = 1, Team = "team-1-1" },
        "tag segment" => LeadPoolView.TagQuery("segment:distributor") with { Sort = "name" },
        "tag custom" => new() { Kind = RecordKind.All, Tag = "tag:key", Sort = "created" },
        "tag source" => LeadPoolView.TagQuery("source:referral"),
        "tag campaign" => new() { Kind = RecordKind.Leads, Tag = "campaign:campaign-3", Sort = "value" },
        "tag none" => new() { Kind = RecordKind.Deals, Tag = "segment:nowhere" },
        _ => new() { Kind = RecordKind.Deals, Page = 3, PageSize = 20, Sort = "owner" },
    };

    [Theory]
    [InlineData(PersonaNames.EnglishLocale)]
    [InlineData(PersonaNames.ChineseLocale)]
    public void A_list_from_compact_rows_is_the_list_from_whole_named_rows(string locale)
    {
        var (compact, whole) = Both(Rows(600), locale);
        foreach (var name in Queries)
        {
            var query = Query(name);
            foreach (var scope in new[] { FigureScope.Full, new FigureScope(false, ["team-1-2", "rep-2-1-1"]) })
            {
                var expected = RecordList.Slice(whole, query, scope, query.RowsThroughPage);
                var actual = compact.Slice(query, scope, query.RowsThroughPage);
                Assert.True(expected.Total > 0 || !scope.All || name == "tag none", $"{name}: nothing matched, the test proves nothing");
                Assert.Equal(expected.Total, actual.Total);
                Assert.Equal(expected.Rows, actual.Rows);
            }
        }
    }

    /// <summary>
    /// The first page ranked on compact fields (<see cref="CompactRecords.Slice"/>) is the page got by expanding every
    /// candidate (<see cref="CompactRecords.SliceExpandingEach"/>) and the page of whole named rows, for every sort key both
    /// ways, over rows kept compact, rows kept whole, names drawn and not yet drawn, and erased rows.
    /// </summary>
    [Theory]
    [InlineData(PersonaNames.EnglishLocale)]
    [InlineData(PersonaNames.ChineseLocale)]
    public void Ranking_compact_rows_gives_the_page_expanding_every_row_gives(string locale)
    {
        foreach (var sort in RecordQuery.SortKeys)
            foreach (var descending in new[] { true, false })
            {
                // Fresh rows per sort: names not drawn yet, as in a shard just activated; some erased.
                var (fast, whole) = Both(Rows(500), locale);
                var (reference, _) = Both(Rows(500), locale);
                foreach (var id in whole.Where(r => r.JourneyId.EndsWith('7')).Select(r => r.JourneyId).ToList())
                {
                    fast.Erase(id);
                    reference.Erase(id);
                    whole[whole.FindIndex(r => r.JourneyId == id)] = whole.First(r => r.JourneyId == id).Blanked();
                }
                foreach (var query in new RecordQuery[]
                {
                    new() { Kind = RecordKind.All, Sort = sort, Descending = descending, PageSize = 25 },
                    new() { Kind = RecordKind.Deals, Sort = sort, Descending = descending, Status = JourneyStatus.Prospect, PageSize = 10 },
                    new() { Kind = RecordKind.All, Sort = sort, Descending = descending, Search = "a", PageSize = 15 },
                })
                {
                    var expected = RecordList.Slice(whole, query, FigureScope.Full, query.RowsThroughPage);
                    var before = reference.SliceExpandingEach(query, FigureScope.Full, query.RowsThroughPage);
                    var now = fast.Slice(query, FigureScope.Full, query.RowsThroughPage);
                    Assert.True(expected.Total > query.PageSize, $"{sort}: too few rows match to rank");
                    Assert.Equal(expected.Total, before.Total);
                    Assert.Equal(expected.Rows, before.Rows);
                    Assert.Equal(expected.Total, now.Total);
                    Assert.Equal(expected.Rows, now.Rows);
                }
            }
    }

    [Fact]
    public void The_pool_and_the_deals_from_compact_rows_are_those_from_whole_named_rows()
    {
        var (compact, whole) = Both(Rows(600), PersonaNames.EnglishLocale);
        foreach (var scope in new[] { FigureScope.Full, new FigureScope(false, ["region-2"]) })
            Assert.Equal(Json(LeadPoolView.Slice(whole, scope, T0.AddDays(60), 48, 25)), Json(compact.Pool(scope, T0.AddDays(60), 48, 25)));
        var deals = whole.Select(r => r.DealState()).OfType<JourneyState>().OrderBy(s => s.Id, StringComparer.Ordinal).Select(Json).ToList();
        Assert.True(deals.Count > 200);
        Assert.Equal(deals, compact.Deals().Select(r => r.DealState()!).OrderBy(s => s.Id, StringComparer.Ordinal).Select(Json).ToList());
    }

    [Fact]
    public void A_simulated_customers_name_is_drawn_from_its_seed_not_kept_and_the_datas_name_is_kept()
    {
        var rows = new CompactRecords { Locale = PersonaNames.ChineseLocale };
        var simulated = new CustomerRecord { JourneyId = "j-1", NameSeed = 99, Status = JourneyStatus.Customer };
        var data = new CustomerRecord { JourneyId = "crm-1", Name = "Li Wei", Company = "Acme", NameSeed = 5, Status = JourneyStatus.Customer };
        rows.Keep(simulated);
        rows.Keep(data);
        Assert.False(rows.Keeps("j-1"));
        var face = PersonaNames.For(99, PersonaNames.ChineseLocale);
        Assert.Equal((face.Contact, face.Company), (rows.Get("j-1")!.Name, rows.Get("j-1")!.Company));
        // Once handed out by name, the drawn name is kept (drawn once per activation, as whole rows were).
        Assert.True(rows.Keeps("j-1"));
        Assert.Equal(("Li Wei", "Acme"), (rows.Get("crm-1")!.Name, rows.Get("crm-1")!.Company));
        // A later row without a name keeps the data's name (as CustomerRecord.Named does), and a drawn name the row's seed no longer gives.
        rows.Keep(data with { Name = "", Company = "", FollowUps = 3 });
        rows.Keep(simulated with { NameSeed = null, Returns = 1 });
        Assert.Equal(("Li Wei", 3), (rows.Get("crm-1")!.Name, rows.Get("crm-1")!.FollowUps));
        Assert.Equal((face.Contact, 1), (rows.Get("j-1")!.Name, rows.Get("j-1")!.Returns));
    }

    [Fact]
    public void An_erased_customer_shows_no_name_again_even_when_a_later_row_comes()
    {
        var rows = new CompactRecords { Locale = PersonaNames.EnglishLocale };
        rows.Keep(new CustomerRecord { JourneyId = "crm-2", Name = "Li Wei", Company = "Acme", Status = JourneyStatus.Customer });
        rows.Keep(new CustomerRecord { JourneyId = "j-2", NameSeed = 7, Status = JourneyStatus.Customer });
        Assert.True(rows.Erase("crm-2"));
        Assert.True(rows.Erase("j-2"));
        Assert.False(rows.Erase("j-unknown"));
        foreach (var id in new[] { "crm-2", "j-2" })
        {
            var row = rows.Get(id)!;
            Assert.Equal(("", "", true, (ulong?)null, id), (row.Name, row.Company, row.Erased, row.NameSeed, row.Display));
        }
        // The journey's next row says erased (its state does): still no name, even one the row wrongly carries.
        rows.Keep(new CustomerRecord { JourneyId = "crm-2", Name = "Li Wei", Erased = true, Status = JourneyStatus.Churned });
        Assert.Equal(("", JourneyStatus.Churned), (rows.Get("crm-2")!.Name, rows.Get("crm-2")!.Status));
        Assert.Equal(0, rows.Slice(new RecordQuery { Kind = RecordKind.Customers, Search = "Li Wei" }, FigureScope.Full, 50).Total);
    }

    [Fact]
    public void A_row_keeps_the_id_string_its_shard_already_holds()
    {
        var rows = new CompactRecords();
        var held = new string("j-4");
        rows.Keep(new CustomerRecord { JourneyId = new string("j-4"), NameSeed = 4 }, held);
        rows.Keep(new CustomerRecord { JourneyId = new string("j-4"), NameSeed = 4, FollowUps = 2 }, new string("j-4"));
        var row = rows.Get("j-4")!;
        Assert.Equal(2, row.FollowUps);
        Assert.Same(held, row.JourneyId);
    }

    [Theory]
    [InlineData(PersonaNames.EnglishLocale)]
    [InlineData(PersonaNames.ChineseLocale)]
    public void A_drawer_reseeded_per_face_draws_the_names_a_new_faker_draws(string locale)
    {
        var drawer = new PersonaNames.Drawer(locale);
        for (var seed = 1UL; seed <= 400; seed++)
        {
            var face = PersonaNames.For(seed * 7_919_000_003UL, locale);
            Assert.Equal((face.Contact, face.Company), drawer.Names(seed * 7_919_000_003UL));
        }
    }

    [Fact]
    public void No_name_is_drawn_while_the_locale_is_not_known()
    {
        var rows = new CompactRecords();
        rows.Keep(new CustomerRecord { JourneyId = "j-3", NameSeed = 11, Status = JourneyStatus.Customer });
        Assert.Equal("", rows.Get("j-3")!.Name);
        rows.Locale = PersonaNames.EnglishLocale;
        Assert.Equal(PersonaNames.For(11).Contact, rows.Get("j-3")!.Name);
    }
}
