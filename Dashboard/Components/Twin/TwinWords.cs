using Growth.Dashboard.Components.Shared;
using Growth.Domain.Journeys;
using Growth.Domain.Twin;

namespace Growth.Dashboard.Components.Twin;

/// <summary>The twin's scopes, channels and parameters in the reader's words.</summary>
public static class TwinWords
{
    /// <summary>Resource keys of the parameters the twin's calibration names (<see cref="TwinCalibration"/>).</summary>
    static readonly Dictionary<string, string> Parameters = new()
    {
        ["qualification rate"] = "Twin.P.Qualify",
        ["opportunity rate"] = "Twin.P.Open",
        ["win rate"] = "Twin.P.Win",
        ["days from opportunity to close"] = "Twin.P.Cycle",
        ["days from lead to qualification decision"] = "Twin.P.QualifyDays",
        ["days from qualification to opportunity decision"] = "Twin.P.OpenDays",
        ["share of leads"] = "Twin.P.Share",
        ["open leads and qualified leads per team at the start"] = "Twin.P.OpenAtStart",
        ["leads per day"] = "Twin.P.Flow",
        ["qualification against the company's"] = "Twin.P.ChannelQualify",
        ["day-to-day spread of leads"] = "Twin.P.Spread",
    };

    public static string Parameter(Words words, string name) => Parameters.TryGetValue(name, out var key) ? words[key] : name;

    /// <summary>"Company", a team's name, or a channel in words.</summary>
    public static string Who(Words words, TwinScope scope, string id, string name) => scope switch
    {
        TwinScope.Company => words["Twin.Company"],
        TwinScope.Team => words["Twin.Team", name],
        _ => words["Twin.Channel", Channel(words, id)],
    };

    /// <summary>A parameter's scope: "company", a team's name or a channel id.</summary>
    public static string Scope(Words words, string scope) =>
        scope == "company" ? words["Twin.Company"] : Enum.TryParse<Channel>(scope, out _) || scope == TwinCounts.OtherChannel ? Channel(words, scope) : scope;

    public static string Channel(Words words, string id) =>
        Enum.TryParse<Channel>(id, out var channel) ? words.Of(channel) : words["Twin.OtherChannel"];

    /// <summary>A parameter's value with its unit.</summary>
    public static string Value(Words words, TwinParameter p) => p.Unit switch
    {
        "share" => Format.Percent(p.Value),
        "days" => words["Twin.Days", Format.Number(p.Value)],
        "leads/day" => words["Twin.PerDay", Format.Number(p.Value, "N2")],
        "ratio" => "×" + Format.Number(p.Value, "N2"),
        _ => Format.Number(p.Value, "N0"),
    };
}
