using Growth.Domain.Import;

namespace Growth.Dashboard.Localisation.Chinese;

/// <summary>
/// Why a whole import file was refused (<see cref="CrmImportException"/>: Domain/Import writes it in English, its
/// canonical wording), and why a column mapping cannot be used, in Simplified Chinese. File names, column names, entries
/// as written and values from the files stay as they are. <c>DomainTextLocalisationTests</c> reads every refusal from
/// the source and fails on one without Chinese here.
/// </summary>
public static class ImportRefusalChinese
{
    /// <summary>Lists and sentences a refusal puts inside itself: what a stage map or an origin map may name.</summary>
    static readonly PatternCatalogue Fragments = new(
    [
        ("Won, Lost, Prospecting, Engaging or a step ({0})", "Won、Lost、Prospecting、Engaging 或一个步骤（{0}）"),
        ("the workspace's campaigns are {0}; its channels are {1}", "工作区的活动有 {0}；它的渠道有 {1}"),
        ("the workspace's setup has no campaigns, so the channels are Growth's: {0}", "工作区的设置中没有活动，因此使用 Growth 的渠道：{0}"),
        ("{0}, and this workspace's saved ones {1}", "{0}，以及本工作区保存的 {1}"),
    ]);

    static string Fragment(string value) => Fragments.Translate(value) ?? value;

    static readonly PatternCatalogue Problems = new(
    [
        // Reading the files (CsvTable, DateColumns)
        ("the file is empty: no header row", "文件为空：没有表头行"),
        ("the header lacks the column {0} (header: {1})", "表头缺少列 {0}（表头：{1}）"),
        ("the header lacks the columns {0} (header: {1})", "表头缺少列 {0}（表头：{1}）"),
        ("the format '{0}' given for column {1} is not day-first or month-first (or detect)", "为 {1} 列指定的格式 '{0}' 既不是日在前也不是月在前（也不是 detect）"),
        ("column {0} contradicts itself: row {1} '{2}' can only be day-first, row {3} '{4}' only month-first; correct the file or give the column's format",
            "{0} 列自相矛盾：第 {1} 行 '{2}' 只能是日在前，第 {3} 行 '{4}' 只能是月在前；请更正文件，或指定该列的格式"),
        ("column {0}: {1} row of {2} could be day-first or month-first; no row decides it, so a format (day-first or month-first) must be chosen for column {3}",
            "{0} 列：{2} 中有 {1} 行既可按日在前也可按月在前读取；没有任何一行能确定顺序，因此必须为 {3} 列选择格式（日在前或月在前）"),
        ("column {0}: {1} rows of {2} could be day-first or month-first; no row decides it, so a format (day-first or month-first) must be chosen for column {3}",
            "{0} 列：{2} 中有 {1} 行既可按日在前也可按月在前读取；没有任何一行能确定顺序，因此必须为 {3} 列选择格式（日在前或月在前）"),
        // The mapping and the files together (CrmImport, StageNames, OriginTargets, CrmValues)
        ("the mapping names a teams file, but none was given", "映射指定了团队文件，但没有提供该文件"),
        ("the mapping names a products file, but none was given", "映射指定了产品文件，但没有提供该文件"),
        ("the mapping names a leads file, but none was given", "映射指定了线索文件，但没有提供该文件"),
        ("no value of column {0} is in column {1} of {2} (row {3}: '{4}'); check the mapping and the files",
            "{0} 列的值没有一个出现在 {2} 的 {1} 列中（第 {3} 行：'{4}'）；请检查映射和文件"),
        ("stage map entry '{0}' is not name=target with target one of {1}", "阶段映射条目 '{0}' 不是“名称=目标”的写法，目标须为 {1} 之一"),
        ("origin channel entry '{0}' is not origin=campaign or origin=channel; {1}", "来源渠道条目 '{0}' 不是“来源=活动”或“来源=渠道”的写法；{1}"),
        ("origin channel entry '{0}': '{1}' is not a campaign or channel of the workspace; {2}", "来源渠道条目 '{0}'：'{1}' 不是本工作区的活动或渠道；{2}"),
        ("amount culture '{0}' is not a known culture name (such as en-US, de-DE, fr-FR)", "金额区域 '{0}' 不是已知的区域名称（例如 en-US、de-DE、fr-FR）"),
        // Placing the history in time (EventTimeHistory)
        ("the history has no event to place in time", "历史中没有可以按时间排列的事件"),
        ("now ({0}) is before the history's last event ({1}); pick a date on or after it", "当前日期（{0}）早于历史中的最后一个事件（{1}）；请选择当天或之后的日期"),
        // Nothing importable (CrmImportException.NothingImported, when it has no report to say it from)
        ("the file has a header but no data rows; nothing was imported", "文件有表头但没有数据行；未导入任何内容"),
        // The column mapping of an upload (CrmUpload)
        ("preset '{0}' is unknown; the presets are {1}", "预设 '{0}' 不存在；可用的预设有 {1}"),
        ("form field '{0}' is not a column mapping; the mapping fields are {1}", "表单字段 '{0}' 不是列映射；映射字段有 {1}"),
        ("column mapping '{0}' is empty", "列映射 '{0}' 为空"),
        ("field now '{0}' is not a date written yyyy-MM-dd", "字段 now '{0}' 不是按 yyyy-MM-dd 书写的日期"),
    ], Fragment);

    /// <summary>A problem of a file or a mapping (without the file's name) in Chinese, or null when no pattern knows it.</summary>
    public static string? Problem(string english) => Problems.Translate(english);

    /// <summary>
    /// A refused file as "file：problem" in Chinese; an import of no row is said from its report (counts, each reason and
    /// the first rejected row in Chinese). A problem no pattern knows stays in English after the file's name.
    /// </summary>
    public static string Refusal(CrmImportException refused)
    {
        if (refused.Report is { RowsRead: > 0 } report)
        {
            var reasons = string.Join("；", report.RejectedByReason.Select(r => $"{ImportNoteChinese.Reason(r.Key) ?? r.Key}：{r.Value:N0} 行"));
            var first = report.Rejected.Count > 0 ? $"（第一行：{ImportNoteChinese.Issue(report.Rejected[0])}）" : "";
            return $"{refused.FileName}：全部 {report.RowsRead:N0} 行都无法导入；被拒原因：{reasons}{first}";
        }
        return $"{refused.FileName}：{Problem(refused.Problem) ?? refused.Problem}";
    }
}
