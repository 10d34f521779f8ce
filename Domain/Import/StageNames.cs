using Growth.Domain.Journeys;

namespace Growth.Domain.Import;

/// <summary>What a stage name of an export is in Growth: the deal's outcome and, for an open or lost deal, its step if known.</summary>
internal readonly record struct StageReading(CrmDealStage Outcome, ConversationStep? Step);

/// <summary>
/// The export's stage names (<see cref="CrmColumnMapping.StageMap"/>) and status values (<see cref="CrmColumnMapping.Status"/>),
/// matched ignoring case and surrounding spaces. Without a map, the names Prospecting, Engaging, Won and Lost.
/// </summary>
internal sealed class StageNames
{
    readonly Dictionary<string, StageReading> byName = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Reads a stage map; throws <see cref="CrmImportException"/> naming the entry that cannot be read.</summary>
    public static StageNames Parse(string file, string? map)
    {
        var names = new StageNames();
        if (string.IsNullOrWhiteSpace(map))
        {
            foreach (var stage in Enum.GetValues<CrmDealStage>()) names.byName[stage.ToString()] = new StageReading(stage, null);
            return names;
        }
        foreach (var entry in map.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = entry.Split('=', StringSplitOptions.TrimEntries);
            if (parts.Length != 2 || parts[0].Length == 0 || Target(parts[1]) is not { } reading)
                throw new CrmImportException(file, $"stage map entry '{entry}' is not name=target with target one of {Targets}");
            names.byName[parts[0]] = reading;
        }
        return names;
    }

    /// <summary>The targets a stage map may give, for messages.</summary>
    public static string Targets =>
        $"Won, Lost, Prospecting, Engaging or a step ({string.Join(", ", Enum.GetNames<ConversationStep>())})";

    static StageReading? Target(string text)
    {
        foreach (var stage in Enum.GetValues<CrmDealStage>())
            if (string.Equals(stage.ToString(), text, StringComparison.OrdinalIgnoreCase)) return new StageReading(stage, null);
        foreach (var step in Enum.GetValues<ConversationStep>())
            if (string.Equals(step.ToString(), text, StringComparison.OrdinalIgnoreCase)) return new StageReading(CrmDealStage.Engaging, step);
        return null;
    }

    /// <summary>The stage's reading; null for a name not in the map.</summary>
    public StageReading? Find(string name) => byName.TryGetValue(name.Trim(), out var r) ? r : null;

    /// <summary>The names the map knows, for messages.</summary>
    public string Known => string.Join(", ", byName.Keys);

    /// <summary>A status value as an outcome (won, lost, open); null for any other.</summary>
    public static CrmDealStage? Status(string text) => text.Trim().ToLowerInvariant() switch
    {
        "won" => CrmDealStage.Won,
        "lost" => CrmDealStage.Lost,
        "open" => CrmDealStage.Engaging,
        _ => null,
    };
}
