namespace Growth.Dashboard.Localisation.Chinese;

public static partial class AssumptionChinese
{
    // The studies keep their authors and titles as published; what the domain says about them is translated.
    const string Hbr = "Oldroyd, McElheran and Elkington, \"The Short Life of Online Sales Leads\", HBR 2011";
    const string Chung = "Chung, Steenburgh and Sudhir, \"Do Bonuses Enhance Sales Productivity?\", Marketing Science 2014";
    const string Misra = "Misra and Nair, \"A structural model of sales-force compensation dynamics\", QME 2011";
    const string Larkin = "Larkin, \"The Cost of High-Powered Incentives\", J. Labor Economics 2014";
    const string Oyer = "Oyer, \"Fiscal Year Ends and Nonlinear Incentive Contracts\", QJE 1998";

    /// <summary>Where each value comes from, by the domain's English source text.</summary>
    public static IReadOnlyDictionary<string, string> Sources { get; } = new Dictionary<string, string>
    {
        ["assumed"] = "假设",
        ["study: " + Hbr] = "研究：" + Hbr,
        ["study: " + Hbr + " (\"within an hour\")"] = "研究：" + Hbr + "（“一小时之内”）",
        ["study: " + Hbr + " (7× within an hour against an hour later)"] = "研究：" + Hbr + "（一小时内联系是一小时后的 7 倍）",
        ["study: " + Hbr + " (60× against 24 hours or later)"] = "研究：" + Hbr + "（是 24 小时或更晚的 60 倍）",
        ["study: " + Chung + " (direction; size assumed)"] = "研究：" + Chung + "（方向来自研究；大小为假设）",
        ["study: " + Misra + " (size assumed)"] = "研究：" + Misra + "（大小为假设）",
        ["study: " + Larkin + " (size assumed)"] = "研究：" + Larkin + "（大小为假设）",
        ["study: " + Larkin + "; study: " + Oyer + " (timing effects of a few percent of a period's sales; size assumed)"] =
            "研究：" + Larkin + "；研究：" + Oyer + "（时间效应为一期销售额的百分之几；大小为假设）",
        ["fitted: history has no contact times"] = "拟合：历史中没有联系时间",
        ["fitted: so the calibrated model closes the history's share of its leads within the history's span (a seeded trial run)"] =
            "拟合：使校准后的模型在历史时间跨度内关闭的线索比例与历史相同（一次带种子的试运行）",
        ["assumed: every opportunity is won or lost"] = "假设：每个商机最终都会赢单或丢单",
        ["fitted: the history's lead flows hold every lead it had, referred ones included, so customers refer none on top"] =
            "拟合：历史的线索流已包含其全部线索（含转介绍线索），因此客户不再额外转介绍",
        ["fitted: the history's share of leads that reached an opportunity"] = "拟合：历史中进入商机的线索比例",
        ["fitted: the history's mean days from engagement to a win"] = "拟合：历史中从接洽到赢单的平均天数",
        ["fitted: won ÷ closed opportunities of the history, per rep and team"] = "拟合：历史中赢单 ÷ 已关闭商机，按销售和团队",
        ["assumed: step failure rates × skill × intent × price against budget"] = "假设：各步骤失败率 × 技能 × 意向 × 价格相对预算",
        ["data set: Maven Analytics CRM sales opportunities sample (B2B computer hardware and software), mean engage-to-close of won deals 51.8 days"] =
            "数据集：Maven Analytics CRM 销售商机样本（B2B 计算机软硬件），赢单从接洽到成交平均 51.8 天",
        ["assumed: 14 days (a trial lesson and a decision within two weeks)"] = "假设：14 天（两周内试听并作出决定）",
        ["assumed: 90 days (capital purchases pass a budget round)"] = "假设：90 天（资本采购要经过一轮预算）",
        ["assumed: 2 days per conversation step"] = "假设：每个对话步骤 2 天",
        ["setup: company.workdayStart, workdayEnd, timeZone"] = "设置：company.workdayStart、workdayEnd、timeZone",
        ["setup: company.workingDays"] = "设置：company.workingDays",
        ["setup: rules.firstContactDeadlineHours (default 24)"] = "设置：rules.firstContactDeadlineHours（默认 24）",
        ["setup: rules.inFlightDeals (assumed 0)"] = "设置：rules.inFlightDeals（假设 0）",
        ["setup: rules.archiveClosedAfterDays (assumed 365)"] = "设置：rules.archiveClosedAfterDays（假设 365）",
        ["setup: rules.grades (defaults assumed)"] = "设置：rules.grades（默认值为假设）",
        ["assumed: the seeded demo's revenue per rep working day over its first whole simulated quarter (seed 42, 60 reps: 366)"] =
            "假设：种子演示在第一个完整模拟季度中每位销售每工作日的收入（种子 42，60 位销售：366）",
        ["setup: paymentTerms.onTimeShare (assumed 0.75)"] = "设置：paymentTerms.onTimeShare（假设 0.75）",
        ["setup: rules.contract.draftDays (assumed 2)"] = "设置：rules.contract.draftDays（假设 2）",
        ["setup: rules.contract.approvalHours (assumed 48)"] = "设置：rules.contract.approvalHours（假设 48）",
        ["setup: rules.contract.refusalShare (assumed 0.2)"] = "设置：rules.contract.refusalShare（假设 0.2）",
        ["setup: catalogue.discounts.repLimit (default 0.10)"] = "设置：catalogue.discounts.repLimit（默认 0.10）",
        ["setup: rules.collections (default 1)"] = "设置：rules.collections（默认 1）",
        ["setup: rules.collections.reminderDays (default none)"] = "设置：rules.collections.reminderDays（默认无）",
        ["setup: rules.collections.writeOffDays (default never)"] = "设置：rules.collections.writeOffDays（默认从不）",
        ["setup: rules.collections.refundShareOnChurn (assumed 0.5)"] = "设置：rules.collections.refundShareOnChurn（假设 0.5）",
        ["setup: rules.customers.highValue (assumed: the list price)"] = "设置：rules.customers.highValue（假设：标价）",
        ["setup: rules.customers.activeDays (assumed 180)"] = "设置：rules.customers.activeDays（假设 180）",
        ["setup: rules.customers.grades (defaults assumed)"] = "设置：rules.customers.grades（默认值为假设）",
        ["setup: the flat 8 % plan"] = "设置：统一 8 % 方案",
        [global::Growth.Domain.LongRun.LongRunAssumptions.TenureSource] =
            "研究：The Bridge Group, SaaS AE report 2018（平均任期 1.5 年），引自 Xactly, \"6 Sales Turnover Statistics You Need to Know\", 2019",
        ["assumed (targets.growth)"] = "假设（targets.growth）",
    };

    /// <summary>An assumption's effect in Chinese (its figures put back in), or null when the catalogue lacks it.</summary>
    public static string? Effect(string key, string english)
    {
        if (!Effects.TryGetValue(key, out var zh)) return null;
        if (!zh.Contains("{0}")) return zh;
        // The English carries the figures ("leads arrive 2.1× the mean rate … and 0.3× outside it"): take them in order.
        var figures = System.Text.RegularExpressions.Regex.Matches(english, @"[0-9]+(?:\.[0-9]+)?(?=×)").Select(m => (object)m.Value).ToArray();
        return figures.Length >= 2 ? string.Format(System.Globalization.CultureInfo.InvariantCulture, zh, figures) : null;
    }

    /// <summary>A source in Chinese, or null when the catalogue lacks it.</summary>
    public static string? Source(string english) => Sources.GetValueOrDefault(english);
}
