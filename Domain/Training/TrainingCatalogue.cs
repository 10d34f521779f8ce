
namespace Growth.Domain.Training;

/// <summary>
/// The training scenarios of one folder, read and validated once at start-up: an invalid file stops the start with a
/// <see cref="TrainingScenarioException"/> naming the file and the field.
/// </summary>
public sealed class TrainingCatalogue
{
    /// <summary>Where the scenarios are copied with the binaries.</summary>
    public static string DefaultFolder => Path.Combine(AppContext.BaseDirectory, "Training", "Scenarios");

    public TrainingCatalogue(IReadOnlyList<TrainingScenario> scenarios, string folder)
    {
        Scenarios = scenarios;
        Folder = folder;
    }

    public IReadOnlyList<TrainingScenario> Scenarios { get; }
    public string Folder { get; }

    public TrainingScenario? Find(string id) => Scenarios.FirstOrDefault(s => s.Id == id);

    /// <summary>Reads every *.json file of <paramref name="folder"/> (not sub-folders), in name order.</summary>
    public static TrainingCatalogue Load(string? folder = null)
    {
        folder ??= DefaultFolder;
        if (!Directory.Exists(folder)) throw new TrainingScenarioException(folder, "(folder)", "the scenario folder does not exist");
        var files = Directory.GetFiles(folder, "*.json").Select(f => (Path.GetFileName(f), File.ReadAllText(f))).ToList();
        if (files.Count == 0) throw new TrainingScenarioException(folder, "(folder)", "holds no *.json scenario");
        return new TrainingCatalogue(TrainingScenarios.Catalogue(files), folder);
    }
}
