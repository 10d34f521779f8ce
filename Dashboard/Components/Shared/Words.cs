using System.Globalization;
using System.Text.RegularExpressions;
using Growth.Dashboard.Resources;
using Growth.Domain.Figures;
using Growth.Domain.Journeys;
using Microsoft.Extensions.Localization;

namespace Growth.Dashboard.Components.Shared;

/// <summary>
/// Every word a person reads, in their language (<c>Resources/Ui*.resx</c>): page text by key, and every enum shown on a
/// page (journey and conversation steps, objections, channels, roles…) in a sales leader's words instead of its
/// identifier. Loss reasons and notable events written by the model in English are recognised and said again here.
/// </summary>
public sealed partial class Words(IStringLocalizer<Ui> text)
{
    public string this[string key] => text[key];
    public string this[string key, params object[] args] => text[key, args];

    /// <summary>An enum value in plain words: the key <c>{Type}.{Value}</c>, e.g. <c>FunnelStage.QualifiedIntent</c> → "Qualified intent".</summary>
    public string Of<T>(T value) where T : struct, Enum => text[Key(value)];

    /// <summary>An optional enum value in plain words, or <paramref name="none"/> (already in words) when there is none.</summary>
    public string Of<T>(T? value, string none) where T : struct, Enum => value is { } v ? Of(v) : none;

    /// <summary>The resource key of an enum value.</summary>
    public static string Key<T>(T value) where T : struct, Enum => $"{typeof(T).Name}.{value}";

    /// <summary>"Lead → Qualified intent".</summary>
    public string Stages(FunnelStage from, FunnelStage to) => $"{Of(from)} → {Of(to)}";

    /// <summary>An objection as the snapshot names it (an <see cref="ObjectionType"/> name, or "Other").</summary>
    public string Objection(string name) =>
        Enum.GetNames<ObjectionType>().Contains(name) ? Of(Enum.Parse<ObjectionType>(name)) : name == "Other" ? text["ObjectionType.Other"] : name;

    /// <summary>Why a deal or lead was lost, in words: the model's reasons and objections are translated, a CRM's own words kept.</summary>
    public string Reason(string? reason)
    {
        if (string.IsNullOrEmpty(reason)) return "";
        if (Enum.GetNames<ObjectionType>().Contains(reason)) return Of(Enum.Parse<ObjectionType>(reason));
        if (ReasonKeys.TryGetValue(reason, out var key)) return text[key];
        if (WentCold().Match(reason) is { Success: true } m) return text["Reason.WentCold", m.Groups[1].Value];
        return ContractReason(reason) ?? reason;
    }

    /// <summary>The contract stage's and collections' reasons (JourneyRun.Contract, JourneyRun.Collections) in words.</summary>
    string? ContractReason(string reason)
    {
        if (reason == "re-quoted at the discount limit") return text["Reason.Requoted"];
        if (Discount().Match(reason) is { Success: true } d)
            return text[d.Groups["requote"].Success ? "Reason.DiscountRefused" : "Reason.DiscountAbove", d.Groups["asked"].Value, d.Groups["limit"].Value];
        if (Instalment().Match(reason) is { Success: true } i) return text["Reason.Instalment", i.Groups[1].Value, i.Groups[2].Value];
        if (PastDue().Match(reason) is { Success: true } p) return text[p.Groups["unpaid"].Success ? "Reason.UnpaidPastDue" : "Reason.DaysPastDue", p.Groups["days"].Value];
        if (CustomerGraded().Match(reason) is { Success: true } g)
            return text["Reason.CustomerGraded", g.Groups["value"].Value, g.Groups["high"].Value, g.Groups["days"].Value, g.Groups["active"].Value];
        if (CustomerLeft().Match(reason) is { Success: true } l) return text["Reason.CustomerLeft", l.Groups[1].Value];
        return null;
    }

    /// <summary>A notable event in words: a large win or an anomaly rebuilt from the model's English message; anything else as written.</summary>
    public string Notable(NotableEvent n)
    {
        if (n.Kind == "LargeWin" && LargeWin().Match(n.Message) is { Success: true } win)
            return text["Notable.LargeWin", win.Groups["amount"].Value, win.Groups["factor"].Value, win.Groups["rep"].Value];
        if (n.Kind == "Anomaly" && Anomaly().Match(n.Message) is { Success: true } a
            && Enum.TryParse<FunnelStage>(a.Groups["from"].Value, out var from) && Enum.TryParse<FunnelStage>(a.Groups["to"].Value, out var to))
            return text["Notable.Anomaly", Stages(from, to), a.Groups["recent"].Value, a.Groups["baseline"].Value];
        if (n.Kind == "RepLeft" && RepLeft().Match(n.Message) is { Success: true } left)
            return text["Notable.RepLeft", left.Groups["rep"].Value, left.Groups["team"].Value, left.Groups["leads"].Value];
        if (n.Kind == "RepJoined" && RepJoined().Match(n.Message) is { Success: true } joined)
            return text["Notable.RepJoined", joined.Groups["rep"].Value, joined.Groups["team"].Value];
        if (n.Kind == "QuotasSet" && QuotasSet().Match(n.Message) is { Success: true } q)
            return text["Notable.QuotasSet", q.Groups["plan"].Value, q.Groups["revenue"].Value, q.Groups["factor"].Value];
        if (n.Kind == PoolBreaches.Kind && PoolReturns().Match(n.Message) is { Success: true } pool)
            return text["Notable.PoolReturns", pool.Groups["team"].Value, pool.Groups["returns"].Value, pool.Groups["total"].Value];
        return n.Message;
    }

