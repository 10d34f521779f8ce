using Growth.Domain.Figures;
using Growth.Domain.Import;
using Growth.Domain.Journeys;
using static Growth.Domain.Tests.Import.SmallExport;

namespace Growth.Domain.Tests.Import;

/// <summary>
/// Each CRM preset's sample (docs/import-samples) imports with every figure exactly as the file says: won, lost,
/// open, win rate, won value, average won value, days to close, per rep, and the steps of open and lost deals.
/// </summary>
public sealed class PresetSampleTests
{
    static string Samples => Growth.TestSupport.SharedDatasets.ImportSamples;

    static (CrmImportResult Result, WorkspaceSnapshot Snapshot) Import(CrmColumnMapping preset)
    {
        var result = CrmImport.ReadFolder(Samples, preset);
        var figures = new WorkspaceFigures();
        foreach (var journey in result.Journeys)
        {
            var state = Apply(journey);
            figures.Apply(new TallyDelta(GroupKey.Of(state), Tally.Of(state)));
        }
        return (result, SnapshotBuilder.Build(preset.Preset!, Utc(2024, 12, 31), 1, figures, result.Organisation));
    }

    static double Days(string from, string to) => (DateTimeOffset.Parse(to + "Z") - DateTimeOffset.Parse(from + "Z")).TotalDays;

    static void AssertDeals(DealFigures d, long won, long lost, long open, decimal value, decimal average, long unknown, double days)
    {
        Assert.Equal((won, lost, open, value, average, unknown), (d.Won, d.Lost, d.Open, d.WonValue, d.AverageWonValue, d.WonValueUnknown));
        Assert.Equal((double)won / (won + lost), d.WinRate, 12);
        Assert.Equal(days, d.AverageDaysToClose, 9);
    }

    static void AssertRep(WorkspaceSnapshot s, string name, long won, long lost, long open, decimal value)
    {
        var rep = s.Reps.Single(r => r.Name == name);
        Assert.Equal((won, lost, open, value), (rep.Won, rep.Lost, rep.Open, rep.WonValue));
    }

    static long Open(WorkspaceSnapshot s, ConversationStep step) => s.Pipeline.Single(p => p.Step == step).Count;
    static long Lost(WorkspaceSnapshot s, ConversationStep step) => s.Losses.ByStep.Single(p => p.Step == step).Count;

    [Fact]
    public void The_hubspot_sample_imports_exactly()
    {
        var (result, s) = Import(CrmPresets.HubSpot);
        Assert.Equal((9, 9, 0), (result.Report.RowsRead, result.Report.Imported, result.Report.Rejected.Count));
        // Won: 9001 (12,500), 9003 (4,200.50), 9005 (no amount: won, value unknown), 9008 (9,800).
        var days = (Days("2024-01-10 09:30", "2024-03-15 10:00") + Days("2024-02-15 08:15", "2024-04-02 12:00")
            + Days("2024-03-05 14:20", "2024-04-18 09:00") + Days("2024-04-02 13:00", "2024-05-05 11:00")) / 4;
        AssertDeals(s.Deals, won: 4, lost: 2, open: 3, value: 26_500.50m, average: 8_833.50m, unknown: 1, days);
        AssertRep(s, "Ada Lovelace", 1, 1, 1, 12_500m);
        AssertRep(s, "Grace Hopper", 1, 1, 1, 4_200.50m);
        AssertRep(s, "Alan Turing", 2, 0, 1, 9_800m);
        Assert.Equal(3, s.Reps.Count);
        // Open deals at their mapped steps; Closed Lost says nothing of the step.
        Assert.Equal((1L, 1L, 1L), (Open(s, ConversationStep.Opening), Open(s, ConversationStep.Rapport), Open(s, ConversationStep.Close)));
        Assert.Equal(2, s.Losses.StepUnknown);
        Assert.Equal(1, result.Report.FixedUpByReason[ImportReasons.WonWithoutValue]);
        Assert.Equal(26_500.50m, s.Revenue.Total);
    }

