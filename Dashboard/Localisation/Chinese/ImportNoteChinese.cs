namespace Growth.Dashboard.Localisation.Chinese;

/// <summary>
/// The import report's text (Domain/Import writes it in English, its canonical wording) in Simplified Chinese: the
/// reasons rows were fixed up or rejected (<c>ImportReasons</c>, by their fixed text), the notes on how the files were
/// read, and the reasons a row of the teams, products or leads file was skipped (put inside a note).
/// <c>DomainTextLocalisationTests</c> reads every note and skip reason from the source and fails on one without Chinese.
/// File names, column names, ids and values from the files stay as they are.
/// </summary>
public static class ImportNoteChinese
{
    /// <summary>Every <c>ImportReasons</c> text, in Chinese.</summary>
    public static IReadOnlyDictionary<string, string> Reasons { get; } = new Dictionary<string, string>
    {
        ["product matched ignoring spaces and case"] = "产品名称忽略空格和大小写后匹配",
        ["product not in the price list: opportunity valued at 0"] = "产品不在价目表中：商机按 0 计价",
        ["no product: opportunity valued at 0"] = "没有产品：商机按 0 计价",
        ["no account"] = "没有客户账户",
        ["agent matched ignoring spaces and case"] = "销售名称忽略空格和大小写后匹配",
        ["agent not in the teams file: no team or region"] = "销售不在团队文件中：不属于任何团队或区域",
        ["no agent: no rep, team or region"] = "没有销售：不计入任何销售、团队或区域",
        ["prospect without a date: dated at the latest date in the file"] = "潜在客户没有日期：按文件中最晚的日期计",
        ["won without a close value: value unknown"] = "赢单没有成交金额：金额未知",
        ["no amount: opportunity valued at 0"] = "没有金额：商机按 0 计价",
        ["close date or value on an open deal ignored"] = "进行中交易上的成交日期或金额已忽略",
        ["no opportunity id"] = "没有商机编号",
        ["opportunity id cannot be a journey id"] = "商机编号不能用作客户旅程编号",
        ["duplicate opportunity id"] = "商机编号重复",
        ["malformed row"] = "行格式错误",
        ["unknown deal stage"] = "未知的交易阶段",
        ["lead not in the leads file"] = "线索不在线索文件中",
        ["unknown deal status"] = "未知的交易状态",
        ["unreadable date"] = "无法读取的日期",
        ["missing date"] = "缺少日期",
        ["close date before engage date"] = "成交日期早于接触日期",
        ["unreadable close value"] = "无法读取的成交金额",
        ["negative close value"] = "成交金额为负",
        ["prospect without a date, and no date in the file"] = "潜在客户没有日期，且文件中没有任何日期",
        ["no key"] = "没有关联键",
        ["key matches no imported deal"] = "关联键与导入的任何交易都不匹配",
        ["unreadable amount"] = "无法读取的金额",
        ["amount not positive"] = "金额不是正数",
        ["no order id"] = "没有订单编号",
        ["duplicate order id"] = "订单编号重复",
        ["id cannot name an event"] = "编号不能用作事件编号",
        ["not a customer: its deal is not won"] = "不是客户：其交易未赢单",
        ["dated before its deal allows"] = "日期早于其交易允许的时间",
        ["payment exceeds what was owed"] = "付款超过了应收金额",
        ["refused by the journey"] = "被客户旅程拒绝",
    };

    /// <summary>Why a row of the teams, products or leads file was skipped (a row's problem, or what it lacks).</summary>
    static readonly PatternCatalogue Skips = new(
    [
        ("malformed CSV ({0})", "CSV 格式错误（{0}）"),
        ("{0} fields where the header has {1}", "有 {0} 个字段，而表头有 {1} 个"),
        ("1 field where the header has {0}", "有 1 个字段，而表头有 {0} 个"),
        ("no product name", "没有产品名称"),
        ("price '{0}' is not an amount", "价格 '{0}' 不是金额"),
        ("product '{0}' listed again", "产品 '{0}' 重复列出"),
        ("no agent", "没有销售"),
        ("agent '{0}' has no manager", "销售 '{0}' 没有经理"),
        ("agent '{0}' has no regional office", "销售 '{0}' 没有所属区域办公室"),
        ("agent '{0}' listed again", "销售 '{0}' 重复列出"),
        ("no lead id", "没有线索编号"),
        ("lead id '{0}' cannot be a journey id", "线索编号 '{0}' 不能用作客户旅程编号"),
        ("lead '{0}' listed again", "线索 '{0}' 重复列出"),
        ("first contact '{0}' is not a date ({1})", "首次接触 '{0}' 不是日期（{1}）"),
        ("line {0}: {1}", "第 {0} 行：{1}"),
        // An event file's rejected row: what it names (details of payments, orders and activities rows)
        ("{0} '{1}' (row {2} is kept)", "{0} '{1}'（保留第 {2} 行）"),
        ("{0} '{1}' is a lost deal", "{0} '{1}' 是已输掉的交易"),
        ("{0} '{1}' is an open deal", "{0} '{1}' 是进行中的交易"),
        ("{0} '{1}' is a lead without a deal", "{0} '{1}' 是没有交易的线索"),
        ("{0} '{1}' is before the lead was created ({2})", "{0} '{1}' 早于线索创建时间（{2}）"),
        // Where a note points: "file line N"
        ("{0} line {1}", "{0} 第 {1} 行"),
        ("day-first", "日在前"),
        ("month-first", "月在前"),
        ("...", "……"),
    ], Value);

