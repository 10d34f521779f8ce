using System.Globalization;
using System.Text;

namespace Growth.Domain.Training.Reading;

/// <summary>The languages the line reader reads, each with its own labelled set and model.</summary>
public enum LineLanguage { English, Chinese }

/// <summary>
/// Turns a line into the n-grams the classifier counts. English: lower-cased words and word bigrams. Chinese: Han
/// characters and character bigrams (Chinese has no spaces between words, and two-character words carry most meaning),
/// plus any Latin words. Both get the defined cues of <see cref="TechniqueCues"/>. Each n-gram counts once per line. Pure.
/// </summary>
public static class LineFeatures
{
    /// <summary>A line with any Han character is read as Chinese.</summary>
    public static LineLanguage LanguageOf(string line) => line.Any(IsHan) ? LineLanguage.Chinese : LineLanguage.English;

    public static IReadOnlyList<string> Of(string line, LineLanguage language) => Of(line, language, LineReaderSettings.Default);

    /// <summary>The n-grams, each once, then each cue <see cref="LineReaderSettings.CueWeight"/> times.</summary>
    public static IReadOnlyList<string> Of(string line, LineLanguage language, LineReaderSettings settings)
    {
        var features = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        void Add(string f) { if (seen.Add(f)) features.Add(f); }

        var words = Words(line);
        if (language == LineLanguage.English)
        {
            foreach (var w in words) Add(w);
            for (var i = 1; i < words.Count; i++) Add(words[i - 1] + " " + words[i]);
            return Cues(features, line, language, settings);
        }
        // Chinese: runs of Han characters give characters and bigrams; Latin words and numbers count as words.
        foreach (var run in HanRuns(line))
        {
            if (settings.ChineseCharacters) foreach (var c in run) Add(c.ToString());
            for (var i = 1; i < run.Length; i++) Add(run.Substring(i - 1, 2));
        }
        foreach (var w in words) Add(w);
        return Cues(features, line, language, settings);
    }

    static List<string> Cues(List<string> features, string line, LineLanguage language, LineReaderSettings settings)
    {
        foreach (var cue in TechniqueCues.Of(line, language))
            for (var i = 0; i < settings.CueWeight; i++) features.Add(cue);
        return features;
    }

    /// <summary>Lower-cased Latin words and numbers (apostrophes kept inside words; digits grouped).</summary>
    static List<string> Words(string line)
    {
        var words = new List<string>();
        var sb = new StringBuilder();
        foreach (var ch in line.Normalize(NormalizationForm.FormKC))
        {
            if (char.IsLetterOrDigit(ch) && !IsHan(ch)) sb.Append(char.ToLower(ch, CultureInfo.InvariantCulture));
            else if ((ch == '\'' || ch == '’') && sb.Length > 0) sb.Append('\'');
            else Flush();
        }
        Flush();
        return words;

        void Flush()
        {
            if (sb.Length == 0) return;
            var w = sb.ToString().TrimEnd('\'');
            words.Add(w.All(char.IsDigit) ? "#num" : w);
            sb.Clear();
        }
    }

    static IEnumerable<string> HanRuns(string line)
    {
        var sb = new StringBuilder();
        foreach (var ch in line)
        {
            if (IsHan(ch)) sb.Append(ch);
            else if (sb.Length > 0) { yield return sb.ToString(); sb.Clear(); }
        }
        if (sb.Length > 0) yield return sb.ToString();
    }

    static bool IsHan(char c) => c is >= '\u4e00' and <= '\u9fff' or >= '\u3400' and <= '\u4dbf';
}
