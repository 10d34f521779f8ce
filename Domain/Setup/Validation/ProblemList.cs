using System.Globalization;
using Growth.Domain.Workspaces;

namespace Growth.Domain.Setup.Validation;

/// <summary>Builds field paths in the document's own spelling: <c>organisation.regions[1].teams[0].reps[3].quota</c>.</summary>
internal static class SetupPath
{
    public static string Field(string parent, string name) => parent.Length == 0 ? name : parent + "." + name;

    public static string Item(string parent, int index) => parent + "[" + index.ToString(CultureInfo.InvariantCulture) + "]";

    public static string Item(string parent, string name, int index) => Item(Field(parent, name), index);
}

/// <summary>The problems found so far, and the small checks every rule shares (each adds a problem when it fails).</summary>
internal sealed class ProblemList
{
    readonly List<SetupProblem> problems = [];

    public IReadOnlyList<SetupProblem> Items => problems;

    public void Add(string path, string message) => problems.Add(new SetupProblem(path, message));

    public static string Show(double value) => value.ToString("G", CultureInfo.InvariantCulture);

    public static string Show(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Show(DateOnly value) => value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A name or label: not empty or blank, at most <paramref name="max"/> characters.</summary>
    public void Text(string path, string? value, int max = 200)
    {
        if (string.IsNullOrWhiteSpace(value)) Add(path, "must not be empty");
        else if (value.Length > max) Add(path, $"must be at most {max} characters (was {value.Length})");
    }

    public void AtLeast(string path, decimal value, decimal min)
    {
        if (value < min) Add(path, $"must be {Show(min)} or more (was {Show(value)})");
    }

    public void AtLeast(string path, double value, double min)
    {
        if (!(value >= min)) Add(path, $"must be {Show(min)} or more (was {Show(value)})"); // NaN fails too
    }

    public void Between(string path, double value, double min, double max)
    {
        if (!(value >= min && value <= max)) Add(path, $"must be between {Show(min)} and {Show(max)} (was {Show(value)})");
    }

    /// <summary>A share: 0..1.</summary>
    public void Share(string path, double value) => Between(path, value, 0, 1);

    /// <summary>An enum value the document may hold (a number out of range in JSON is not one).</summary>
    public void Defined<T>(string path, T value) where T : struct, Enum
    {
        if (!Enum.IsDefined(value)) Add(path, $"'{value}' is not one of {string.Join(", ", Enum.GetNames<T>())}");
    }

    /// <summary>An id: not empty and of the shape <see cref="Names.IdRule"/>. True when it is a valid id.</summary>
    public bool Id(string path, string? id)
    {
        if (string.IsNullOrEmpty(id)) { Add(path, "must not be empty"); return false; }
        if (Names.IsValidId(id)) return true;
        Add(path, $"'{id}' must be {Names.IdRule}");
        return false;
    }

    /// <summary>
    /// An id unique among its kind: registers it in <paramref name="seen"/> (id → path of its first place) or reports
    /// the duplicate naming the first place.
    /// </summary>
    public void Unique(string path, string id, string kind, Dictionary<string, string> seen)
    {
        if (!seen.TryAdd(id, path)) Add(path, $"duplicate {kind} id '{id}' (also at {seen[id]})");
    }
}
