namespace Growth.Dashboard.Localisation.Chinese;

/// <summary>
/// Text the domain writes in English (its canonical wording, pinned by tests) in Simplified Chinese, by a stable code:
/// a setup template's summary by its id; the compensation statement's line notes by their pattern. <c>LocalisationTests</c>
/// fails on a shipped template or a note without a translation here.
/// </summary>
public static class DomainChinese
{
    /// <summary>The templates' summaries (the comment lines atop <c>Domain/Setup/Templates/*.yaml</c>), by template id.</summary>
    public static IReadOnlyDictionary<string, string> TemplateSummaries { get; } = new Dictionary<string, string>
    {
        ["business-software"] = "Brightline Software：面向企业销售的商业软件。销售周期长、大单少（年度合同 20,000 至 120,000 USD），" +
            "两个区域各有大客户和中型客户团队，线索来自活动、网络研讨会和广告；季度配额约 250,000 USD；财年从二月开始。",
        ["consumer-education"] = "启航教育：面向家庭和成人销售的培训课程。线索多而小，来自信息流广告、试听课和推荐（其中不少无效），" +
            "课程包 3,000 至 30,000 CNY，三个区域（华东、华南、华北），销售人数多、配额较小（每季度约 150,000 CNY）；财年从一月开始。",
        ["industrial-equipment"] = "Rheinwerk Maschinenbau GmbH：直销及经销商销售的压力机、加工中心和冲压线。销售少、区域大，" +
            "设备 40,000 至 400,000 EUR，含单位成本和区域价目表，渠道为贸易展会和行业媒体；付款期 60 天、预付 30%；财年从十月开始。",
    };
}