    [Fact]
    public void The_salesforce_sample_imports_exactly_with_currency_symbols_and_thousands_separators()
    {
        var (result, s) = Import(CrmPresets.Salesforce);
        Assert.Equal((8, 8, 0), (result.Report.RowsRead, result.Report.Imported, result.Report.Rejected.Count));
        var days = (Days("2023-11-20", "2024-02-14") + Days("2024-01-22", "2024-03-28") + Days("2024-02-02", "2024-04-12") + Days("2024-03-12", "2024-05-02")) / 4;
        // 351,250.50 / 4 = 87,812.625, rounded to cents half-even as the snapshot contract does.
        AssertDeals(s.Deals, won: 4, lost: 2, open: 2, value: 351_250.50m, average: 87_812.62m, unknown: 0, days);
        AssertRep(s, "Maria Garcia", 1, 1, 0, 235_000m);
        AssertRep(s, "John Smith", 2, 0, 1, 115_000m);
        AssertRep(s, "Li Wei", 1, 1, 1, 1_250.50m);
        Assert.Equal((1L, 1L), (Open(s, ConversationStep.Opening), Open(s, ConversationStep.ObjectionHandling)));
        var open = Apply(result.Journeys.Single(j => j.Id == "0065g00000A1bC3AAJ"));
        Assert.Equal(270_000m, open.OpportunityValue);
    }

    [Fact]
    public void The_pipedrive_sample_imports_exactly_with_status_steps_and_lost_reasons()
    {
        var (result, s) = Import(CrmPresets.Pipedrive);
        Assert.Equal((7, 7, 0), (result.Report.RowsRead, result.Report.Imported, result.Report.Rejected.Count));
        var days = (Days("2024-01-08 09:12:00", "2024-02-20 15:30:00") + Days("2024-02-10 08:30:00", "2024-03-01 16:00:00")
            + Days("2024-02-20 12:00:00", "2024-03-10 12:00:00")) / 3;
        // Won 101 (4,800), 104 (950), 106 (value 0: unknown).
        AssertDeals(s.Deals, won: 3, lost: 2, open: 2, value: 5_750m, average: 2_875m, unknown: 1, days);
        AssertRep(s, "Sam Carter", 2, 1, 1, 4_800m);
        AssertRep(s, "Jo Baker", 1, 1, 1, 950m);
        // Lost at the stage the export gives, with its reason, on its lost time.
        Assert.Equal((1L, 1L, 0L), (Lost(s, ConversationStep.TrialClose), Lost(s, ConversationStep.Rapport), s.Losses.StepUnknown));
        var lost = Apply(result.Journeys.Single(j => j.Id == "102"));
        Assert.Equal((ConversationStep.TrialClose, "Price too high", new DateTimeOffset(2024, 2, 28, 11, 0, 0, TimeSpan.Zero)),
            (lost.LostStep!.Value, lost.LostReason, lost.ClosedAt!.Value));
        Assert.Equal((1L, 1L), (Open(s, ConversationStep.Opening), Open(s, ConversationStep.Topic)));
    }

