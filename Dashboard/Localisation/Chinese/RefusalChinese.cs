namespace Growth.Dashboard.Localisation.Chinese;

/// <summary>
/// Why a request was refused (Application/Refusal, Api/DomainExceptionHandler: English, the API's canonical wording) in
/// Simplified Chinese: every title, and the details pages show most (a setup's problems through
/// <see cref="SetupProblemChinese"/>). <c>LocalisationTests</c> reads every refusal title from the source and fails on
/// one without a translation here; a detail without one stays in English.
/// </summary>
public static partial class RefusalChinese
{
    public static IReadOnlyDictionary<string, string> Titles { get; } = new Dictionary<string, string>
    {
        ["A product cannot be used"] = "无法使用某个产品",
        ["Invalid record query"] = "记录查询无效",
        ["Too many rows"] = "行数过多",
        ["The twin cannot run so"] = "数字孪生无法按此运行",
        ["No figures yet"] = "还没有数据",
        ["The twin cannot start"] = "数字孪生无法启动",
        ["Storage failed during the restore"] = "恢复期间存储失败",
        ["The preset was not deleted"] = "预设未删除",
        ["Backup too large"] = "备份太大",
        ["Event refused; nothing was applied"] = "事件被拒绝；未作任何更改",
        ["Invalid Monte Carlo parameters"] = "蒙特卡洛参数无效",
        ["Invalid call"] = "预测判断无效",
        ["Invalid cohort"] = "培训班无效",
        ["Invalid deal query"] = "交易查询无效",
        ["Invalid goal seek"] = "目标求解无效",
        ["Invalid lever"] = "杠杆无效",
        ["Invalid allocation"] = "配额分配无效",
        ["Invalid journey id"] = "客户旅程编号无效",
        ["Invalid paths"] = "路径数无效",
        ["Invalid period"] = "期间无效",
        ["Invalid preset name"] = "预设名称无效",
        ["Invalid rep"] = "销售无效",
        ["Invalid trainee"] = "学员无效",
        ["Invalid view"] = "视图无效",
        ["Invalid workspace name"] = "工作区名称无效",
        ["No events"] = "没有事件",
        ["No history"] = "没有历史",
        ["No setup"] = "没有设置",
        ["No trainee"] = "没有学员",
        ["Not a lost deal"] = "不是丢单",
        ["Not a quarter"] = "不是一个季度",
        ["Not a readable backup"] = "不是可读取的备份",
        ["Not allowed"] = "不允许",
        ["Not assigned"] = "未分配",
        ["Not found"] = "未找到",
        ["Not passed yet"] = "尚未通过",
        ["Nothing to calibrate on"] = "没有可用于校准的数据",
        ["Nothing to project"] = "没有可预测的内容",
        ["Restore refused"] = "恢复被拒绝",
        ["Scenario too large"] = "场景太大",
        ["Setup too large"] = "设置太大",
        ["The assignment was refused"] = "任务被拒绝",
        ["The batch is too large; nothing was applied"] = "批次太大；未作任何更改",
        ["The preset was not saved"] = "预设未保存",
        ["The preview was refused"] = "预览被拒绝",
        ["The request body could not be read; nothing was applied"] = "无法读取请求内容；未作任何更改",
        ["The scenario has problems"] = "场景有问题",
        ["The scenario was refused"] = "场景被拒绝",
        ["The setup changed meanwhile"] = "设置在此期间已被更改",
        ["The setup is invalid; nothing was applied"] = "设置无效；未作任何更改",
        ["The version was not restored"] = "版本未恢复",
        ["The workspace cannot take an import"] = "该工作区不能导入",
        ["The workspace could not be created"] = "无法创建工作区",
        ["The workspace exists"] = "工作区已存在",
        ["Unknown assignment"] = "未知的任务",
        ["Unknown basis"] = "未知的依据",
        ["Unknown column mapping"] = "未知的列映射",
        ["Unknown difficulty"] = "未知的难度",
        ["Unknown format"] = "未知的格式",
        ["Unknown journey"] = "未知的客户旅程",
        ["Archived journey"] = "已归档的客户旅程",
        ["Unknown language"] = "未知的语言",
        ["Unknown period"] = "未知的期间",
        ["Unknown scenario"] = "未知的场景",
        ["Unknown scope"] = "未知的范围",
        ["Unknown setup part"] = "未知的设置部分",
        ["Unknown setup version"] = "未知的设置版本",
        ["Unknown template"] = "未知的模板",
        ["Unknown workspace"] = "未知的工作区",
        ["Unreadable If-Match"] = "无法读取 If-Match",
        ["Workspace exists"] = "工作区已存在",
        // Api/DomainExceptionHandler
        ["The request was refused"] = "请求被拒绝",
        ["The request body could not be read"] = "无法读取请求内容",
        // Problems written directly (Api/, Security/, Localisation/)
        ["Which history?"] = "哪段历史？",
        ["The file cannot be imported; nothing was stored"] = "无法导入该文件；未保存任何内容",
        ["The upload is too large"] = "上传内容太大",
        ["Expected a form upload"] = "需要表单上传",
        ["The upload could not be read"] = "无法读取上传内容",
        ["Unreadable date"] = "无法读取的日期",
        ["Files missing"] = "缺少文件",
        ["Not signed in"] = "未登录",
        ["Unknown key"] = "未知的密钥",
        ["Not a grant"] = "不是有效的授权",
        ["Sign in first"] = "请先登录",
        ["A valid ingestion key is required"] = "需要有效的接入密钥",
        ["Too many requests for this ingestion key"] = "此接入密钥的请求过多",
        ["Too many sign-in attempts from this address"] = "此地址的登录尝试过多",
    };

