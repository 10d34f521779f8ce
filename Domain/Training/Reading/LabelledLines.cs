using System.Reflection;
using Growth.Domain.Journeys;
using Growth.Domain.Randomness;

namespace Growth.Domain.Training.Reading;

/// <summary>One labelled line of a training set: the conversation step it was written for (the seed's terms), its technique, the objection it answers.</summary>
public sealed record LabelledLine(int Row, string Step, SalesTechnique Technique, ObjectionType? Objection, string Text);

/// <summary>
/// The labelled sets the line reader learns from: <c>lines.en.tsv</c> and <c>lines.zh.tsv</c> in this folder, shipped
/// inside the assembly. Columns: step (开场白, 建立关系, 切入话题, 试探成交, 异议处理, 成交), technique (a
/// <see cref="SalesTechnique"/> name), objection (an <see cref="ObjectionType"/> name or "-"), line. Pure.
/// </summary>
public static class LabelledLines
{
    /// <summary>The seed article's conversation steps, as the sets name them.</summary>
    public static readonly IReadOnlyList<string> Steps = ["开场白", "建立关系", "切入话题", "试探成交", "异议处理", "成交"];

    /// <summary>Seed of the held-out split: fixed, so the measured accuracy is the same on every run.</summary>
    public const ulong SplitSeed = 2024;
    /// <summary>Share of each technique's lines held out for measuring accuracy (never trained on in the measurement).</summary>
    public const double HeldOutShare = 0.2;

    public static string FileOf(LineLanguage language) => language == LineLanguage.Chinese ? "lines.zh.tsv" : "lines.en.tsv";

    /// <summary>The shipped set of a language.</summary>
    public static IReadOnlyList<LabelledLine> Shipped(LineLanguage language)
    {
        var name = FileOf(language);
        var assembly = typeof(LabelledLines).Assembly;
        var resource = assembly.GetManifestResourceNames().Single(r => r.EndsWith("." + name, StringComparison.Ordinal));
        using var reader = new StreamReader(assembly.GetManifestResourceStream(resource)!);
        return Parse(name, reader.ReadToEnd());
    }

    /// <summary>Parses a set; a bad row is refused naming the file, row and column and what is allowed.</summary>
    public static IReadOnlyList<LabelledLine> Parse(string file, string tsv)
    {
        var lines = tsv.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var result = new List<LabelledLine>();
        for (var i = 1; i < lines.Length; i++)
        {
            if (lines[i].Length == 0) continue;
            var row = i + 1;
            var cells = lines[i].Split('\t');
            if (cells.Length != 4) throw new FormatException($"{file} row {row}: expected 4 tab-separated columns (step, technique, objection, line), found {cells.Length}");
            if (!Steps.Contains(cells[0])) throw new FormatException($"{file} row {row}: step '{cells[0]}' is not one of {string.Join(", ", Steps)}");
            if (!Enum.TryParse<SalesTechnique>(cells[1], out var technique) || !Enum.IsDefined(technique) || int.TryParse(cells[1], out _))
                throw new FormatException($"{file} row {row}: technique '{cells[1]}' is not one of {string.Join(", ", Enum.GetNames<SalesTechnique>())}");
            ObjectionType? objection = null;
            if (cells[2] != SalesTechniques.NoObjection)
            {
                if (!Enum.TryParse<ObjectionType>(cells[2], out var o) || int.TryParse(cells[2], out _))
                    throw new FormatException($"{file} row {row}: objection '{cells[2]}' is not '-' or one of {string.Join(", ", Enum.GetNames<ObjectionType>())}");
                objection = o;
            }
            if (string.IsNullOrWhiteSpace(cells[3])) throw new FormatException($"{file} row {row}: the line is empty");
            result.Add(new LabelledLine(row, cells[0], technique, objection, cells[3].Trim()));
        }
        return result;
    }

    /// <summary>
    /// The fixed train / held-out split: per technique, the lines in an order drawn from <see cref="SplitSeed"/>, the
    /// first <see cref="HeldOutShare"/> held out. Stratified so every technique is measured.
    /// </summary>
    public static (IReadOnlyList<LabelledLine> Train, IReadOnlyList<LabelledLine> HeldOut) Split(IReadOnlyList<LabelledLine> lines, ulong seed = SplitSeed)
    {
        var train = new List<LabelledLine>();
        var held = new List<LabelledLine>();
        foreach (var group in lines.GroupBy(l => l.Technique).OrderBy(g => g.Key))
        {
            var rng = new Prng(Prng.Derive(seed, $"reading-split:{group.Key}"));
            var shuffled = group.ToList();
            for (var i = shuffled.Count - 1; i > 0; i--)
            {
                var j = rng.Next(i + 1);
                (shuffled[i], shuffled[j]) = (shuffled[j], shuffled[i]);
            }
            var n = (int)Math.Round(shuffled.Count * HeldOutShare);
            held.AddRange(shuffled.Take(n));
            train.AddRange(shuffled.Skip(n));
        }
        return (train.OrderBy(l => l.Row).ToList(), held.OrderBy(l => l.Row).ToList());
    }
}
