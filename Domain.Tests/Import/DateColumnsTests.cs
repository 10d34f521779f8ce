using System.Text;
using Growth.Domain.Import;
using static Growth.Domain.Tests.Import.SmallExport;

namespace Growth.Domain.Tests.Import;

/// <summary>A date column is read in one order, decided by its own rows or the mapping, and never silently swapped.</summary>
public sealed class DateColumnsTests
{
    static DateColumnReading Detect(string? declared, params string[] values) =>
        DateColumns.Detect("deals.csv", "won_date", values.Select((v, i) => (i + 2, v)), declared);

    /// <summary>The Maven layout with both date columns detected rather than named.</summary>
    static readonly CrmColumnMapping Detecting = CrmColumnMapping.Maven with { EngageDateFormat = "detect", CloseDateFormat = null };

    static CrmImportResult Import(CrmColumnMapping mapping, params string[] rows) => CrmImport.Read(
        CrmSource.FromText("sales_pipeline.csv", string.Join('\n', [PipelineHeader, .. rows])), CrmSource.FromText("t.csv", Teams),
        CrmSource.FromText("pr.csv", Products), mapping);

    static DateTimeOffset Utc(int y, int m, int d, int h = 0, int min = 0) => new(y, m, d, h, min, 0, TimeSpan.Zero);

    [Fact]
    public void Rows_that_prove_day_first_decide_the_ambiguous_ones_and_say_so()
    {
        var reading = Detect(null, "20-10-2017", "03-04-2018", "26-02-2018 19:58", "05-06-2018");
        Assert.Equal(DateOrder.DayFirst, reading.Order);
        Assert.Null(reading.Refusal);
        Assert.Equal("column won_date: 2 rows of deals.csv could be day-first or month-first; every unambiguous row is day-first, so day-first is used", reading.Note);
        Assert.True(DateColumns.TryParse("03-04-2018", reading.Order, out var at));
        Assert.Equal(Utc(2018, 4, 3), at);
        Assert.True(DateColumns.TryParse("26-02-2018 19:58", reading.Order, out at));
        Assert.Equal(Utc(2018, 2, 26, 19, 58), at);
    }

    [Fact]
    public void Rows_that_prove_month_first_decide_too()
    {
        var reading = Detect(null, "10/20/2017", "3/1/2017", "20/10/2017x");
        Assert.Equal(DateOrder.MonthFirst, reading.Order);
        Assert.True(DateColumns.TryParse("3/1/2017", reading.Order, out var at));
        Assert.Equal(Utc(2017, 3, 1), at);
    }

    [Fact]
    public void A_column_no_row_decides_is_refused_unless_the_mapping_names_the_format()
    {
        var values = Enumerable.Repeat("03/04/2018", 1204).Append("2018-05-06").ToArray();
        var reading = Detect(null, values);
        Assert.Null(reading.Order);
        Assert.Equal("column won_date: 1,204 rows of deals.csv could be day-first or month-first; no row decides it, " +
            "so a format (day-first or month-first) must be chosen for column won_date", reading.Refusal);

        var declared = Detect("day-first", values);
        Assert.Null(declared.Refusal);
        Assert.Equal(DateOrder.DayFirst, declared.Order);
        Assert.True(DateColumns.TryParse("03/04/2018", declared.Order, out var at));
        Assert.Equal(Utc(2018, 4, 3), at);
    }

    [Fact]
    public void A_column_that_contradicts_itself_is_refused_naming_two_rows()
    {
        var reading = Detect(null, "01/02/2017", "20/10/2017", "10/20/2017");
        Assert.Null(reading.Order);
        Assert.Equal("deals.csv: column won_date contradicts itself: row 3 '20/10/2017' can only be day-first, row 4 '10/20/2017' only month-first; " +
            "correct the file or give the column's format", reading.Refusal);
    }

    [Fact]
    public void Iso_and_dotted_dates_need_no_decision()
    {
        var reading = Detect(null, "2017-10-20", "2017-10-20 08:30", "20.10.2017");
        Assert.Equal((null, null, null), (reading.Order, reading.Note, reading.Refusal));
        Assert.True(DateColumns.TryParse("2017-10-20 08:30", null, out var at));
        Assert.Equal(Utc(2017, 10, 20, 8, 30), at);
    }

