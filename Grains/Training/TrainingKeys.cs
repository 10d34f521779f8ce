using System.Text.RegularExpressions;
using Growth.Domain.Training;

namespace Growth.Grains.Training;

/// <summary>Names and keys of the training grains.</summary>
public static partial class TrainingKeys
{
    /// <summary>The default training workspace.</summary>
    public const string DefaultWorkspace = "training";

    /// <summary>Trainee and cohort names: 1-40 letters, digits, spaces, dots, dashes or underscores.</summary>
    public static bool IsValidName(string? name) => name is not null && NamePattern().IsMatch(name);

    /// <summary>The grain id of a trainee or cohort name: case and spacing do not make a different person.</summary>
    public static string KeyOf(string name) => TrainingScoring.TraineeKey(name);

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9 ._-]{0,39}$")]
    private static partial Regex NamePattern();
}