    static readonly PatternCatalogue Details = new(
    [
        ("workspace '{0}' must be 1-40 lower-case letters, digits or dashes, starting with a letter or digit", "工作区 '{0}' 必须是 1-40 个小写字母、数字或连字符，并以字母或数字开头"),
        ("journey id '{0}' must be 1-100 letters, digits or . _ : # -", "客户旅程编号 '{0}' 必须是 1-100 个字母、数字或 . _ : # -"),
        ("no workspace named {0}", "没有名为 {0} 的工作区"),
        ("the body must hold at least one event", "请求内容至少要包含一个事件"),
        ("workspace {0} has no setup yet: its organisation and targets are needed for a forecast", "工作区 {0} 还没有设置：预测需要它的组织和目标"),
        ("workspace {0} has no setup yet", "工作区 {0} 还没有设置"),
        ("workspace {0} is a simulation; import into a new workspace", "工作区 {0} 是模拟；请导入到新的工作区"),
        ("workspace {0} has no won or lost deal", "工作区 {0} 没有赢单或丢单"),
        ("amount must not be negative (was {0})", "金额不能为负（当前为 {0}）"),
        ("contactName is longer than {0} characters (was {1})", "contactName 超过 {0} 个字符（当前为 {1}）"),
        ("companyName is longer than {0} characters (was {1})", "companyName 超过 {0} 个字符（当前为 {1}）"),
        ("your roles do not include administering workspace {0}", "你的角色不包括管理工作区 {0}"),
        ("your roles do not include the deals of workspace {0}", "你的角色不包括工作区 {0} 的交易"),
        ("{0} is outside your part of workspace {1}", "{0} 不在你负责的工作区 {1} 范围内"),
        ("rep: {0} is outside your part of workspace {1}", "rep：{0} 不在你负责的工作区 {1} 范围内"),
        ("sign in to save views: a visitor only looks", "登录后才能保存视图：访客只能查看"),
        ("forecast accuracy is the company's: it needs the full view of the workspace", "预测准确度属于整个公司：需要工作区的完整视图"),
        ("only leaders, sales managers and administrators of {0} may assign training", "只有 {0} 的负责人、销售经理和管理员可以分配培训"),
        ("trainee: you may see only your own certificates", "trainee：你只能查看自己的证书"),
    ]);

    /// <summary>A refusal's title in Chinese, or null when there is none.</summary>
    public static string? Title(string english) => Titles.GetValueOrDefault(english);

    /// <summary>
    /// A refusal's detail in Chinese: a known sentence, or a setup's problems ("path: message; path: message") when every
    /// one is known; null otherwise.
    /// </summary>
    public static string? Detail(string english)
    {
        if ((Details.Translate(english) ?? ApiDetails.Translate(english) ?? ImportRefusalChinese.Problem(english)) is { } said) return said;
        var parts = english.Split("; ");
        var problems = parts.Select(p => p.IndexOf(": ", StringComparison.Ordinal) is var at and > 0
            ? SetupProblemChinese.Translate(p[(at + 2)..]) is { } m ? p[..(at + 2)] + m : null
            : null).ToList();
        return problems.All(p => p is not null) ? string.Join("；", problems) : null;
    }
}
