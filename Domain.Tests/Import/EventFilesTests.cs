using Growth.Domain.Figures;
using Growth.Domain.Import;
using Growth.Domain.Journeys;
using static Growth.Domain.Tests.Import.SmallExport;

namespace Growth.Domain.Tests.Import;

/// <summary>
/// The event files of an import (payments, orders, activities) joined to the HubSpot sample's deals by key: collected
/// money, receivables and overdue, repeat revenue in its quarter, first-contact hours and follow-ups, exactly as the files
/// say; every row that cannot be joined rejected naming its file, row and column; a file of which nothing joins refused
/// whole; the same files read twice give the same events.
/// </summary>
public sealed class EventFilesTests
{
    static string Samples => Growth.TestSupport.SharedDatasets.ImportSamples;
    static readonly DateTimeOffset Q2 = new(2024, 4, 1, 0, 0, 0, TimeSpan.Zero);

    static CrmImportResult Read(string? payments = null, string? orders = null, string? activities = null) =>
        CrmImport.Read(CrmSource.FromText("hubspot-deals.csv", File.ReadAllText(Path.Combine(Samples, "hubspot-deals.csv"))), null, null, CrmPresets.HubSpot,
            events: new EventFiles(Text("payments.csv", payments), Text("orders.csv", orders), Text("activities.csv", activities)));

    static CrmSource? Text(string name, string? text) => text is null ? null : CrmSource.FromText(name, text);

    static CrmImportResult Samples3() => CrmImport.ReadFolder(Samples, CrmPresets.HubSpot with
    {
        PaymentsFile = "payments.csv", OrdersFile = "orders.csv", ActivitiesFile = "activities.csv",
    });

    static WorkspaceSnapshot Snapshot(CrmImportResult result)
    {
        var figures = new WorkspaceFigures();
        foreach (var journey in result.Journeys)
        {
            var state = Apply(journey);
            figures.Apply(new TallyDelta(GroupKey.Of(state), Tally.Of(state)));
        }
        var h = EventTimeHistory.Replay(result.Journeys.Select(j => (j.Id, (IReadOnlyList<JourneyEvent>)j.Events)));
        return SnapshotBuilder.Build("hubspot", h.Now, 1, figures, result.Organisation,
            new SnapshotExtras { Baseline = h.Baseline, History = h.History, FromHistory = true });
    }

    static IReadOnlyList<HistoryPoint> History(CrmImportResult result) =>
        EventTimeHistory.Replay(result.Journeys.Select(j => (j.Id, (IReadOnlyList<JourneyEvent>)j.Events))).History.Points;

    static EventFileReport Report(CrmImportResult r, string kind) => r.Report.EventFiles.Single(f => f.Kind == kind);

    [Fact]
    public void Three_payments_of_known_amounts_give_collected_and_receivables_exactly()
    {
        var result = Read(payments: """
            deal_id,paid_date,amount
            9001,2024-03-30,"10,000"
            9003,2024-04-25,4200.50
            9008,2024-05-05 11:30,800
            """);
        var s = Snapshot(result);
        Assert.Equal((3, 3, 0), (Report(result, "payments").RowsRead, Report(result, "payments").Imported, Report(result, "payments").Rejected.Count));
        // Every won deal of known value is owed in full from its win: 12,500 + 4,200.50 + 9,800; the win without a value owes nothing.
        Assert.Equal(26_500.50m, s.Receivables.Billed);
        Assert.Equal(15_000.50m, s.Receivables.Collected);
        Assert.Equal(11_500m, s.Receivables.Outstanding);
        Assert.Equal(0m, s.Receivables.Overdue);
        Assert.False(s.ReceivablesUnknown);
        // Collected by event time: the history at the end of March holds the first payment only.
        var march = History(result).Last(p => p.AsOf <= Q2);
        Assert.Equal(10_000m, march.Collected);
    }

