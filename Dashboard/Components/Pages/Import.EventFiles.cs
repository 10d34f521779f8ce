using Growth.Domain.Import;

namespace Growth.Dashboard.Components.Pages;

/// <summary>The import page's event files (payments, orders, activities): a chosen file's header read as its kind, its columns put in the mapping.</summary>
public partial class Import
{
    /// <summary>What the page says of each chosen event file's header, by kind.</summary>
    readonly Dictionary<string, string> guesses = [];

    /// <summary>
    /// Reads the header of the event file chosen for <paramref name="kind"/>: when it reads as that kind, its columns go in
    /// the mapping (the page says which); when it reads as another kind, or as none, the page says so and the mapping stays.
    /// </summary>
    void GuessEventFile(string kind, string name)
    {
        var (source, stream) = Files.Open(kind);
        IReadOnlyList<string> header;
        try { header = CsvHeader.Read(source); }
        // Only a guess: a header that cannot be read guesses nothing, and the import itself says what is wrong.
        catch (Exception) { header = []; }
        finally { stream.Dispose(); }
        var guess = EventFileKinds.Of(header);
        if (guess is null) { guesses[kind] = Words["Import.EventNoGuess", name, Words["Import.Kind." + kind]]; return; }
        if (guess.Kind != kind)
        {
            guesses[kind] = Words["Import.EventOtherKind", name, Words["Import.Kind." + guess.Kind], Words["Import.Kind." + kind]];
            return;
        }
        foreach (var (field, column) in guess.Columns) mapping[field] = column;
        preview = null;
        guesses[kind] = Words["Import.EventGuessed", name, Words["Import.Kind." + kind], string.Join(", ", guess.Columns.Select(c => $"{c.Key} ← {c.Value}"))];
    }
}