    /// <summary>Why the bottleneck is where it is, from the stage figures (not the model's English sentence).</summary>
    public string BottleneckReason(InsightFigures? insight)
    {
        if (insight?.Bottleneck is not { } stage || insight.Stages.FirstOrDefault(s => s.From == stage) is not { } h) return text["Insight.NotEnoughData"];
        return h.Anomaly
            ? text["Insight.BottleneckAnomaly", Stages(h.From, h.To), Format.Percent(h.Recent), Format.Percent(h.Baseline)]
            : text["Insight.BottleneckLowest", Stages(h.From, h.To), Format.Percent(h.Recent)];
    }

    /// <summary>A day: "Dec 1" in English, "12月1日" in Chinese.</summary>
    public string Day(DateTimeOffset at) => at.ToString(text["Format.Day"], CultureInfo.CurrentCulture);

    /// <summary>A day and time: "Dec 1 14:00", "12月1日 14:00".</summary>
    public string DayTime(DateTimeOffset at) => at.ToString(text["Format.DayTime"], CultureInfo.CurrentCulture);

    static readonly Dictionary<string, string> ReasonKeys = new()
    {
        ["intent cooled before it was recognised"] = "Reason.IntentCooled",
        ["no real intent (junk lead)"] = "Reason.Junk",
        ["dissatisfied"] = "Reason.Dissatisfied",
        ["lost (CRM)"] = "Reason.CrmLost",
        ["reason not in the export"] = "Reason.NotInExport",
        ["no trust won at the opening"] = "Reason.NoTrust",
        ["no rapport"] = "Reason.NoRapport",
        ["need not established"] = "Reason.NoNeed",
        ["not ready to buy at the trial close"] = "Reason.NotReady",
        ["did not sign"] = "Reason.DidNotSign",
        ["objection not handled"] = "Reason.ObjectionNotHandled",
        ["their rep left the company"] = "Reason.RepLeft",
    };

    [GeneratedRegex(@"^went cold after (\d+) follow-ups$")]
    private static partial Regex WentCold();

    [GeneratedRegex(@"^discount (?<asked>[\d.]+) % above the (?<limit>[\d.]+) % limit(?<requote>: re-quoted at the limit)?$")]
    private static partial Regex Discount();

    [GeneratedRegex(@"^instalment (\d+) of (\d+)$")]
    private static partial Regex Instalment();

    [GeneratedRegex(@"^(?<unpaid>unpaid )?(?<days>\d+) days past due$")]
    private static partial Regex PastDue();

    [GeneratedRegex(@"^customer: value (?<value>\d+) against (?<high>\d+), (?<days>\d+) days since the last purchase against (?<active>\d+)$")]
    private static partial Regex CustomerGraded();

    [GeneratedRegex(@"^left \(customer grade ([A-D])\)$")]
    private static partial Regex CustomerLeft();

    [GeneratedRegex(@"^Large win: (?<amount>[\d.,]+) \((?<factor>[\d.,]+)x the average deal\) by (?<rep>.+)$")]
    private static partial Regex LargeWin();

    [GeneratedRegex(@"^(?<from>\w+) → (?<to>\w+) conversion fell to (?<recent>.+?) \(baseline (?<baseline>.+)\)$")]
    private static partial Regex Anomaly();

    // The long run's notable events (Grains/Simulation/LongRunCrew).
    [GeneratedRegex(@"^(?<rep>.+) left (?<team>.+): (?<leads>\d+) open leads handed over$")]
    private static partial Regex RepLeft();

    [GeneratedRegex(@"^(?<rep>.+) joined (?<team>.+) and is ramping up$")]
    private static partial Regex RepJoined();

    [GeneratedRegex(@"^Quotas for the fiscal year set from the plan: (?<plan>[\d.,]+) \(last year's revenue (?<revenue>[\d.,]+) × (?<factor>[\d.,]+)\)$")]
    private static partial Regex QuotasSet();

    // Deadline breaches (Domain/Figures/PoolBreaches).
    [GeneratedRegex(@"^(?<team>.+): (?<returns>[\d.,]+) returns to the lead pool in a day \(first-contact deadline missed or follow-ups unanswered\), (?<total>[\d.,]+) in all$")]
    private static partial Regex PoolReturns();
}
