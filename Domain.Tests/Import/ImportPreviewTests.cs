using Growth.Domain.Import;
using Growth.Domain.Journeys;

namespace Growth.Domain.Tests.Import;

/// <summary>
/// The import page's preview: the first 20 rows of the pipeline file read exactly as the import reads them (outcome,
/// step, dates, value, rep, campaign and channel, or why a row is rejected), no more rows than that, and a file the
/// import would refuse is refused with the import's own message.
/// </summary>
public sealed class ImportPreviewTests
{
    static string Samples => Growth.TestSupport.SharedDatasets.ImportSamples;

    static CrmSource Sample(string file, string? text = null) => CrmSource.FromText(file, text ?? File.ReadAllText(Path.Combine(Samples, file)));

    static DateTimeOffset At(int year, int month, int day, int hour = 0, int minute = 0) => new(year, month, day, hour, minute, 0, TimeSpan.Zero);

    [Fact]
    public void The_first_twenty_rows_read_as_the_import_reads_them_and_no_more()
    {
        var sample = File.ReadAllText(Path.Combine(Samples, "hubspot-deals.csv")).TrimEnd();
        // Row 11: a stage the preset does not know; row 12: a deal name over two lines (one record); then 30 more wins.
        var more = Enumerable.Range(9013, 30).Select(id => $"{id},Deal {id},Closed Won,100,2024-06-01 10:00,2024-05-01 09:00,Ada Lovelace,Sales Pipeline,Acme");
        var text = string.Join('\n', [sample, "9010,Odd,Custom Stage,100,2024-05-01 00:00,2024-04-01 00:00,Ada Lovelace,Sales Pipeline,Acme",
            "9011,\"Two\nlines\",Closed Lost,700,2024-05-02 00:00,2024-04-02 00:00,Grace Hopper,Sales Pipeline,Acme", .. more]) + "\n";

        var preview = ImportPreview.Read(Sample("hubspot-deals.csv", text), null, null, CrmPresets.HubSpot);

        Assert.Null(preview.Refusal);
        Assert.Equal(ImportPreview.Rows, preview.Rows.Count);
        Assert.Equal(["9001", "9002", "9003", "9004", "9005", "9006", "9007", "9008", "9009", "9010", "9011", .. Enumerable.Range(9013, 9).Select(i => $"{i}")],
            preview.Rows.Select(r => r.Id));
        Assert.Equal(preview.Rows.Select(r => r.Row).Order(), preview.Rows.Select(r => r.Row));

        var won = preview.Rows[0];
        Assert.Equal((true, 12_500m, "Ada Lovelace", At(2024, 1, 10, 9, 30), At(2024, 3, 15, 10)),
            (won.Deal!.Won, won.Deal.WonValue, won.RepName, won.Deal.OpportunityAt!.Value, won.Deal.ClosedAt!.Value));
        // Closed Lost says nothing of the step; Contract Sent is an open deal working on Close, at its amount.
        var lost = preview.Rows[1].Deal!;
        Assert.Equal((JourneyStatus.Lost, (ConversationStep?)null), (lost.Status, preview.Rows[1].Step));
        var open = preview.Rows[3].Deal!;
        Assert.Equal((JourneyStatus.Prospect, ConversationStep.Close, 15_000m, (DateTimeOffset?)null), (open.Status, preview.Rows[3].Step!.Value, open.OpportunityValue, open.ClosedAt));
        // Qualified To Buy: Rapport; Appointment Scheduled: Opening.
        Assert.Equal((ConversationStep.Rapport, ConversationStep.Opening), (preview.Rows[5].Step!.Value, preview.Rows[8].Step!.Value));
        // A win without an amount: won, value unknown.
        Assert.Equal((true, 0m), (preview.Rows[4].Deal!.Won, preview.Rows[4].Deal!.WonValue));
        var odd = preview.Rows[9];
        Assert.Null(odd.Deal);
        Assert.Equal(ImportReasons.UnknownStage, odd.Rejected!.Reason);
        Assert.Contains("'Custom Stage'", odd.Rejected.Detail);
        Assert.Equal(("9011", JourneyStatus.Lost, "Grace Hopper"), (preview.Rows[10].Id, preview.Rows[10].Deal!.Status, preview.Rows[10].RepName));
    }

    [Fact]
    public void A_leads_and_deals_export_previews_each_deal_with_its_lead_s_first_contact_campaign_and_channel()
    {
        var preview = ImportPreview.Read(Sample("closed_deals.csv"), null, null, CrmPresets.LeadsAndDeals, Sample("leads.csv"));

        Assert.Null(preview.Refusal);
        Assert.Equal(6, preview.Rows.Count);
        var first = preview.Rows[0];
        // L01: first contact 02-10-2017 (day-first), won 26-10-2017 19:58 for 15,000 by rep-a, from paid_search (Ads).
        Assert.Equal(("L01", At(2017, 10, 2), At(2017, 10, 26, 19, 58), 15_000m, "rep-a", Channel.Ads),
            (first.Id, first.Deal!.OpportunityAt!.Value, first.Deal.ClosedAt!.Value, first.Deal.WonValue, first.RepName, first.Deal.Channel!.Value));
        Assert.Contains(preview.Notes, n => n.Contains("every unambiguous row is day-first, so day-first is used"));
    }

    [Fact]
    public void A_file_the_import_refuses_is_refused_with_the_import_s_message_and_no_rows()
    {
        var header = "Record ID,Deal Name,Deal Stage,Amount,Close Date,Create Date,Deal owner,Pipeline,Associated Company";
        var wrong = ImportPreview.Read(Sample("deals.csv", header.Replace("Deal owner", "Owner") + "\n9001,A,Closed Won,1,2024-03-15 10:00,2024-01-10 09:30,Ada,P,Acme\n"),
            null, null, CrmPresets.HubSpot);
        Assert.Empty(wrong.Rows);
        Assert.StartsWith("deals.csv: ", wrong.Refusal);
        Assert.Contains("Deal owner", wrong.Refusal);

        var empty = ImportPreview.Read(Sample("deals.csv", ""), null, null, CrmPresets.HubSpot);
        Assert.Equal("deals.csv: the file is empty: no header row", empty.Refusal);
    }
}
