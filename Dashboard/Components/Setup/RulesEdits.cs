using Growth.Domain.Journeys;
using Growth.Domain.Setup;
using Growth.Domain.Simulation;

namespace Growth.Dashboard.Components.Setup;

/// <summary>Edits of the setup's operating rules (the Setup page's rules part): each gives a new document, checked like an upload.</summary>
public static class RulesEdits
{
    public static SetupDocument Rules(SetupDocument d, Func<RulesSetup, RulesSetup> edit) => d with { Rules = edit(d.Rules) };

    /// <summary>The long run's rule (market, turnover, yearly plan) changed.</summary>
    public static SetupDocument LongRun(SetupDocument d, Func<LongRunSetup, LongRunSetup> edit) => Rules(d, r => r with { LongRun = edit(r.LongRun) });

    /// <summary>The grade's rule changed (added with the defaults first if the setup did not list the grade).</summary>
    public static SetupDocument Grade(SetupDocument d, IntentGrade grade, Func<GradeRuleSetup, GradeRuleSetup> edit) => Rules(d, r =>
    {
        var grades = r.Grades.ToList();
        var at = grades.FindIndex(g => g.Grade == grade);
        if (at < 0) { grades.Add(GradeRuleSetup.Of(GradeRules.Defaults[(int)grade])); at = grades.Count - 1; }
        grades[at] = edit(grades[at]);
        return r with { Grades = grades };
    });

    public static SetupDocument TagRule(SetupDocument d, int index, Func<TagRuleSetup, TagRuleSetup> edit) =>
        Rules(d, r => r with { Assignment = r.Assignment.Select((x, i) => i == index ? edit(x) : x).ToList() });

    public static SetupDocument AddTagRule(SetupDocument d) =>
        Rules(d, r => r with { Assignment = [.. r.Assignment, new TagRuleSetup { Region = d.Organisation.Regions.FirstOrDefault()?.Id }] });

    public static SetupDocument RemoveTagRule(SetupDocument d, int index) =>
        Rules(d, r => r with { Assignment = r.Assignment.Where((_, i) => i != index).ToList() });

    /// <summary>A comma-separated list as the names in it (blanks dropped).</summary>
    public static IReadOnlyList<string> Names(string? text) =>
        (text ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToList();

    /// <summary>Channels named in a comma-separated list (by their file name, "paidSearch", or their enum name); an unknown name is kept out.</summary>
    public static IReadOnlyList<Channel> Channels(string? text) =>
        Names(text).Select(n => Enum.TryParse<Channel>(n, ignoreCase: true, out var c) ? (Channel?)c : null).OfType<Channel>().ToList();

    public static string Text(IEnumerable<string> names) => string.Join(", ", names);
    public static string Text(IEnumerable<Channel> channels) => string.Join(", ", channels.Select(Growth.Domain.Organisations.LeadTags.SourceName));
}
