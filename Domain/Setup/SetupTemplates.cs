namespace Growth.Domain.Setup;

/// <summary>
/// A company a new workspace can start from: its id (the file name), name (the company's), a one-paragraph summary
/// (the comment lines at the top of the file) and the setup document.
/// </summary>
public sealed record SetupTemplate(string Id, string Name, string Summary, SetupDocument Document);

/// <summary>
/// The setup templates of one folder (<c>*.yaml</c>, each a setup document readable by <see cref="SetupFormat"/>),
/// read once: an invalid file stops the load with an <see cref="InvalidSetupException"/> whose paths start with the
/// file name (<c>consumer-education.yaml: catalogue.products[0].listPrice</c>).
/// </summary>
public sealed class SetupTemplates
{
    /// <summary>Where the templates are copied with the binaries.</summary>
    public static string DefaultFolder => Path.Combine(AppContext.BaseDirectory, "Setup", "Templates");

    public SetupTemplates(IReadOnlyList<SetupTemplate> all) => All = all;

    public IReadOnlyList<SetupTemplate> All { get; }

    public SetupTemplate? Find(string id) => All.FirstOrDefault(t => string.Equals(t.Id, id, StringComparison.OrdinalIgnoreCase));

    /// <summary>Reads every *.yaml file of <paramref name="folder"/> (not sub-folders), in name order; a missing folder has none.</summary>
    public static SetupTemplates Load(string? folder = null)
    {
        folder ??= DefaultFolder;
        if (!Directory.Exists(folder)) return new SetupTemplates([]);
        var files = Directory.GetFiles(folder, "*.yaml").OrderBy(f => f, StringComparer.Ordinal);
        return new SetupTemplates(files.Select(f => Parse(Path.GetFileNameWithoutExtension(f), File.ReadAllText(f))).ToList());
    }

    /// <summary>One template from its id and YAML text.</summary>
    public static SetupTemplate Parse(string id, string yaml)
    {
        SetupDocument document;
        try
        {
            document = SetupFormat.Read(yaml, SetupFileFormat.Yaml);
        }
        catch (InvalidSetupException e)
        {
            throw new InvalidSetupException(e.Problems.Select(p => p with { Path = $"{id}.yaml: {p.Path}" }).ToList());
        }
        return new SetupTemplate(id, document.Company.Name, Header(yaml), document);
    }

    /// <summary>The comment lines at the top of a YAML file, joined into one paragraph.</summary>
    public static string Header(string yaml) => string.Join(" ", yaml.Split('\n')
        .Select(l => l.TrimEnd('\r'))
        .TakeWhile(l => l.StartsWith('#') || l.Trim().Length == 0)
        .Where(l => l.StartsWith('#'))
        .Select(l => l.TrimStart('#').Trim())
        .Where(l => l.Length > 0));
}
