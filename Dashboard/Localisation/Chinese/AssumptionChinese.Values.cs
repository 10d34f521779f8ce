using System.Text.RegularExpressions;

namespace Growth.Dashboard.Localisation.Chinese;

/// <summary>
/// An assumption's value in Simplified Chinese: the domain writes its words invariantly ("yes", "none", "never", weekday
/// and month names, "A every 2 d ×6", "2 every 30 d"); the figures, grade letters and time zones stay as written.
/// <c>DomainTextLocalisationTests</c> says every value of every assumption with no English word left.
/// </summary>
public static partial class AssumptionChinese
{
    static readonly Dictionary<string, string> WholeValues = new(StringComparer.Ordinal)
    {
        ["yes"] = "是", ["no"] = "否", ["none"] = "无", ["never"] = "从不", ["from skills, intent and price"] = "由技能、意向和价格决定",
    };

    static readonly Dictionary<string, string> Names = new(StringComparer.Ordinal)
    {
        ["Sun"] = "周日", ["Mon"] = "周一", ["Tue"] = "周二", ["Wed"] = "周三", ["Thu"] = "周四", ["Fri"] = "周五", ["Sat"] = "周六",
        ["Jan"] = "1月", ["Feb"] = "2月", ["Mar"] = "3月", ["Apr"] = "4月", ["May"] = "5月", ["Jun"] = "6月",
        ["Jul"] = "7月", ["Aug"] = "8月", ["Sep"] = "9月", ["Oct"] = "10月", ["Nov"] = "11月", ["Dec"] = "12月",
    };

    /// <summary>The value said in Chinese (as written when it holds no English word).</summary>
    public static string Value(string key, string value)
    {
        if (WholeValues.TryGetValue(value, out var whole)) return whole;
        if (key == "rules.collections.instalments" && Instalments().Match(value) is { Success: true } m)
            return $"{m.Groups[1].Value} 期，每 {m.Groups[2].Value} 天";
        var said = Every().Replace(value, e => $"每 {e.Groups[1].Value} 天");
        return DayOrMonth().Replace(said, n => Names[n.Value]);
    }

    [GeneratedRegex(@"^(\d+) every ([0-9.]+) d$")]
    private static partial Regex Instalments();

    [GeneratedRegex(@"every ([0-9.]+) d\b")]
    private static partial Regex Every();

    [GeneratedRegex(@"\b(?:Sun|Mon|Tue|Wed|Thu|Fri|Sat|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\b")]
    private static partial Regex DayOrMonth();
}