    /// <summary>A value put back into a note: a skip reason, a list of them ("line 3: …; line 5: …"), a place, or as it was.</summary>
    static string Value(string value) =>
        value.Contains("; ", StringComparison.Ordinal) && value.StartsWith("line ", StringComparison.Ordinal)
            ? string.Join("；", value.Split("; ").Select(v => Skips.Translate(v) ?? v))
            : Skips.Translate(value) ?? value;

    static readonly PatternCatalogue Notes = new(
    [
        ("{0} line {1}: {2}; row skipped", "{0} 第 {1} 行：{2}；已跳过该行"),
        ("{0} line {1}: '{2}' and '{3}' differ only in spacing or case; only exact spellings match them",
            "{0} 第 {1} 行：'{2}' 和 '{3}' 只在空格或大小写上不同；只有完全相同的写法才能匹配它们"),
        ("no teams file: {0} reps from column {1} of {2}, in one team '{3}' of region '{4}'",
            "没有团队文件：从 {2} 的 {1} 列得到 {0} 名销售，归入区域 '{4}' 的一个团队 '{3}'"),
        ("{0}: manager '{1}' already leads a team in {2}; agent '{3}' counted there, not in {4}",
            "{0}：经理 '{1}' 已在 {2} 带领一个团队；销售 '{3}' 计入那里，而不是 {4}"),
        ("{0}: {1} lead row(s) skipped ({2})", "{0}：跳过了 {1} 行线索（{2}）"),
        ("{0}: origin(s) {1} have no channel in the mapping: their campaigns have none", "{0}：来源 {1} 在映射中没有渠道：它们的活动也没有渠道"),
        ("{0} is not UTF-8 (row {1} has the first byte that is not) and has no byte order mark: it was read as Windows-1252, the encoding of Western spreadsheets; save it as UTF-8 if names look wrong",
            "{0} 不是 UTF-8（第 {1} 行有第一个非 UTF-8 字节），也没有字节顺序标记：已按西文电子表格的编码 Windows-1252 读取；如果名称显示不对，请另存为 UTF-8"),
        ("{0}: the report footer (rows {1}-{2}: {3}) is not data and was skipped; its {4} records are the {5} rows read",
            "{0}：报表页脚（第 {1}-{2} 行：{3}）不是数据，已跳过；其中的 {4} 条记录就是读取的 {5} 行"),
        ("{0}: the report footer (rows {1}-{2}: {3}) is not data and was skipped; it counts {4} records, {5} rows were read",
            "{0}：报表页脚（第 {1}-{2} 行：{3}）不是数据，已跳过；它记录了 {4} 条，实际读取了 {5} 行"),
        ("{0}: the report footer (rows {1}-{2}: {3}) is not data and was skipped", "{0}：报表页脚（第 {1}-{2} 行：{3}）不是数据，已跳过"),
        ("column {0}: {1} row of {2} could be day-first or month-first; every unambiguous row is {3}, so {3} is used",
            "{0} 列：{2} 中有 {1} 行既可按日在前也可按月在前读取；所有无歧义的行都是{3}，因此按{3}读取"),
        ("column {0}: {1} rows of {2} could be day-first or month-first; every unambiguous row is {3}, so {3} is used",
            "{0} 列：{2} 中有 {1} 行既可按日在前也可按月在前读取；所有无歧义的行都是{3}，因此按{3}读取"),
        ("the price list was not kept as the workspace's setup: {0}", "价目表未保存为工作区的设置：{0}"),
    ], Value);

    /// <summary>A note of the import report in Chinese, or null when no pattern knows it.</summary>
    public static string? Note(string english) => Notes.Translate(english);

    /// <summary>Why a row was skipped, in Chinese, or null when no pattern knows it.</summary>
    public static string? Skip(string english) => Skips.Translate(english);

    /// <summary>One fixed-up or rejected row, as <c>ImportIssue.ToString</c> says it, in Chinese (the values involved as they were).</summary>
    public static string Issue(Growth.Domain.Import.ImportIssue issue) =>
        $"{(issue.File is null ? "" : issue.File + " ")}第 {issue.Row} 行（{(issue.OpportunityId.Length > 0 ? issue.OpportunityId : "无编号")}）：{Reason(issue.Reason) ?? issue.Reason}{(issue.Detail is null ? "" : $"：{(issue.File is null ? issue.Detail : Skip(issue.Detail) ?? issue.Detail)}")}";

    /// <summary>A reason a row was fixed up or rejected, in Chinese, or null.</summary>
    public static string? Reason(string english) => Reasons.GetValueOrDefault(english);
}
