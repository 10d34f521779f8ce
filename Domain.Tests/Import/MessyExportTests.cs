using Growth.Domain.Figures;
using Growth.Domain.Import;
using Growth.Domain.Journeys;
using static Growth.Domain.Tests.Import.SmallExport;

namespace Growth.Domain.Tests.Import;

/// <summary>Real-world mess is fixed up or rejected row by row, and reported; only an unusable file throws.</summary>
public sealed class MessyExportTests
{
    [Fact]
    public void A_header_without_a_mapped_column_is_refused_naming_the_file_and_the_columns()
    {
        var error = Assert.Throws<CrmImportException>(() => ImportFiles("opportunity_id,sales_agent,product,account,stage,engage_date,close_date\nA1,Anna Snelling,GTX Pro,Acme,Won,1/2/2017,2/2/2017"));
        Assert.Equal("sales_pipeline.csv", error.FileName);
        Assert.Equal(["deal_stage", "close_value"], error.MissingColumns);
        Assert.Contains("sales_pipeline.csv", error.Message);
        Assert.Contains("deal_stage, close_value", error.Message);

        var teams = Assert.Throws<CrmImportException>(() => ImportFiles(PipelineHeader, teams: "agent,manager,regional_office\nAnna Snelling,Dustin Brinkmann,Central"));
        Assert.Equal("sales_teams.csv", teams.FileName);
        Assert.Equal(["sales_agent"], teams.MissingColumns);
    }

    [Fact]
    public void An_empty_file_is_refused()
    {
        var error = Assert.Throws<CrmImportException>(() => ImportFiles(PipelineHeader, products: ""));
        Assert.Equal("products.csv", error.FileName);
    }

    [Fact]
    public void Headers_match_ignoring_case_spaces_and_a_byte_order_mark()
    {
        var result = ImportFiles("\uFEFFOpportunity_ID , Sales_Agent,PRODUCT,account,Deal_Stage,engage_date,close_date,close_value\nA1,Anna Snelling,GTX Pro,Acme,Won,1/2/2017,2/2/2017,5000");
        Assert.Equal(1, result.Report.Imported);
    }

    [Fact]
    public void Mixed_date_formats_in_one_file_parse()
    {
        var result = ImportRows(
            "US,Anna Snelling,GTX Pro,Acme,Won,3/1/2017,3/15/2017,4000",
            "ISO,Anna Snelling,GTX Pro,Acme,Won,2017-03-01,2017-03-15,4000",
            "EU,Anna Snelling,GTX Pro,Acme,Won,1.3.2017,15.03.2017,4000",
            "MIX,Anna Snelling,GTX Pro,Acme,Won,2017-03-01,15.3.2017,4000");
        Assert.Empty(result.Report.Rejected);
        Assert.All(result.Journeys, j =>
        {
            var state = Apply(j);
            Assert.Equal(Utc(2017, 3, 1), state.OpportunityAt);
            Assert.Equal(Utc(2017, 3, 15), state.ClosedAt);
        });
    }

    [Fact]
    public void An_unreadable_date_rejects_its_row_with_the_reason()
    {
        var result = ImportRows(
            "A1,Anna Snelling,GTX Pro,Acme,Won,3/1/2017,3/15/2017,4000",
            "A2,Anna Snelling,GTX Pro,Acme,Won,13/1/2017,3/15/2017,4000",
            "A3,Anna Snelling,GTX Pro,Acme,Lost,3/1/2017,yesterday,0",
            "A4,Anna Snelling,GTX Pro,Acme,Engaging,2017-02-30,,");
        var report = result.Report;
        Assert.Equal((4, 1), (report.RowsRead, report.Imported));
        Assert.Equal(["A2", "A3", "A4"], report.Rejected.Select(r => r.OpportunityId));
        Assert.All(report.Rejected, r => Assert.Equal(ImportReasons.UnreadableDate, r.Reason));
        Assert.Equal([3, 4, 5], report.Rejected.Select(r => r.Row));
        Assert.Contains("engage_date '13/1/2017'", report.Rejected[0].Detail);
        Assert.Contains("close_date 'yesterday'", report.Rejected[1].Detail);
    }

    [Fact]
    public void A_product_spelled_without_its_spaces_is_matched_and_reported()
    {
        var result = ImportRows("A1,Anna Snelling,GTXPro,Acme,Engaging,3/1/2017,,", "A2,Anna Snelling,gtx pro,Acme,Won,3/1/2017,3/5/2017,4500");
        Assert.All(result.Journeys, j => Assert.Equal(4821m, Apply(j).OpportunityValue));
        var fixes = result.Report.FixedUp;
        Assert.Equal([ImportReasons.ProductSpelling, ImportReasons.ProductSpelling], fixes.Select(f => f.Reason));
        Assert.Equal("'GTXPro' read as 'GTX Pro'", fixes[0].Detail);
        Assert.Equal((2, "A1"), (fixes[0].Row, fixes[0].OpportunityId));
    }