    [Fact]
    public void The_maven_sample_detected_reads_exactly_as_its_preset_says()
    {
        var detected = CrmImport.ReadFolder(Growth.TestSupport.MavenSample.Folder, Detecting with { CloseDateFormat = "detect" });
        var preset = MavenImportTests.Sample.Value;
        Assert.Equal(preset.Journeys.Count, detected.Journeys.Count);
        Assert.Equal(preset.Journeys.SelectMany(j => j.Events.Select(e => (e.Id, e.At))), detected.Journeys.SelectMany(j => j.Events.Select(e => (e.Id, e.At))));
        Assert.Equal(2, detected.Report.Notes.Count);
        Assert.All(detected.Report.Notes, n => Assert.EndsWith("every unambiguous row is month-first, so month-first is used", n));
        Assert.Empty(preset.Report.Notes);
    }

    [Fact]
    public void An_unknown_format_name_is_refused() =>
        Assert.Contains("'yyyy-dd-mm'", Detect("yyyy-dd-mm", "1/2/2017").Refusal);

    [Fact]
    public void A_day_first_export_imports_on_the_right_days()
    {
        var result = Import(Detecting,
            "A1,Anna Snelling,GTX Pro,Acme,Won,20-10-2017,03-11-2017,4000",
            "A2,Anna Snelling,GTX Pro,Acme,Lost,02-11-2017,26-11-2017 19:58,0");
        Assert.Empty(result.Report.Rejected);
        Assert.Equal(Utc(2017, 11, 3), Apply(result.Journeys[0]).ClosedAt);
        Assert.Equal(Utc(2017, 11, 2), Apply(result.Journeys[1]).OpportunityAt);
        Assert.Contains(result.Report.Notes, n => n.StartsWith("column engage_date: 1 row of sales_pipeline.csv could be", StringComparison.Ordinal));
    }

    [Fact]
    public void An_ambiguous_export_is_refused_and_imports_with_the_format_named()
    {
        string[] rows = ["A1,Anna Snelling,GTX Pro,Acme,Won,01/02/2017,03/04/2017,4000"];
        var refused = Assert.Throws<CrmImportException>(() => Import(Detecting, rows));
        Assert.Equal("sales_pipeline.csv", refused.FileName);
        Assert.Contains("a format (day-first or month-first) must be chosen for column engage_date", refused.Message);

        var mapping = CrmColumnMapping.Maven with { EngageDateFormat = "day-first", CloseDateFormat = "day-first" };
        var result = Import(mapping, rows);
        Assert.Equal(Utc(2017, 2, 1), Apply(result.Journeys.Single()).OpportunityAt);
        Assert.Equal(Utc(2017, 4, 3), Apply(result.Journeys.Single()).ClosedAt);
    }
}

/// <summary>Exports saved in other encodings read the same names.</summary>
public sealed class ExportEncodingTests
{
    const string Csv = "sales_agent,manager,regional_office\nJürgen Müller,Crème Brûlée,Zürich\n";

    public static TheoryData<string> Encodings => ["utf-8-bom", "utf-8", "utf-16le", "utf-16be", "windows-1252"];

    [Theory]
    [MemberData(nameof(Encodings))]
    public void Names_with_accents_read_the_same_in_every_encoding(string encoding)
    {
        var bytes = encoding switch
        {
            "utf-8-bom" => [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(Csv)],
            "utf-8" => Encoding.UTF8.GetBytes(Csv),
            "utf-16le" => [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(Csv)],
            "utf-16be" => [.. Encoding.BigEndianUnicode.GetPreamble(), .. Encoding.BigEndianUnicode.GetBytes(Csv)],
            _ => CodePagesEncodingProvider.Instance.GetEncoding(1252)!.GetBytes(Csv),
        };
        var source = CrmSource.FromStream("sales_teams.csv", new MemoryStream(bytes));
        Assert.Equal(Csv, source.Reader.ReadToEnd());
    }

    [Fact]
    public void A_windows_1252_teams_file_imports_its_names()
    {
        var teams = CodePagesEncodingProvider.Instance.GetEncoding(1252)!.GetBytes(Csv);
        var result = CrmImport.Read(
            CrmSource.FromText("p.csv", PipelineHeader + "\nA1,Jürgen Müller,GTX Pro,Acme,Won,2017-03-01,2017-03-09,4000"),
            CrmSource.FromStream("t.csv", new MemoryStream(teams)), CrmSource.FromText("pr.csv", Products), CrmColumnMapping.Maven);
        Assert.Equal("Jürgen Müller", result.Organisation.Reps.Single().Name);
        Assert.Equal("Crème Brûlée", result.Organisation.Teams.Single().LeaderName);
        Assert.Empty(result.Report.FixedUp);
    }
}
