namespace Growth.Dashboard.Localisation.Chinese;

/// <summary>
/// The assumption catalogue's effects (by the assumption's stable key) and sources (by the domain's English text, which
/// stays the canonical wording) in Simplified Chinese. <c>LocalisationTests</c> enumerates every assumption of every
/// company kind, fitted or not, with and without the contract stage, and fails on one missing here.
/// </summary>
public static partial class AssumptionChinese
{
    /// <summary>What each assumption does; {0} and {1} are the domain's figures where its English has them.</summary>
    public static IReadOnlyDictionary<string, string> Effects { get; } = new Dictionary<string, string>
    {
        ["hoursToFirstContact"] = "在正常投入和负荷下，从分配到首次联系的平均间隔；首次联系期限会缩短它，超负荷会拉长它",
        ["speedToLead.graceHours"] = "在此窗口内联系，真实线索保有完整的合格机会",
        ["speedToLead.fastHours"] = "窗口过后机会迅速下降：第二个小时平均只有第一个小时的 1/7",
        ["speedToLead.tailShare"] = "急剧下降后剩下的部分；24 小时时约为 1/60",
        ["speedToLead.tailHours"] = "一天之后长尾衰减得有多慢",
        ["speedToLead.enabled"] = "当校准在没有联系时间的历史上拟合转化率时关闭",
        ["qualifyEffective"] = "真实线索被立即联系后判定为合格的概率",
        ["junkPassRate"] = "无效线索仍被判定为合格的概率",
        ["salesCycleDays"] = "六个对话步骤，平均每步占其六分之一",
        ["daysBetweenFollowUps"] = "正常投入下对合格线索两次跟进之间的时间（意向等级会改变它）",
        ["winRate"] = "商机赢单的概率",
        ["referralMeanDays"] = "满意的客户大约每隔这么久推荐一人；不太满意的客户推荐得少得多",
        ["maxReferrals"] = "一位客户最多推荐的人数",
        ["churnSatisfaction"] = "低于此值的客户可能要求退款并离开",
        ["daysToChurn"] = "不满意的客户多快离开",
        ["retentionDays"] = "留存这么久的客户计为已留存",
        ["arrival.workingTimeShare"] = "线索在工作时间以平均速率的 {0} 倍到达，在工作时间外为 {1} 倍",
        ["arrival.weekdayWeights"] = "按星期几的线索量（工作日之外的差别）",
        ["arrival.monthWeights"] = "按月份的线索量（全年平均为 1）",
        ["arrival.workday"] = "公司的工作时间：线索大多在此期间到达",
        ["arrival.workingDays"] = "计为工作时间的日子",
        ["rules.firstContactDeadlineHours"] = "到期仍未联系的线索退回线索池，由其团队重新分配",
        ["rules.deadlineAim"] = "销售力争在期限的这一比例内完成首次联系：它限制了平均联系延迟",
        ["rules.grades"] = "A 级（有需求、预算、时机和决策权）跟进最早、最久",
        ["rampUpDays"] = "新销售经过这么久达到完整技能",
        ["rampStartShare"] = "新销售入职当天的技能",
        ["targets.productivityPerRepDay"] = "当工作区的历史太少无法学习时，基于产能的配额使用此值；种子演示的配额是此值 × 65 个工作日",
        ["targets.growth"] = "基于历史的建议要求上期赢单额 × (1 + 此值)",
        ["targets.minHistoryDays"] = "赢单天数少于此值时，基于产能的配额使用假设的每位销售每工作日收入",
        ["onTimePaymentRate"] = "其余的会逾期",
        ["rules.contract.draftDays"] = "从口头赢单到合同起草完成（折扣被拒后再次起草也一样）",
        ["rules.contract.approvalHours"] = "超出销售权限的折扣，经理在这段时间后作出决定",
        ["rules.contract.refusalShare"] = "被拒的折扣按权限上限重新报价、再次起草并签约",
        ["catalogue.discounts.repLimit"] = "更大的折扣需要经理审批",
        ["rules.contract.discountHabit"] = "销售为成交给出价格与预算之差再加至多此值的折扣，不超过最大折扣",
        ["rules.collections.instalments"] = "订单分成这么多等份开票；收入在下单时确认，现金随各期到账",
        ["rules.collections.reminderDays"] = "未付发票在每个时点发出一次提醒（不模拟其对付款的影响）",
        ["rules.collections.writeOffDays"] = "届时仍未付的发票被核销：离开应收账款，收入保留",
        ["rules.collections.refundShareOnChurn"] = "不满意而离开的客户退回已付款项的这一比例",
        ["rules.customers.highValue"] = "订单累计达到此值的客户为高价值客户（A 级和 C 级）",
        ["rules.customers.activeDays"] = "在此天数内购买过的客户为活跃客户（A 级和 B 级）；现有客户的上次购买按其自身的复购频率抽取",
        ["rules.customers.checkInDays"] = "维系投入：A 级客户回访最频繁；每次回访都会重新分级",
        ["rules.customers.annualChurn"] = "无论满意度如何，客户都按其等级设定的恒定速率流失（一年内流失此比例）",
        ["planResponse.referenceRate"] = "销售的激励水平反映此费率；对每一单位都支付此费率的方案不会改变行为",
        ["planResponse.effortElasticity"] = "投入（首次联系速度、跟进）=（下一单位的费率 ÷ 参考费率）^ 此值",
        ["planResponse.minEffort"] = "下一单位不再付钱时（超过封顶后）的投入",
        ["planResponse.maxEffort"] = "最高加速器下的投入",
        ["planResponse.reachPerPeriod"] = "在此值乘以本期剩余比例之内的更高档位，已计入销售为之努力的费率",
        ["planResponse.pullInShare"] = "期末刚低于更高薪酬档位的销售把期末后提前成交期限内到期的这一比例交易提前到本期（30 天时约为一个季度交易的 5%）",
        ["planResponse.pullInDays"] = "只有在期末之后这么多天内到期的交易才能被提前到本期",
        ["planResponse.pullInReach"] = "销售离门槛多近才会提前交易",
        ["planResponse.pullInWindow"] = "期末中会提前交易的那一段",
        ["planResponse.pullInDiscount"] = "期末在门槛附近成交的交易额外给出的折扣",
        ["planResponse.holdBackShare"] = "超过封顶的销售把这一比例的待成交交易推到下一期",
        ["stalledShare"] = "这一比例的商机打开后停滞：既不赢单也不丢单，一直保持未结，就像 CRM 中被搁置的交易",
        ["planResponse.fittedOutputElasticity"] = "在校准过（赢单率已拟合）的工作区，每条线索的赢单随投入 ^ 此值变化",
        ["planResponse.farBelowOteShare"] = "收入低于目标收入这一比例的销售被视为有离职风险",
    };
}