    [Fact]
    public void An_unknown_product_opens_at_zero_and_is_reported()
    {
        var result = ImportRows("A1,Anna Snelling,Quantum 9,Acme,Lost,3/1/2017,3/9/2017,0", "A2,Anna Snelling,GTX Pro,Acme,Lost,3/1/2017,3/9/2017,0");
        Assert.Equal(0m, Apply(result.Journeys[0]).OpportunityValue);
        Assert.Equal(ImportReasons.UnknownProduct, result.Report.FixedUp[0].Reason);
    }

    [Fact]
    public void A_row_without_an_account_is_imported_and_reported()
    {
        var result = ImportRows("A1,Anna Snelling,GTX Basic,,Engaging,3/1/2017,,");
        Assert.Equal(JourneyStatus.Prospect, Apply(result.Journeys.Single()).Status);
        Assert.Equal(new ImportIssue(2, "A1", ImportReasons.NoAccount), result.Report.FixedUp.Single());
    }

    [Fact]
    public void Prospects_without_dates_are_placed_at_the_latest_date_in_the_file()
    {
        var result = ImportRows(
            "P1,Anna Snelling,GTX Basic,,Prospecting,,,",
            "A1,Anna Snelling,GTX Basic,Acme,Won,3/1/2017,6/30/2017,500",
            "A2,Violet Mclelland,GTX Basic,Acme,Engaging,7/4/2017,,",
            "P2,Anna Snelling,GTX Basic,Acme,Prospecting,5/1/2017,,");
        Assert.Equal(Utc(2017, 7, 4), result.Report.UndatedProspectsAt);
        var p1 = Apply(result.Journeys.Single(j => j.Id == "P1"));
        Assert.Equal((Utc(2017, 7, 4), FunnelStage.Opportunity), (p1.CreatedAt!.Value, p1.Stage!.Value));
        Assert.Equal(Utc(2017, 5, 1), Apply(result.Journeys.Single(j => j.Id == "P2")).QualifiedAt);
        Assert.Contains(result.Report.FixedUp, f => f is { OpportunityId: "P1", Reason: ImportReasons.UndatedProspect });
        Assert.DoesNotContain(result.Report.FixedUp, f => f.OpportunityId == "P2");
    }

    [Fact]
    public void Prospects_without_dates_in_a_file_without_any_date_are_rejected()
    {
        var result = ImportRows("P1,Anna Snelling,GTX Basic,Acme,Prospecting,,,");
        Assert.Equal(ImportReasons.UndatableProspect, result.Report.Rejected.Single().Reason);
        Assert.Null(result.Report.UndatedProspectsAt);
    }

    [Fact]
    public void Close_values_are_read_strictly()
    {
        var result = ImportRows(
            "A1,Anna Snelling,GTX Pro,Acme,Won,3/1/2017,3/9/2017,\"$1,054.50\"",
            "A2,Anna Snelling,GTX Pro,Acme,Won,3/1/2017,3/9/2017,\"1054,50\"",
            "A3,Anna Snelling,GTX Pro,Acme,Won,3/1/2017,3/9/2017,-20");
        Assert.Equal(1054.50m, Apply(result.Journeys.Single()).WonValue);
        Assert.Equal([ImportReasons.UnreadableCloseValue, ImportReasons.NegativeCloseValue], result.Report.Rejected.Select(r => r.Reason));
    }

    [Fact]
    public void An_agent_missing_from_the_teams_file_counts_for_the_rep_only()
    {
        var result = ImportRows("A1,Ghost Writer,GTX Pro,Acme,Won,3/1/2017,3/9/2017,4000", "A2,anna  snelling,GTX Pro,Acme,Lost,3/1/2017,3/9/2017,0");
        var ghost = Apply(result.Journeys[0]);
        Assert.Equal(new GroupKey(null, null, "ghost-writer", null), GroupKey.Of(ghost));
        var anna = Apply(result.Journeys[1]);
        Assert.Equal(new GroupKey("central", "dustin-brinkmann", "anna-snelling", null), GroupKey.Of(anna));
        Assert.Equal([ImportReasons.UnknownAgent, ImportReasons.AgentSpelling], result.Report.FixedUp.Select(f => f.Reason));
    }

