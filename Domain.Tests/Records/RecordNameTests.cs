using Growth.Domain.Import;
using Growth.Domain.Journeys;
using Growth.Domain.Privacy;
using Growth.Domain.Records;
using Growth.Domain.Simulation;
using Growth.Domain.Tests.Import;

namespace Growth.Domain.Tests.Records;

/// <summary>
/// Whose name a record list shows: the CRM's for imported and ingested journeys (never an invented one), the journey id
/// when the data names nobody, a seeded face for simulated customers, in Chinese for a Chinese workspace.
/// </summary>
public class RecordNameTests
{
    static readonly DateTimeOffset T0 = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    static JourneyEvent Created(string id, string? contact = null, string? company = null) =>
        new() { Id = id + ":created", Kind = EventKind.LeadCreated, At = T0, ContactName = contact, CompanyName = company };

    static JourneyState Apply(string journeyId, params JourneyEvent[] events)
    {
        var t = JourneyTransitions.ApplyAll(new JourneyState { Id = journeyId }, events);
        Assert.True(t.Accepted, t.Error);
        return t.State;
    }

    [Fact]
    public void An_ingested_journey_is_listed_by_the_name_and_company_its_events_carry()
    {
        var state = Apply("crm-17", Created("crm-17", " Li Wei ", "Acme Robotics"));
        // Even with a seed (as a simulated journey would have) the data's name wins: nothing is invented over it.
        var row = CustomerRecord.Of(state, nameSeed: 42, erased: false).Named(null);
        Assert.Equal(("Li Wei", "Acme Robotics"), (row.Name, row.Company));
        Assert.Equal("Li Wei", row.Display);
    }

    [Fact]
    public void A_later_event_renames_and_an_event_without_a_name_keeps_it()
    {
        var state = Apply("crm-18", Created("crm-18", "Ann Lee", "Old Name Ltd"),
            new JourneyEvent { Id = "crm-18:a", Kind = EventKind.Contacted, At = T0.AddHours(1) },
            new JourneyEvent { Id = "crm-18:b", Kind = EventKind.Contacted, At = T0.AddHours(2), CompanyName = "New Name Ltd", ContactName = "  " });
        Assert.Equal(("Ann Lee", "New Name Ltd"), (state.ContactName, state.CompanyName));
    }

    [Fact]
    public void A_journey_from_data_without_a_name_is_listed_by_its_id_not_an_invented_name()
    {
        var state = Apply("crm-19", Created("crm-19"));
        var row = CustomerRecord.Of(state, nameSeed: null, erased: false).Named(null);
        Assert.Equal(("", ""), (row.Name, row.Company));
        Assert.Equal("crm-19", row.Display);
    }

    [Fact]
    public void A_name_longer_than_the_limit_is_refused_naming_the_field()
    {
        var t = JourneyTransitions.Apply(new JourneyState { Id = "crm-20" }, Created("crm-20", company: new string('x', JourneyTransitions.NameLimit + 1)));
        Assert.False(t.Accepted);
        Assert.Equal($"companyName is longer than {JourneyTransitions.NameLimit} characters (was {JourneyTransitions.NameLimit + 1})", t.Error);
    }

    [Fact]
    public void Erasure_blanks_the_names_the_crm_sent_in_the_state_and_its_events()
    {
        var created = Created("crm-21", "Ann Lee", "Lee Trading");
        var state = Apply("crm-21", created);
        var (data, erased) = CustomerErasure.Erase(new JourneyData(state, [created], [], null));
        Assert.Empty(CustomerErasure.FreeTextOf(data));
        Assert.Equal((2, 1), (erased.StateFields, erased.EventReasons));
        Assert.Equal("crm-21", CustomerRecord.Of(data.State, null, erased: true).Named(null).Display);
    }

    [Fact]
    public void An_imported_deal_carries_the_account_and_the_mapped_contact_column()
    {
        var pipeline = """
            opportunity_id,sales_agent,product,account,deal_stage,engage_date,close_date,close_value,contact
            D1,Anna Snelling,GTX Pro,Cancity,Engaging,10/20/2016,,,Mei Johns
            D2,Anna Snelling,GTX Pro,,Engaging,10/21/2016,,,
            """;
        var result = CrmImport.Read(CrmSource.FromText("sales_pipeline.csv", pipeline), CrmSource.FromText("sales_teams.csv", SmallExport.Teams),
            CrmSource.FromText("products.csv", SmallExport.Products), CrmColumnMapping.Maven with { Contact = "contact" });
        var rows = result.Journeys.ToDictionary(j => j.Id, j => CustomerRecord.Of(SmallExport.Apply(j), null, erased: false).Named(null));
        Assert.Equal(("Mei Johns", "Cancity"), (rows["D1"].Name, rows["D1"].Company));
        Assert.Equal("D2", rows["D2"].Display);
    }

    [Fact]
    public void The_maven_preset_names_each_deal_by_its_account()
    {
        var result = SmallExport.ImportRows("D3,Anna Snelling,GTX Basic,Betasoloin,Won,10/20/2016,10/30/2016,560");
        var row = CustomerRecord.Of(SmallExport.Apply(result.Journeys.Single()), null, erased: false).Named(null);
        Assert.Equal(("", "Betasoloin", "Betasoloin"), (row.Name, row.Company, row.Display));
    }

    [Theory]
    [InlineData("zh-CN", PersonaNames.ChineseLocale)]
    [InlineData("zh-Hans-CN", PersonaNames.ChineseLocale)]
    [InlineData("zh", PersonaNames.ChineseLocale)]
    [InlineData("en-US", PersonaNames.EnglishLocale)]
    [InlineData("de-DE", PersonaNames.EnglishLocale)]
    [InlineData(null, PersonaNames.EnglishLocale)]
    public void A_workspace_writing_in_a_chinese_culture_draws_chinese_faces(string? culture, string locale) =>
        Assert.Equal(locale, PersonaNames.LocaleOf(culture));

    [Fact]
    public void A_simulated_customer_of_a_chinese_workspace_has_a_seeded_chinese_name()
    {
        var state = new JourneyState { Id = "j-1", Status = JourneyStatus.Prospect, Stage = FunnelStage.Lead };
        var chinese = CustomerRecord.Of(state, nameSeed: 7, erased: false).Named(null, PersonaNames.ChineseLocale);
        var again = CustomerRecord.Of(state, nameSeed: 7, erased: false).Named(null, PersonaNames.ChineseLocale);
        var english = CustomerRecord.Of(state, nameSeed: 7, erased: false).Named(null);
        Assert.Equal((chinese.Name, chinese.Company), (again.Name, again.Company));
        Assert.All(chinese.Name, c => Assert.InRange(c, '\u4e00', '\u9fff'));
        Assert.EndsWith("有限公司", chinese.Company);
        Assert.Matches("^[A-Za-z' .-]+$", english.Name);
    }
}
