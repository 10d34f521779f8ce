using Growth.Dashboard.Localisation.Chinese;
using Growth.Domain.Import;

namespace Growth.Dashboard.Tests;

/// <summary>
/// Why a whole import file was refused (every <see cref="CrmImportException"/> Domain/Import throws, the date column's
/// refusals, placing the history in time) and why an upload's column mapping cannot be used, read from the source: each
/// has its Chinese, and English stays as the domain wrote it.
/// </summary>
public partial class DomainTextLocalisationTests
{
    /// <summary>Holes of the import refusals that are fixed text: their real values.</summary>
    static readonly Dictionary<string, string> ImportHoles = new()
    {
        ["Targets"] = $"Won, Lost, Prospecting, Engaging or a step ({string.Join(", ", Enum.GetNames<Growth.Domain.Journeys.ConversationStep>())})",
        ["Allowed"] = OriginTargets.Fixed.Allowed,
        ["FormatNames"] = DateColumns.FormatNames,
        ["NowField"] = "now",
        ["could"] = "3 rows of deals.csv could be day-first or month-first",
    };

    [Fact]
    public void Every_whole_file_import_refusal_has_its_Chinese_and_English_stays_as_written()
    {
        var domain = Code("Domain", "Import");
        // The file a refusal names comes first and is not said again in the problem (a date column's reading names it already).
        var problems = SourceLiterals.After(domain, @"new CrmImportException\((?:[^,()]|\([^()]*\))+,", ImportHoles)
            .Concat(SourceLiterals.After(domain, @"new DateColumnReading\(null, null,", ImportHoles))
            .Concat(SourceLiterals.After(Source("Domain", "Figures", "EventTimeHistory.cs"), @"new ArgumentException\(", ImportHoles))
            .Concat(SourceLiterals.After(Source("Dashboard", "Application", "Import", "CrmUpload.cs"), @"\(null,", ImportHoles))
            .Select(p => (Problem: new CrmImportException("x0", p.Sample).Problem, p.Line)).DistinctBy(p => p.Problem).ToList();
        Assert.True(problems.Count >= 16, $"only {problems.Count} refusals read: {string.Join(" | ", problems.Select(p => p.Problem))}");
        Assert.Contains(problems, p => p.Problem == "the header lacks the columns x1 (header: x2)");
        // Real refusals with their real values: singular and plural, a contradiction, a custom campaign list.
        var undecided = DateColumns.Detect("deals.csv", "won_date", [(2, "01/02/2017")], null).Refusal!;
        var contradicted = DateColumns.Detect("deals.csv", "won_date", [(2, "20/10/2017"), (3, "10/20/2017")], null).Refusal!;
        var own = new OriginTargets { Campaigns = [new Growth.Domain.Setup.CampaignSetup { Id = "webinars", Name = "Spring webinars", Channel = Growth.Domain.Journeys.Channel.Events }] };
        var origin = Assert.Throws<CrmImportException>(() => own.Parse("leads.csv", "blog=Content"));
        var said = problems.Select(p => p.Problem)
            .Concat([new CrmImportException("deals.csv", undecided).Problem, new CrmImportException("deals.csv", contradicted).Problem, origin.Problem])
            .Select(p => (English: p, Chinese: ImportRefusalChinese.Problem(p))).ToList();
        var missing = said.Where(s => !SaidInChinese(s.Chinese)).Select(s => s.English).ToList();
        Assert.True(missing.Count == 0, "no Chinese for:\n" + string.Join("\n", missing));
        // No English sentence is left inside: what stays is names, ids, columns and values.
        Assert.Equal("来源渠道条目 'blog=Content'：'Content' 不是本工作区的活动或渠道；工作区的活动有 Spring webinars (webinars, Events)；它的渠道有 Events, Referral",
            ImportRefusalChinese.Problem(origin.Problem));
        Assert.Equal("won_date 列：deals.csv 中有 1 行既可按日在前也可按月在前读取；没有任何一行能确定顺序，因此必须为 won_date 列选择格式（日在前或月在前）",
            ImportRefusalChinese.Problem(new CrmImportException("deals.csv", undecided).Problem));
        // The file is named once, in English and in Chinese.
        var twice = new CrmImportException("deals.csv", contradicted);
        Assert.Equal(contradicted, twice.Message);
        Assert.StartsWith("deals.csv：won_date 列自相矛盾：第 2 行 '20/10/2017'", In("zh-Hans", () => Words().ImportRefusal(twice)));
        Assert.Equal(contradicted, In("en", () => Words().ImportRefusal(twice)));
    }

    [Fact]
    public void An_import_of_no_row_says_its_counts_and_reasons_in_Chinese()
    {
        var report = new ImportReport
        {
            RowsRead = 1_250, Imported = 0, FixedUp = [], Notes = [],
            Rejected = [new ImportIssue(2, "J1", ImportReasons.UnknownStage, "deal_stage 'Maybe'"), .. Enumerable.Range(3, 1_249).Select(r => new ImportIssue(r, $"J{r}", ImportReasons.MissingDate))],
        };
        var refused = CrmImportException.NothingImported("deals.csv", report);
        Assert.Equal("deals.csv：全部 1,250 行都无法导入；被拒原因：缺少日期：1,249 行；未知的交易阶段：1 行（第一行：第 2 行（J1）：未知的交易阶段：deal_stage 'Maybe'）",
            In("zh-Hans", () => Words().ImportRefusal(refused)));
        Assert.Equal(refused.Message, In("en", () => Words().ImportRefusal(refused)));
        var empty = CrmImportException.NothingImported("deals.csv", report with { RowsRead = 0, Rejected = [] });
        Assert.Equal("deals.csv：文件有表头但没有数据行；未导入任何内容", In("zh-Hans", () => Words().ImportRefusal(empty)));
        // An upload's column mapping that cannot be used, as the page and the API say it.
        Assert.Equal("列映射 'agent' 为空", RefusalChinese.Detail("column mapping 'agent' is empty"));
    }
}
