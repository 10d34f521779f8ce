using System.Text;
using System.Text.RegularExpressions;

namespace Growth.Dashboard.Tests;

/// <summary>
/// Reads the English text a C# source writes as a sample of what a reader sees: a string literal (plain, verbatim or
/// interpolated, joined across <c>+</c>) with each hole filled by a sample value ("x0", "x1"…; a conditional hole by its
/// first non-empty literal branch, as " at version {v}" or "s"). Catalogues of patterns must say every such sample.
/// </summary>
public static class SourceLiterals
{
    /// <summary>The sample text of each literal that starts right after a match of <paramref name="before"/> (skipping white space).</summary>
    public static IEnumerable<(string Sample, string Line)> After(string code, string before, IReadOnlyDictionary<string, string>? known = null)
    {
        foreach (Match m in Regex.Matches(code, before))
        {
            var at = SkipSpace(code, m.Index + m.Length);
            if (at < code.Length && StartsLiteral(code, at))
                yield return (Read(code, at, out _, known), code[m.Index..Math.Min(code.Length, m.Index + 120)].Split('\n')[0]);
        }
    }

    /// <summary>The sample text of every literal in <paramref name="code"/>, in order.</summary>
    public static IEnumerable<string> All(string code, IReadOnlyDictionary<string, string>? known = null)
    {
        var i = 0;
        while (i < code.Length)
        {
            if (StartsLiteral(code, i)) yield return Read(code, i, out i, known);
            else if (code[i] == '\'' && code.IndexOf('\'', i + (code[i + 1] == '\\' ? 3 : 2)) is var close and > 0) i = close + 1;
            else i++;
        }
    }

    static int SkipSpace(string s, int i)
    {
        while (i < s.Length && char.IsWhiteSpace(s[i])) i++;
        return i;
    }

    static bool StartsLiteral(string s, int i) =>
        s[i] == '"' || (s[i] is '$' or '@' && i + 1 < s.Length && (s[i + 1] == '"' || (s[i + 1] is '$' or '@' && s[i + 2] == '"')));

    /// <summary>The literal at <paramref name="i"/> (and any joined to it with +) as a sample; <paramref name="end"/> after it.</summary>
    public static string Read(string s, int i, out int end, IReadOnlyDictionary<string, string>? known = null)
    {
        var text = new StringBuilder(One(s, i, out end, known));
        while (true)
        {
            var next = SkipSpace(s, end);
            if (next >= s.Length || s[next] != '+') return text.ToString();
            next = SkipSpace(s, next + 1);
            if (!StartsLiteral(s, next)) return text.ToString();
            text.Append(One(s, next, out end, known));
        }
    }

    static string One(string s, int i, out int end, IReadOnlyDictionary<string, string>? known)
    {
        bool interpolated = false, verbatim = false;
        while (s[i] != '"') { interpolated |= s[i] == '$'; verbatim |= s[i] == '@'; i++; }
        i++;
        var text = new StringBuilder();
        var hole = 0;
        while (true)
        {
            var c = s[i];
            if (c == '\\' && !verbatim) { text.Append(s[i + 1] switch { 'n' => '\n', 't' => '\t', var x => x }); i += 2; continue; }
            if (c == '"' && verbatim && s[i + 1] == '"') { text.Append('"'); i += 2; continue; }
            if (c == '"') { end = i + 1; return text.ToString(); }
            if (interpolated && c == '{')
            {
                if (s[i + 1] == '{') { text.Append('{'); i += 2; continue; }
                text.Append(Hole(s, i + 1, hole++, out i, known));
                continue;
            }
            text.Append(c);
            i++;
        }
    }

    /// <summary>A hole's sample: the value <paramref name="known"/> gives its expression; its first non-empty literal branch when it is a conditional; else "x{n}".</summary>
    static string Hole(string s, int i, int n, out int end, IReadOnlyDictionary<string, string>? known)
    {
        var depth = 1;
        var branches = new List<string>();
        var expression = new StringBuilder();
        while (true)
        {
            if (StartsLiteral(s, i)) { branches.Add(One(s, i, out i, known)); expression.Append("\"\""); continue; }
            if (s[i] == '{') depth++;
            if (s[i] == '}' && --depth == 0) { end = i + 1; break; }
            expression.Append(s[i]);
            i++;
        }
        if (known?.GetValueOrDefault(expression.ToString().Trim()) is { } value) return value;
        var conditional = expression.ToString().Contains(" ? ", StringComparison.Ordinal);
        return conditional && branches.FirstOrDefault(b => b.Length > 0) is { } branch ? branch : "x" + n;
    }
}
