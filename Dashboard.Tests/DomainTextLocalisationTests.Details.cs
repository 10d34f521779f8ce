using System.Text.RegularExpressions;
using Growth.Dashboard.Localisation.Chinese;
using Growth.Domain.Forecast;
using Growth.Domain.Import;
using Growth.Domain.Periods;
using Growth.Domain.Records;

namespace Growth.Dashboard.Tests;

/// <summary>
/// The refusal details the API writes (every one in <c>Dashboard/</c>, read from the source) and the import report's
/// reasons and notes (every one in <c>Domain/Import</c>, read from the source) have their Chinese: a new detail or note
/// without a pattern in <c>Localisation/Chinese</c> fails here.
/// </summary>
public partial class DomainTextLocalisationTests
{
    static string Code(params string[] folder) => string.Join("\n", Directory.GetFiles(Path.Combine([LocalisationTests.Root, .. folder]), "*.cs", SearchOption.AllDirectories)
        .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}")).Order(StringComparer.Ordinal)
        .Select(f => string.Join("\n", File.ReadAllLines(f).Where(l => !l.TrimStart().StartsWith("//", StringComparison.Ordinal)))));

    /// <summary>Said in Chinese: at least one Chinese character (a pattern that only moves English around says nothing).</summary>
    static bool SaidInChinese(string? text) => text is not null && Regex.IsMatch(text, @"\p{IsCJKUnifiedIdeographs}");

    /// <summary>Holes whose values are English sentences of their own: the sample gives them their real text.</summary>
    static readonly Dictionary<string, string> KnownHoles = new()
    {
        ["kept"] = "nothing was kept",
        ["problem"] = "journey j-1 is not a lost deal (it is Open)",
        ["Names.IdRule"] = Growth.Domain.Workspaces.Names.IdRule,
    };

    [Fact]
    public void Every_refusal_detail_the_API_writes_has_its_Chinese()
    {
        var code = Code("Dashboard");
        var details = new[]
            {
                @"new Refusal\((?:RefusalKind\.\w+|Kind\(e\)|e\.Kind[^,]*),\s*""[^""]+"",", @"new\(RefusalKind\.\w+,\s*""[^""]+"",", @"Refusal\.NotAllowed\(", @"\bdetail:",
                // The helpers that write a problem: Problem(status, title, detail), Refused(status, detail), a batch too large.
                @"\bProblem\(\d+,\s*""[^""]+"",", @"\bRefused\(StatusCodes\.\w+,", @"\bTooLarge\(",
            }
            .SelectMany(before => SourceLiterals.After(code, before, KnownHoles))
            // A body of events that cannot be read says where; a backup that cannot be read says so, then that nothing was restored.
            .Concat(SourceLiterals.After(Code("Dashboard", "Application", "Ingestion"), @"Unreadable\(", KnownHoles))
            .Concat(SourceLiterals.After(Code("Dashboard", "Application", "Backup"), @"Unreadable\(", KnownHoles).Select(d => (Sample: d.Sample + "; nothing was restored", d.Line)))
            .DistinctBy(d => d.Sample).ToList();
        Assert.True(details.Count > 55, $"only {details.Count} details read from the source");
        Assert.Contains(details, d => d.Sample == "no workspace named x0");
        Assert.Contains(details, d => d.Sample == "id: workspace x0 has no scenario 'x1' in language 'x2' at version x0");
        var missing = details.Where(d => !SaidInChinese(RefusalChinese.Detail(d.Sample))).Select(d => $"{d.Sample}  [{d.Line.Trim()}]").ToList();
        Assert.True(missing.Count == 0, "no Chinese for:\n" + string.Join("\n", missing));

        // Titles of problems written directly (not through a Refusal) are said too.
        var titles = Regex.Matches(code, @"\btitle:(.*?)(?=,\s*detail:|\)\)|\)\s*[.;])|const string title = (""[^""]+"")|\bProblem\(\d+,\s*(""[^""]+"")", RegexOptions.Singleline)
            .SelectMany(m => SourceLiterals.All(m.Groups.Values.Skip(1).First(g => g.Success).Value)).Distinct().ToList();
        Assert.Contains("Expected a form upload", titles);
        // Details chosen by a condition ("sign in" or "not allowed", for a key or a user).
        var chosen = Regex.Matches(code, @"\bdetail:\s*(?![$@""])([^,;]*?\?[^;]*?)\)\s*[.;]", RegexOptions.Singleline).SelectMany(m => SourceLiterals.All(m.Groups[1].Value)).ToList();
        Assert.Contains("this needs a signed-in user", chosen);
        var unsaidChosen = chosen.Where(d => !SaidInChinese(RefusalChinese.Detail(d))).ToList();
        Assert.True(unsaidChosen.Count == 0, "no Chinese for: " + string.Join(" | ", unsaidChosen));
        Assert.Contains("Sign in first", titles);
        var untitled = titles.Where(t => RefusalChinese.Title(t) is null).ToList();
        Assert.True(untitled.Count == 0, "no Chinese for the titles: " + string.Join(" | ", untitled));

        // An upload over the limit, with and without its size known.
        var limit = new Growth.Dashboard.Application.Import.ImportOptions();
        foreach (var tooLarge in new[] { limit.TooLarge(null, 300_000_000), limit.TooLarge("pipeline.csv", null) })
            Assert.True(SaidInChinese(RefusalChinese.Detail(tooLarge)), "no Chinese for: " + tooLarge);
        Assert.StartsWith("上传内容 为 ", RefusalChinese.Detail(limit.TooLarge(null, 300_000_000)));

        // Values that are sentences of their own are said in Chinese inside the detail; names and ids stay.
        Assert.Equal("the manifest's checksum does not match；未保留任何内容", RefusalChinese.Detail("the manifest's checksum does not match; nothing was kept"));
        Assert.Equal("Ada 在 Opening 上尚未达到及格分 70（最好成绩：尚未尝试）", RefusalChinese.Detail("Ada has not reached the pass mark of 70 on Opening yet (best: no attempt)"));
        Assert.Equal("journeyId：客户旅程 j-1 不是丢单（当前为 Open）", RefusalChinese.Detail("journeyId: journey j-1 is not a lost deal (it is Open)"));
        Assert.Equal("id：工作区 demo 没有语言为 'zh-Hans' 的场景 'cold-call'", RefusalChinese.Detail("id: workspace demo has no scenario 'cold-call' in language 'zh-Hans'"));
    }

    [Fact]
    public void The_domain_validators_pages_pass_on_have_their_Chinese()
    {
        var wrong = new List<string?>
        {
            Error(() => PeriodChoice.Parse("fortnight", null)), Error(() => PeriodChoice.Parse("last-0", null)),
            Error(() => PeriodChoice.Parse("2026-02-01..2026-01-01", null)), Error(() => PeriodChoice.Parse("2026-13-01..2026-14-01", null)),
            Error(() => PeriodChoice.Parse("month", "decade")),
            RecordQuery.Parse("planets", null, null, null, null, null, null, null, null, null, null, null, null, null).Error,
            RecordQuery.Parse(null, null, null, null, null, null, null, null, null, null, null, null, 0, null).Error,
            RecordQuery.Parse(null, null, null, null, null, null, null, null, null, null, null, null, null, 100_000).Error,
            RecordQuery.Parse(null, new string('q', 201), null, null, null, null, null, null, null, null, null, null, null, null).Error,
            RecordQuery.Parse(null, null, null, null, null, null, null, null, null, null, null, null, null, null, working: "Dancing").Error,
            RecordQuery.Parse(null, null, null, null, null, null, null, null, null, null, null, null, null, null, overdue: "Later").Error,
            RecordQuery.Parse(null, null, null, null, null, null, null, null, null, null, null, null, null, null, entered: "Heaven").Error,
            RecordQuery.Parse(null, null, null, null, null, null, null, null, null, null, null, null, null, null, entered: "Lead,yesterday,").Error,
            RecordQuery.Parse(null, null, null, null, null, null, null, null, null, null, null, null, null, null, entered: "Lead,2026-03-08T00:00:00Z,2026-03-01T00:00:00Z").Error,
            RecordQuery.Parse(null, null, null, null, null, null, null, null, null, null, null, null, null, null, grade: "E").Error,
            RecordQuery.Parse(null, null, null, null, null, null, null, null, null, null, null, null, null, null, createdFrom: "yesterday").Error,
            RecordQuery.Parse(null, null, null, null, null, null, null, null, null, null, null, null, null, null, createdFrom: "2026-03-02", createdTo: "2026-03-01").Error,
            RecordQuery.Parse(null, null, null, null, null, null, null, null, null, null, null, null, null, null, won: "maybe").Error,
            RecordQuery.Parse(null, null, null, null, null, null, null, null, null, null, null, null, null, null, tag: "colour:red").Error,
            RecordQuery.Parse(null, null, null, null, null, null, null, null, null, null, null, null, null, null, tag: "source:fax").Error,
            RecordQuery.Parse(null, null, null, null, null, null, null, null, null, null, null, null, null, null, tag: "segment:a;b").Error,
            RecordQuery.Parse(null, null, null, null, null, null, null, null, null, null, null, null, null, null, tag: "segment:" + new string('x', 120)).Error,
            Domain.Organisations.LeadTagText.ListProblem(string.Join(';', Enumerable.Range(1, 21).Select(i => $"tag:t{i}"))),
            DealQuery.Parse(null, null, "maybe", null, null, null, null, null).Error,
            DealQuery.Parse(null, null, null, null, "colour", null, null, null).Error,
        };
        Assert.DoesNotContain(null, wrong);
        var missing = wrong.Where(w => !SaidInChinese(RefusalChinese.Detail(w!))).ToList();
        Assert.True(missing.Count == 0, "no Chinese for: " + string.Join(" | ", missing));
        Assert.Equal("period 'fortnight' 不是 " + PeriodChoice.AllowedPeriods + " 之一", RefusalChinese.Detail(wrong[0]!));
    }

    static string? Error(Action parse)
    {
        try { parse(); return null; }
        catch (PeriodException e) { return e.Message; }
    }

    [Fact]
    public void Every_import_reason_note_and_skipped_row_has_its_Chinese_and_English_stays_as_written()
    {
        var reasons = typeof(ImportReasons).GetFields().Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!).ToList();
        Assert.True(reasons.Count > 20, $"only {reasons.Count} reasons");
        var unsaid = reasons.Where(r => ImportNoteChinese.Reason(r) is null).ToList();
        Assert.True(unsaid.Count == 0, "no Chinese for the reasons: " + string.Join(" | ", unsaid));

        var code = Code("Domain", "Import");
        var notes = SourceLiterals.After(code, @"notes\.Add\(").Select(n => n.Sample).ToList();
        Assert.True(notes.Count >= 7, $"only {notes.Count} notes read from Domain/Import");
        // Why a row of a teams, products or leads file is skipped, and a row's own problem (bad CSV, field count).
        var skips = Regex.Matches(code, @"var (?:skip|problem) = [^;]*;|new CsvRecord\([^;]*;").SelectMany(m => SourceLiterals.All(m.Value)).Where(s => s.Length > 1).Distinct().ToList();
        Assert.True(skips.Count >= 14, $"only {skips.Count} skip reasons read: {string.Join(" | ", skips)}");
        // The notes made elsewhere: an encoding guessed, a report footer skipped, a date column decided.
        var made = new[]
        {
            CrmSource.WindowsLatin1Note("leads.csv", 7),
            "pipeline.csv: the report footer (rows 90-91: 'Total' / 'Generated by CRM') is not data and was skipped; its 88 records are the 88 rows read",
            "pipeline.csv: the report footer (rows 90-91: 'Total') is not data and was skipped; it counts 87 records, 88 rows were read",
            "pipeline.csv: the report footer (rows 90-90: 'Total') is not data and was skipped",
            "column engage_date: 1 row of pipeline.csv could be day-first or month-first; every unambiguous row is day-first, so day-first is used",
            "column engage_date: 1,204 rows of pipeline.csv could be day-first or month-first; every unambiguous row is month-first, so month-first is used",
            "the price list was not kept as the workspace's setup: too many products",
        };
        foreach (var phrase in new[] { "is not data and was skipped{count}", "could be day-first or month-first\";", "every unambiguous row is {Name(decided)}, so {Name(decided)} is used" })
            Assert.Contains(phrase, code);
        var missing = notes.Concat(made).Where(n => !SaidInChinese(ImportNoteChinese.Note(n)))
            .Concat(skips.Where(s => !SaidInChinese(ImportNoteChinese.Skip(s)))).ToList();
        Assert.True(missing.Count == 0, "no Chinese for:\n" + string.Join("\n", missing));

        // A note says its skipped rows in Chinese too; file names and values stay.
        Assert.Equal("teams.csv 第 4 行：销售 'Ann Lee' 没有经理；已跳过该行", ImportNoteChinese.Note("teams.csv line 4: agent 'Ann Lee' has no manager; row skipped"));
        Assert.Equal("leads.csv：跳过了 2 行线索（第 3 行：没有线索编号；第 9 行：线索 'L-1' 重复列出）",
            ImportNoteChinese.Note("leads.csv: 2 lead row(s) skipped (line 3: no lead id; line 9: lead 'L-1' listed again)"));
        Assert.Equal("engage_date 列：pipeline.csv 中有 1 行既可按日在前也可按月在前读取；所有无歧义的行都是日在前，因此按日在前读取", ImportNoteChinese.Note(made[4]));
        var issue = new ImportIssue(12, "", ImportReasons.UnreadableDate, "'31/31/2025'");
        Assert.Equal("第 12 行（无编号）：无法读取的日期：'31/31/2025'", ImportNoteChinese.Issue(issue));
        var words = Words();
        Assert.Equal(issue.ToString(), In("en", () => words.ImportIssue(issue)));
        Assert.Equal(made[0], In("en", () => words.ImportNote(made[0])));
        Assert.Equal("没有客户账户", In("zh-Hans", () => words.ImportReason(ImportReasons.NoAccount)));
    }
}
