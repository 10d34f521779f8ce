namespace Growth.Dashboard.Localisation.Chinese;

/// <summary>
/// The setup validator's and reader's problems (Domain/Setup: English, the canonical wording the API and tests keep) in
/// Simplified Chinese. Each entry is the English message as a pattern ({0}, {1}… stand for the values it names) and its
/// Chinese; the first whole match wins, so a specific wording stands before a general one. <c>LocalisationTests</c>
/// reads every message the validator can write from its source and fails on one no entry matches.
/// </summary>
public static class SetupProblemChinese
{
    static readonly (string English, string Chinese)[] Entries =
    [
        ("must not be empty", "不能为空"),
        ("must be at most {0} characters (was {1})", "最多 {0} 个字符（当前为 {1}）"),
        ("must be {0} or more (was {1})", "必须不小于 {0}（当前为 {1}）"),
        ("must be 0 or more (was {0})", "必须不小于 0（当前为 {0}）"),
        ("must be between 0 (never) and 1000 days past due (was {0})", "必须在 0（从不）到逾期 1000 天之间（当前为 {0}）"),
        ("must be between 0 (never) and 50 (was {0})", "必须在 0（从不）到 50 之间（当前为 {0}）"),
        ("must be between 1 (one invoice) and 60 (was {0})", "必须在 1（一张发票）到 60 之间（当前为 {0}）"),
        ("must be between {0} and {1} hours (was {2})", "必须在 {0} 到 {1} 小时之间（当前为 {2}）"),
        ("must be between {0} and {1} days (was {2})", "必须在 {0} 到 {1} 天之间（当前为 {2}）"),
        ("must be between {0} and {1} (was {2})", "必须在 {0} 到 {1} 之间（当前为 {2}）"),
        ("must be more than 0 and at most {0} hours (was {1})", "必须大于 0 且最多 {0} 小时（当前为 {1}）"),
        ("must be more than 0 and at most {0} days (was {1})", "必须大于 0 且最多 {0} 天（当前为 {1}）"),
        ("must be more than 0 (was {0})", "必须大于 0（当前为 {0}）"),
        ("must be 1 to 366 days past due, each after the one before (was {0})", "必须是逾期 1 到 366 天，且每个都在前一个之后（当前为 {0}）"),
        ("must be a time of day as HH:mm, such as 09:00 (was '{0}')", "必须是 HH:mm 格式的时刻，例如 09:00（当前为 '{0}'）"),
        ("must be above from ({0}) (was {1})", "必须大于 from（{0}）（当前为 {1}）"),
        ("must be after workdayStart ({0}) (was {1})", "必须晚于 workdayStart（{0}）（当前为 {1}）"),
        ("must be on or after start ({0}) (was {1})", "不能早于 start（{0}）（当前为 {1}）"),
        ("must not be before effectiveFrom ({0}) (was {1})", "不能早于 effectiveFrom（{0}）（当前为 {1}）"),
        ("must be one of a, b, c, d (was {0})", "必须是 a、b、c、d 之一（当前为 {0}）"),
        ("must lie between {0} and {1}", "必须在 {0} 到 {1} 之间"),
        ("must not be below the rate of the tier before ({0}) (was {1})", "不能低于前一档的费率（{0}）（当前为 {1}）"),
        ("must start where the tier before ends ({0}) (was {1})", "必须从前一档结束处开始（{0}）（当前为 {1}）"),
        ("the first tier must start at 0 (was {0})", "第一档必须从 0 开始（当前为 {0}）"),
        ("must hold at least one tier (a tier from 0 with rate 0 pays no commission)", "至少要有一档（从 0 开始、费率为 0 的一档不付佣金）"),
        ("follows a tier without an end (only the last tier may leave 'to' out)", "前一档没有终点（只有最后一档可以省略 'to'）"),
        ("must name a segment or a region", "必须指明一个细分市场或区域"),
        ("must name at least one day", "至少要指明一天"),
        ("a region needs at least one team", "一个区域至少需要一个团队"),
        ("a team needs at least one rep", "一个团队至少需要一位销售"),
        ("is required when costModel is fixed (a fixed fee buys no reach of its own)", "costModel 为 fixed 时必填（固定费用本身不带来触达）"),
        ("referral is not a paid campaign channel (referrals come from customers)", "推荐不是付费活动渠道（推荐来自客户）"),
        ("'{0}' is not an ISO 4217 currency code (three capital letters, such as USD, EUR or CNY)", "'{0}' 不是 ISO 4217 货币代码（三个大写字母，例如 USD、EUR 或 CNY）"),
        ("'{0}' is not a day of the week", "'{0}' 不是星期几"),
        ("'{0}' is not one of {1}", "'{0}' 不是以下之一：{1}"),
        ("'{0}' must be 1-100 letters, digits or . _ : # -", "'{0}' 必须是 1-100 个字母、数字或 . _ : # -"),
        ("'{0}' must be {1}", "'{0}' 必须是 {1}"),
        ("a company target has no id (was '{0}')", "公司目标没有编号（当前为 '{0}'）"),
        ("a {0} target needs the {0}'s id", "{0} 目标需要该 {0} 的编号"),
        ("duplicate fiscal period name '{0}' (also at {1})", "财务期间名称 '{0}' 重复（另见 {1}）"),
        ("duplicate target for {0} in {1} (also at {2})", "{1} 中 {0} 的目标重复（另见 {2}）"),
        ("duplicate {0} id '{1}' (also at {2})", "{0} 编号 '{1}' 重复（另见 {2}）"),
        ("grade {0} is given more than once", "等级 {0} 给出了不止一次"),
        ("overlaps {0} ({1}..{2})", "与 {0}（{1}..{2}）重叠"),
        ("product '{0}' is already priced in this list (at {1})", "产品 '{0}' 已在此价目表中定价（见 {1}）"),
        ("product '{0}' already has a spiff (at {1})", "产品 '{0}' 已有专项奖励（见 {1}）"),
        ("needs a product or a channel (the kind of deal it is paid on)", "需要产品或渠道（专项奖励所针对的交易类型）"),
        ("unknown channel '{0}' (use {1})", "未知的渠道 '{0}'（请使用 {1}）"),
        ("unknown culture '{0}' (such as en-US, de-DE or zh-CN)", "未知的区域格式 '{0}'（例如 en-US、de-DE 或 zh-CN）"),
        ("unknown product line '{0}' (no product in the catalogue has this series)", "未知的产品线 '{0}'（产品目录中没有这个系列的产品）"),
        ("unknown time zone '{0}' (an IANA id such as Asia/Shanghai, or UTC)", "未知的时区 '{0}'（IANA 编号，例如 Asia/Shanghai，或 UTC）"),
        ("unknown {0} '{1}' (known: {2})", "未知的 {0} '{1}'（已有：{2}）"),
        ("team '{0}' is in region '{1}', not in '{2}'", "团队 '{0}' 属于区域 '{1}'，不属于 '{2}'"),
        ("{0} '{1}' is given more than once", "{0} '{1}' 给出了不止一次"),
        ("shares must add up to 1 (they add up to {0})", "占比之和必须为 1（当前之和为 {0}）"),
        ("must name a region or a team to send the leads to", "必须指明线索要分配到的区域或团队"),
        ("needs an organisation with regions and teams to route leads to (organisation.regions is empty)", "需要有区域和团队的组织才能分配线索（organisation.regions 为空）"),
        ("unknown product '{0}'", "未知的产品 '{0}'"),
        ("unknown region '{0}'", "未知的区域 '{0}'"),
        ("unknown {0} '{1}'", "未知的 {0} '{1}'"),
        ("{0} is listed twice", "{0} 列出了两次"),
        ("must come after the last reminder ({0} days past due; was {1})", "必须在最后一次提醒（逾期 {0} 天）之后（当前为 {1}）"),
        ("rep '{0}' has role '{1}', which must be 1-100 letters, digits or . _ : # -", "销售 '{0}' 的角色 '{1}' 必须是 1-100 个字母、数字或 . _ : # -"),
        ("rep '{0}' has role '{1}', which must be {2}", "销售 '{0}' 的角色 '{1}' 必须是 {2}"),
        ("rep '{0}' is listed twice in team {1} (also at {2})", "销售 '{0}' 在团队 {1} 中列出了两次（另见 {2}）"),
        ("rep '{0}' is also in team {1} ({2})", "销售 '{0}' 也在团队 {1} 中（{2}）"),
        ("must not exceed maxDiscount ({0}) (was {1})", "不能超过 maxDiscount（{0}）（当前为 {1}）"),
        ("plan '{0}' is in force on the same days as plan '{1}' for {2}; give them dates that do not overlap", "方案 '{0}' 与方案 '{1}' 对{2}在相同日期生效；请给它们不重叠的日期"),
        ("unknown fiscal period '{0}' (use FY2027, FY2027-Q1..Q4, FY2027-M01..M12 or a period named in company.fiscalPeriods)",
            "未知的财务期间 '{0}'（请使用 FY2027、FY2027-Q1..Q4、FY2027-M01..M12 或 company.fiscalPeriods 中命名的期间）"),
        // The reader's problems (SetupShape, SetupText, SetupFormat): a file's shape and syntax.
        ("must be one of: {0}", "必须是以下之一：{0}"),
        ("must be a set of fields ({0})", "必须是一组字段（{0}）"),
        ("unknown field '{0}' (did you mean '{1}'?)", "未知字段 '{0}'（是不是指 '{1}'？）"),
        ("unknown field '{0}'; the fields here are {1}", "未知字段 '{0}'；此处的字段有 {1}"),
        ("field '{0}' is given twice", "字段 '{0}' 给出了两次"),
        ("JSON syntax error at line {0}: {1}", "JSON 语法错误，第 {0} 行：{1}"),
        ("YAML syntax error at line {0}: {1}", "YAML 语法错误，第 {0} 行：{1}"),
        ("YAML file must hold one document, not several (remove the extra '---')", "YAML 文件只能包含一个文档，不能有多个（删除多余的 '---'）"),
        ("unknown setup part '{0}'; the parts are {1}", "未知的设置部分 '{0}'；可用的部分有 {1}"),
        ("does not fit the setup's shape", "不符合设置的结构"),
    ];

