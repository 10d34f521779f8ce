using System.Globalization;
using Growth.Domain.Setup;

namespace Growth.Dashboard.Components.Setup;

/// <summary>
/// The Setup page's working copy: the document being edited (changes build it up, nothing is stored), the version
/// it was read at, and the last preview's changes and problems (problems are shown beside the input of their path).
/// </summary>
public sealed class SetupDraft
{
    public SetupDocument Document { get; private set; } = new();
    /// <summary>The stored version the draft started from (the change is applied only if the setup is still there).</summary>
    public int BaseVersion { get; private set; }
    public IReadOnlyList<SetupChange> Changes { get; private set; } = [];
    public IReadOnlyList<SetupProblem> Problems { get; private set; } = [];
    /// <summary>Whether the last preview is of the document as it is now (an edit makes it stale).</summary>
    public bool Previewed { get; private set; }
    /// <summary>What the draft came from when it is not an edit of the stored setup ("upload of x.yaml").</summary>
    public string? Source { get; private set; }

    /// <summary>Whether Apply may run: previewed as it stands, without problems, with something to change.</summary>
    public bool CanApply => Previewed && Problems.Count == 0 && Changes.Count > 0;

    public void Reset(SetupDocument document, int version, string? source = null)
    {
        Document = document;
        BaseVersion = version;
        Source = source;
        Changes = [];
        Problems = [];
        Previewed = false;
    }

    /// <summary>An edit: the document changes and the preview is stale (its problems stay shown until the next preview).</summary>
    public void Update(Func<SetupDocument, SetupDocument> edit)
    {
        Document = edit(Document);
        Previewed = false;
    }

    public void Show(IReadOnlyList<SetupChange> changes, IReadOnlyList<SetupProblem> problems, bool current = true)
    {
        Changes = changes;
        Problems = problems;
        Previewed = current;
    }

    /// <summary>The problems about exactly this field path, as one line (null if none).</summary>
    /// <param name="say">Says a message in the reader's words (<see cref="Shared.Words.Problem(string)"/>); null: as written.</param>
    public string? ProblemAt(string path, Func<string, string>? say = null)
    {
        var here = Problems.Where(p => string.Equals(p.Path, path, StringComparison.OrdinalIgnoreCase))
            .Select(p => say is null ? p.Message : say(p.Message)).ToList();
        return here.Count == 0 ? null : string.Join("; ", here);
    }

    /// <summary>Problems about this path or anything inside it (a row's problems).</summary>
    public bool HasProblemsUnder(string path) =>
        Problems.Any(p => p.Path.StartsWith(path, StringComparison.OrdinalIgnoreCase));

    /// <summary>A number typed into an input, read the invariant way ("5000", "5000.50"); null if it is not one.</summary>
    public static decimal? Decimal(object? value) =>
        decimal.TryParse(value?.ToString(), NumberStyles.Number, CultureInfo.InvariantCulture, out var d) ? d : null;

    public static int? Int(object? value) =>
        int.TryParse(value?.ToString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var i) ? i : null;

    public static double? Double(object? value) =>
        double.TryParse(value?.ToString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : null;

    public static DateOnly? Date(object? value) =>
        DateOnly.TryParseExact(value?.ToString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    public static string Invariant(decimal value) => value.ToString(CultureInfo.InvariantCulture);
    public static string Invariant(double value) => value.ToString(CultureInfo.InvariantCulture);
    public static string Invariant(DateOnly? value) => value?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";
}