    [Fact]
    public void A_leads_and_won_deals_export_with_day_first_dates_imports_exactly_per_rep_and_per_origin()
    {
        var (result, s) = Import(CrmPresets.LeadsAndDeals);
        Assert.Equal((6, 6, 0, 12, 6), (result.Report.RowsRead, result.Report.Imported, result.Report.Rejected.Count,
            result.Report.LeadsRead, result.Report.LeadsWithoutDeal));
        // Day-first, decided by the rows whose first part is above 12, and said.
        Assert.Contains(result.Report.Notes, n => n.Contains("6 rows of leads.csv could be day-first or month-first; every unambiguous row is day-first"));
        Assert.Contains(result.Report.Notes, n => n.Contains("won_date: 1 row of closed_deals.csv could be day-first or month-first"));

        static double D(int day, int month, int hour = 0, int minute = 0) => (new DateTime(2017, month, day, hour, minute, 0) - DateTime.UnixEpoch).TotalDays;
        var days = (D(26, 10, 19, 58) - D(2, 10) + D(14, 11, 10) - D(13, 10) + D(30, 11, 9, 30) - D(20, 10)
            + D(5, 12, 16) - D(25, 10) + D(22, 12, 11, 15) - D(10, 11) + D(28, 12, 14, 45) - D(20, 11)) / 6;
        // L03 (0) and L05 (empty) are won with an unknown value: 145,500 over the 4 valued wins.
        AssertDeals(s.Deals, won: 6, lost: 0, open: 0, value: 145_500m, average: 36_375m, unknown: 2, days);
        Assert.Equal(12, s.Funnel.Single(f => f.Stage == FunnelStage.Lead).Entered);
        AssertRep(s, "rep-a", 3, 0, 0, 143_000m);
        AssertRep(s, "rep-b", 3, 0, 0, 2_500m);

        // Lead-to-deal conversion per origin (campaign) and its channel, exactly as the files say.
        var byOrigin = s.Campaigns.ToDictionary(c => c.Name);
        void Origin(string name, Channel? channel, long leads, long won, decimal revenue)
        {
            var c = byOrigin[name];
            Assert.Equal((channel, leads, won, revenue), (c.Channel, c.Leads, c.Won, c.Revenue));
        }
        Origin("paid_search", Channel.Ads, 4, 3, 143_000m);
        Origin("organic_search", Channel.Content, 3, 1, 0m);
        Origin("referral", Channel.Referral, 2, 2, 2_500m);
        Origin("email", Channel.Content, 1, 0, 0m);
        // Origins without a channel (blank, "unknown") are campaigns still, without a channel, named by their id.
        Origin("origin-no-origin", null, 1, 0, 0m);
        Origin("origin-unknown", null, 1, 0, 0m);
    }

    [Fact]
    public void A_deal_whose_lead_is_not_in_the_leads_file_is_rejected_and_a_deals_file_matching_no_lead_is_refused()
    {
        var leads = CrmSource.FromText("leads.csv", "mql_id,first_contact_date,landing_page_id,origin\nL1,20-10-2017,lp,email\n");
        var deals = "mql_id,seller_id,sdr_id,sr_id,won_date,business_segment,lead_type,declared_monthly_revenue\n";
        var result = CrmImport.Read(CrmSource.FromText("closed_deals.csv", deals + "L1,s,d,r,26-10-2017,x,y,10\nL9,s,d,r,26-10-2017,x,y,10\n"),
            null, null, CrmPresets.LeadsAndDeals, leads);
        Assert.Equal(new ImportIssue(3, "L9", ImportReasons.LeadNotFound, "'L9' is not in leads.csv"), result.Report.Rejected.Single());
        var refused = Assert.Throws<CrmImportException>(() => CrmImport.Read(CrmSource.FromText("closed_deals.csv", deals + "L9,s,d,r,26-10-2017,x,y,10\n"),
            null, null, CrmPresets.LeadsAndDeals, CrmSource.FromText("leads.csv", "mql_id,first_contact_date,landing_page_id,origin\nL1,20-10-2017,lp,email\n")));
        Assert.Contains("no value of column mql_id is in column mql_id of leads.csv", refused.Message);
    }

    [Theory]
    [InlineData("hubspot-deals.csv", "hubspot")]
    [InlineData("salesforce-opportunities.csv", "salesforce")]
    [InlineData("pipedrive-deals.csv", "pipedrive")]
    [InlineData("closed_deals.csv", "leads-deals")]
    public void A_sample_s_header_proposes_its_preset(string file, string preset)
    {
        var header = CsvHeader.Read(CrmSource.FromText(file, File.ReadAllText(Path.Combine(Samples, file))));
        Assert.Equal(preset, CrmPresets.Detect(header)?.Preset);
    }

    [Fact]
    public void The_maven_header_proposes_maven_and_an_unknown_header_nothing()
    {
        Assert.Equal("maven", CrmPresets.Detect(MavenHeader.Split(','))?.Preset);
        Assert.Null(CrmPresets.Detect(["id", "name", "amount"]));
    }

    const string MavenHeader = PipelineHeader;
}
