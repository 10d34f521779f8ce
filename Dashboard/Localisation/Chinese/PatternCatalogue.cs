using System.Globalization;
using System.Text.RegularExpressions;

namespace Growth.Dashboard.Localisation.Chinese;

/// <summary>
/// English messages as patterns ({0}, {1}… stand for the values they name) and their Chinese: a message matching a
/// pattern whole is said in Chinese with its values put back; the first match wins, so a specific wording stands
/// before a general one.
/// </summary>
/// <param name="value">Says a value put back in (a known word in Chinese); null: as it was.</param>
public sealed partial class PatternCatalogue((string English, string Chinese)[] entries, Func<string, string>? value = null)
{
    readonly (Regex Pattern, string Chinese)[] compiled = entries.Select(e => (Pattern(e.English), e.Chinese)).ToArray();

    /// <summary><paramref name="english"/> in Chinese, or null when no pattern matches it whole.</summary>
    public string? Translate(string english)
    {
        foreach (var (pattern, chinese) in compiled)
        {
            var m = pattern.Match(english);
            if (!m.Success) continue;
            var values = Enumerable.Range(0, 10).Select(i => m.Groups["p" + i] is { Success: true } g ? (object)(value is null ? g.Value : value(g.Value)) : "").ToArray();
            return string.Format(CultureInfo.InvariantCulture, chinese, values);
        }
        return null;
    }

    /// <summary>An English pattern as a whole-text regex: its {n} holes capture anything (a repeated hole must repeat its text).</summary>
    static Regex Pattern(string english)
    {
        var seen = new HashSet<string>();
        var body = Hole().Replace(Regex.Escape(english).Replace(@"\{", "{"), m =>
            seen.Add(m.Groups[1].Value) ? $"(?<p{m.Groups[1].Value}>.+?)" : $@"\k<p{m.Groups[1].Value}>");
        return new Regex("^" + body + "$", RegexOptions.Singleline | RegexOptions.CultureInvariant);
    }

    [GeneratedRegex(@"\{(\d)\}")]
    private static partial Regex Hole();
}