    [Fact]
    public void Duplicate_ids_keep_the_first_row_and_reject_the_rest()
    {
        var result = ImportRows(
            "A1,Anna Snelling,GTX Pro,Acme,Won,3/1/2017,3/9/2017,4000",
            "A1,Anna Snelling,GTX Pro,Acme,Lost,3/1/2017,3/9/2017,0",
            "B1,Anna Snelling,GTX Pro,Acme,Won,3/1/2017,never,4000",
            "B1,Anna Snelling,GTX Pro,Acme,Won,3/1/2017,3/9/2017,4000",
            "A1,Anna Snelling,GTX Pro,Acme,Engaging,3/1/2017,,");
        var report = result.Report;
        Assert.Equal(5, report.Imported + report.Rejected.Count);
        Assert.True(Apply(result.Journeys.Single(j => j.Id == "A1")).Won);
        // B1's first row is unreadable, so it does not claim the id: the readable copy is imported.
        Assert.Equal(5, result.Journeys.Single(j => j.Id == "B1").Row);
        Assert.Equal(
            [(3, ImportReasons.DuplicateOpportunityId), (4, ImportReasons.UnreadableDate), (6, ImportReasons.DuplicateOpportunityId)],
            report.Rejected.Select(r => (r.Row, r.Reason)));
        Assert.Equal("row 2 is kept", report.Rejected[0].Detail);
    }

    [Fact]
    public void Rows_that_would_make_wrong_figures_are_rejected()
    {
        var result = ImportRows(
            ",Anna Snelling,GTX Pro,Acme,Won,3/1/2017,3/9/2017,4000",
            "A 2,Anna Snelling,GTX Pro,Acme,Won,3/1/2017,3/9/2017,4000",
            "A3,Anna Snelling,GTX Pro,Acme,Closed Won,3/1/2017,3/9/2017,4000",
            "A4,Anna Snelling,GTX Pro,Acme,Won,3/9/2017,3/1/2017,4000",
            "A5,Anna Snelling,GTX Pro,Acme,Won,,3/1/2017,4000",
            "A6,Anna Snelling,GTX Pro,Acme,Lost,3/1/2017,,0",
            "A7,Anna Snelling,GTX Pro,Acme, Inc,Won,3/1/2017,3/9/2017,4000",
            "A8,Anna Snelling,GTX Pro,\"Acme, Inc\",won,3/1/2017,3/9/2017,4000");
        Assert.Equal(
        [
            ImportReasons.NoOpportunityId, ImportReasons.UnusableOpportunityId, ImportReasons.UnknownStage, ImportReasons.ClosedBeforeEngaged,
            ImportReasons.MissingDate, ImportReasons.MissingDate, ImportReasons.MalformedRow,
        ], result.Report.Rejected.Select(r => r.Reason));
        Assert.Equal("A8", result.Journeys.Single().Id);
    }

    [Fact]
    public void A_close_on_an_open_deal_is_ignored_and_reported()
    {
        var result = ImportRows("A1,Anna Snelling,GTX Pro,Acme,Engaging,3/1/2017,3/9/2017,4000");
        var state = Apply(result.Journeys.Single());
        Assert.True(state.HasOpenOpportunity);
        Assert.Equal(ImportReasons.OpenDealClosingIgnored, result.Report.FixedUp.Single().Reason);
    }

    [Fact]
    public void Rows_of_bare_commas_are_not_data()
    {
        var result = ImportRows("A1,Anna Snelling,GTX Pro,Acme,Won,3/1/2017,3/9/2017,4000", ",,,,,,,", "", "A2,Anna Snelling,GTX Pro,Acme,Lost,3/1/2017,3/9/2017,0");
        Assert.Equal((2, 2), (result.Report.RowsRead, result.Report.Imported));
        Assert.Equal(5, result.Journeys[1].Row);
    }

    [Fact]
    public void Unusable_rows_of_the_teams_and_products_files_are_noted_and_skipped()
    {
        var result = ImportFiles(
            PipelineHeader + "\nA1,Anna Snelling,GTX Pro,Acme,Won,3/1/2017,3/9/2017,4000",
            teams: Teams + "\nAnna Snelling,Cara Losch,East\nNo Boss,,East",
            products: Products + "\nGTX Max,GTX,lots");
        Assert.Equal(3, result.Report.Notes.Count);
        Assert.Equal(2, result.Organisation.Reps.Count());
        Assert.Equal(2, result.Products.Count);
        Assert.Equal("dustin-brinkmann", Apply(result.Journeys.Single()).TeamId);
    }
}