    [Fact]
    public void The_three_sample_files_import_with_every_figure_and_every_refused_row_named()
    {
        var result = Samples3();
        var s = Snapshot(result);
        // Payments: 10,000 + 2,500 + 4,200.50 + 1,000 (order O-1001's, paying deal 9001) + 800.
        Assert.Equal(18_500.50m, s.Receivables.Collected);
        // Owed: the three valued wins (26,500.50) and the three orders (6,500.50), less what was paid.
        Assert.Equal(33_001.00m, s.Receivables.Billed);
        Assert.Equal(14_500.50m, s.Receivables.Outstanding);
        // 9008's invoice was due 2024-05-05 11:15, unpaid then; the 800 paid at 11:30 leaves 9,000 overdue. 9001's 2,500
        // overdue from 2024-04-14 was paid on 2024-04-20.
        Assert.Equal(9_000m, s.Receivables.Overdue);

        var payments = Report(result, "payments");
        Assert.Equal((10, 5), (payments.RowsRead, payments.Imported));
        Assert.Equal([
            (6, ImportReasons.BeforeItsDeal), (7, ImportReasons.NotACustomer), (8, ImportReasons.KeyNotFound),
            (9, ImportReasons.UnreadableDate), (10, ImportReasons.PaidMoreThanOwed),
        ], payments.Rejected.Select(i => (i.Row, i.Reason)));
        Assert.All(payments.Rejected, i => Assert.Equal("payments.csv", i.File));
        Assert.Equal("paid_date '2024-13-01' (expected " + CrmValues.DateLayouts + ")", payments.Rejected[3].Detail);
        Assert.Equal("deal_id '9777'", payments.Rejected[2].Detail);

        var orders = Report(result, "orders");
        Assert.Equal((8, 3), (orders.RowsRead, orders.Imported));
        Assert.Equal([
            (4, ImportReasons.BeforeItsDeal), (5, ImportReasons.NotACustomer), (6, ImportReasons.KeyNotFound),
            (8, ImportReasons.DuplicateOrderId), (9, ImportReasons.AmountNotPositive),
        ], orders.Rejected.Select(i => (i.Row, i.Reason)));
        Assert.Equal("amount '-50'", orders.Rejected[4].Detail);

        var activities = Report(result, "activities");
        Assert.Equal((11, 7), (activities.RowsRead, activities.Imported));
        Assert.Equal([
            (6, ImportReasons.RefusedByJourney), (7, ImportReasons.BeforeItsDeal), (10, ImportReasons.KeyNotFound), (11, ImportReasons.MissingDate),
        ], activities.Rejected.Select(i => (i.Row, i.Reason)));
        Assert.Equal("timestamp", activities.Rejected[3].Detail);
        // The pipeline's own report is as without the event files.
        Assert.Equal((9, 9, 0), (result.Report.RowsRead, result.Report.Imported, result.Report.Rejected.Count));
    }

    [Fact]
    public void An_orders_file_books_repeat_revenue_in_the_quarter_of_its_dates_and_counts_repeat_customers()
    {
        var result = Samples3();
        var s = Snapshot(result);
        // The history's now is its last event (9008's payment, 2024-05-05): Q2 2024. Its revenue: the wins in it (4,200.50
        // and 9,800; 9005's has no value) and the three repeat orders, 3,000 + 1,500.50 (by account Initech) + 2,000.
        Assert.Equal(Q2, s.Period!.Start);
        Assert.Equal(14_000.50m + 6_500.50m, s.Period.Revenue);
        Assert.Equal(33_001.00m, s.Revenue.Total);
        Assert.Equal(3, s.Revenue.Repurchases);
        Assert.Equal(3, s.Lifecycle.Upsold);
        // By event time: nothing of the orders is in Q1, which holds 9001's win alone.
        Assert.Equal(12_500m, History(result).Last(p => p.AsOf <= Q2).Revenue.Total);
    }

    [Fact]
    public void Activities_give_first_contact_hours_and_follow_ups()
    {
        var result = Read(activities: File.ReadAllText(Path.Combine(Samples, "activities.csv")));
        var s = Snapshot(result);
        // First contacts after creation: 9001 4 h (09:30 → 13:30), 9002 1.5 h, 9004 24 h (its 09:00 call was before the deal
        // was created), 9006 2.5 h: 32 h over 4.
        Assert.Equal(8.0, s.AverageHoursToFirstContact!.Value, 9);
        var acme = Apply(result.Journeys.Single(j => j.Id == "9001"));
        Assert.Equal((1, 2), (acme.Contacts, acme.FollowUps));
        Assert.Equal(new DateTimeOffset(2024, 3, 15, 10, 0, 0, TimeSpan.Zero), acme.LastEventAt);
        var umbrella = Apply(result.Journeys.Single(j => j.Id == "9004"));
        Assert.Equal(new DateTimeOffset(2024, 3, 2, 10, 0, 0, TimeSpan.Zero), umbrella.FirstContactAt);
        // An open deal's follow-up and last activity, as the Pipeline page lists them.
        Assert.Equal((1, new DateTimeOffset(2024, 3, 10, 10, 0, 0, TimeSpan.Zero)), (umbrella.FollowUps, umbrella.LastEventAt));
        // The Pipeline's row of it: read from the shard's record, as the page reads it (no journey woken).
        var row = Growth.Domain.Forecast.DealJudgement.Judge(Growth.Domain.Records.CustomerRecord.Of(umbrella, null, false).DealState()!, 0, new DateTimeOffset(2024, 5, 5, 0, 0, 0, TimeSpan.Zero))!;
        Assert.Equal((1, new DateTimeOffset(2024, 3, 10, 10, 0, 0, TimeSpan.Zero)), (row.FollowUps, row.LastActivityAt));
        // Without activities the figure stays unknown.
        Assert.Null(Snapshot(Read()).AverageHoursToFirstContact);
    }