    /// <summary>Words the messages put inside themselves: the kind of thing (price list, rep…) and who a target or plan is for.</summary>
    static readonly (string English, string Chinese)[] PartEntries =
    [
        ("price list", "价目表"), ("product", "产品"), ("campaign", "活动"), ("plan", "方案"), ("rep", "销售"), ("team", "团队"), ("region", "区域"),
        ("segment", "细分市场"), ("tag", "标签"), ("none", "无"), ("role", "角色"),
        ("segment (rules.tags.segments names them)", "细分市场（在 rules.tags.segments 中定义）"), ("tag (rules.tags.custom names them)", "标签（在 rules.tags.custom 中定义）"),
        ("the company", "公司"), ("everyone (both are default plans)", "所有人（两个都是默认方案）"),
        ("rep '{0}'", "销售 '{0}'"), ("team '{0}'", "团队 '{0}'"), ("region '{0}'", "区域 '{0}'"), ("role '{0}'", "角色 '{0}'"), ("company '{0}'", "公司 '{0}'"),
    ];

    static readonly PatternCatalogue Parts = new(PartEntries);

    static readonly PatternCatalogue Catalogue = new(Entries, value => Parts.Translate(value) ?? value);

    /// <summary>A word a message puts inside itself (<see cref="PartEntries"/>) in Chinese, or null.</summary>
    public static string? Part(string english) => Parts.Translate(english);

    /// <summary>The English patterns (for the test that every message the validator writes has one).</summary>
    public static IEnumerable<string> Patterns => Entries.Select(e => e.English);

    /// <summary><paramref name="english"/> in Chinese, or null when no entry matches it whole.</summary>
    public static string? Translate(string english) => Catalogue.Translate(english);
}
