using Growth.Domain.Training.Reading;
using Xunit.Abstractions;

namespace Growth.Domain.Tests.Training;

/// <summary>
/// The line reader's accuracy on the held-out fifth of each shipped labelled set, trained on the other four fifths
/// (the fixed, seeded split of <see cref="LabelledLines.Split"/>). Prints the confusion matrix and per-technique recall.
/// </summary>
public class LineReaderAccuracyTests(ITestOutputHelper output)
{
    /// <summary>The goal the issue sets for technique accuracy on held-out lines, per language.</summary>
    const double Goal = 0.85;

    public static TheoryData<LineLanguage> Languages => [LineLanguage.English, LineLanguage.Chinese];

    [Theory, MemberData(nameof(Languages))]
    public void Held_out_technique_accuracy_meets_the_goal(LineLanguage language)
    {
        var lines = LabelledLines.Shipped(language);
        Assert.True(lines.Count >= 300, $"{LabelledLines.FileOf(language)} has {lines.Count} lines; at least 300 are required");
        var (train, held) = LabelledLines.Split(lines);
        var reader = language == LineLanguage.English ? LineReader.Train(train, []) : LineReader.Train([], train);
        var readings = held.Select(l => (Line: l, Reading: reader.Read(l.Text))).ToList();

        var accuracy = readings.Count(r => r.Reading.Technique == r.Line.Technique) / (double)readings.Count;
        var objection = readings.Count(r => r.Reading.Objection == r.Line.Objection) / (double)readings.Count;
        output.WriteLine($"{language}: {lines.Count} lines, {train.Count} trained, {held.Count} held out");
        output.WriteLine($"technique accuracy {accuracy:P1}, objection accuracy {objection:P1}");
        var names = Enum.GetValues<SalesTechnique>();
        output.WriteLine("true \\ read      " + string.Join(" ", names.Select(n => Short(n).PadLeft(5))) + "  recall");
        foreach (var truth in names)
        {
            var row = readings.Where(r => r.Line.Technique == truth).ToList();
            output.WriteLine(truth.ToString().PadRight(16) + " " + string.Join(" ", names.Select(read => row.Count(r => r.Reading.Technique == read).ToString().PadLeft(5)))
                + $"  {(row.Count == 0 ? 0 : row.Count(r => r.Reading.Technique == truth) / (double)row.Count),6:P0} of {row.Count}");
        }
        foreach (var miss in readings.Where(r => r.Reading.Technique != r.Line.Technique))
            output.WriteLine($"  row {miss.Line.Row}: {miss.Line.Technique} read as {miss.Reading.Summary}: {miss.Line.Text}");
        Assert.True(accuracy >= Goal, $"{language}: held-out technique accuracy {accuracy:P1} is below the goal of {Goal:P0}");
    }

    static string Short(SalesTechnique t) => t.ToString()[..5];
}