    [Fact]
    public void A_file_of_which_no_row_joins_is_refused_whole_naming_it()
    {
        var refused = Assert.Throws<CrmImportException>(() => Read(payments: """
            deal_id,paid_date,amount
            x1,2024-03-30,100
            x2,2024-03-31,100
            """));
        Assert.Equal("payments.csv", refused.FileName);
        Assert.StartsWith("payments.csv: none of its 2 rows could be imported; rejected key matches no imported deal: 2 (first: payments.csv row 2 (x1)", refused.Message);
        // A header lacking a mapped column refuses the file before any row is read.
        var header = Assert.Throws<CrmImportException>(() => Read(orders: "order_id,customer,order_date,amount\nO1,9001,2024-04-01,5"));
        Assert.Equal(["customer_id"], header.MissingColumns);
    }

    [Fact]
    public void Reading_the_same_files_twice_gives_the_same_events_with_ids_from_their_content()
    {
        static List<JourneyEvent> All(CrmImportResult r) => r.Journeys.SelectMany(j => j.Events).ToList();
        var first = All(Samples3());
        Assert.Equal(first, All(Samples3()));
        Assert.Equal(first.Count, first.Select(e => e.Id).Distinct().Count());
        Assert.Contains(first, e => e is { Id: "9001:paid:INV-1-2", Kind: EventKind.PaymentReceived, Amount: 2_500m });
        Assert.Contains(first, e => e is { Id: "9003:order:O-1002", Kind: EventKind.Repurchased, Amount: 1_500.50m });
        Assert.Contains(first, e => e is { Id: "9008:overdue", Kind: EventKind.PaymentOverdue, Amount: 9_800m });
    }

    [Theory]
    [InlineData("payments.csv", "payments", "paymentKey=deal_id; paymentDate=paid_date; paymentAmount=amount; paymentDueDate=due_date; paymentInvoice=invoice_id")]
    [InlineData("orders.csv", "orders", "orderId=order_id; orderKey=customer_id; orderDate=order_date; orderAmount=amount; orderProduct=product")]
    [InlineData("activities.csv", "activities", "activityType=type; activityKey=deal_id; activityAt=timestamp; activityOwner=owner")]
    public void A_header_is_guessed_as_its_kind_with_its_columns(string file, string kind, string columns)
    {
        var guess = EventFileKinds.Of(CsvHeader.Read(CrmSource.FromText(file, File.ReadAllText(Path.Combine(Samples, file)))))!;
        Assert.Equal(kind, guess.Kind);
        Assert.Equal(columns.Split("; ").Order(), guess.Columns.Select(c => $"{c.Key}={c.Value}").Order());
        // Other exports' words: a HubSpot-like payments header.
        Assert.Equal("payments", EventFileKinds.Of(["Payment Date", "Deal ID", "Amount Paid"])!.Kind);
        Assert.Null(EventFileKinds.Of(CsvHeader.Read(CrmSource.FromText("d.csv", File.ReadAllText(Path.Combine(Samples, "hubspot-deals.csv"))))));
    }

    [Fact]
    public void The_preview_reads_each_event_file_s_first_rows_on_their_own()
    {
        static CrmSource Sample(string file) => CrmSource.FromText(file, File.ReadAllText(Path.Combine(Samples, file)));
        var preview = ImportPreview.Read(Sample("hubspot-deals.csv"), null, null, CrmPresets.HubSpot,
            events: new EventFiles(Sample("payments.csv"), Sample("orders.csv"), Sample("activities.csv")));
        Assert.Null(preview.Refusal);
        Assert.Equal((10, 8, 11), (preview.Events.Count(r => r.Kind == "payments"), preview.Events.Count(r => r.Kind == "orders"), preview.Events.Count(r => r.Kind == "activities")));
        var first = preview.Events.First(r => r is { Kind: "payments", Row: 2 });
        Assert.Equal(("9001", 10_000m, "INV-1 · due 2024-04-14 00:00", null), (first.Key, first.Amount, first.Text, first.Rejected));
        // Rows wrong on their own are rejected already, naming file, row and column; keys are joined when the import runs.
        Assert.Equal("payments.csv row 9 (9003): unreadable date: paid_date '2024-13-01' (expected " + CrmValues.DateLayouts + ")",
            preview.Events.Single(r => r is { Kind: "payments", Row: 9 }).Rejected!.ToString());
        Assert.Equal(ImportReasons.AmountNotPositive, preview.Events.Single(r => r is { Kind: "orders", Row: 9 }).Rejected!.Reason);
        Assert.Null(preview.Events.Single(r => r is { Kind: "payments", Row: 8 }).Rejected);
        Assert.Equal("call · Ada Lovelace", preview.Events.First(r => r.Kind == "activities").Text);
    }
}
