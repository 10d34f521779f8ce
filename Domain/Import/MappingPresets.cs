namespace Growth.Domain.Import;

/// <summary>A column mapping a user adjusted and saved under a name, for one workspace.</summary>
public sealed record NamedMapping(string Name, CrmColumnMapping Mapping);

/// <summary>The rules of saved mapping presets: a name a person can pick, not one of the built-in presets'. Pure.</summary>
public static class MappingPresets
{
    /// <summary>Longest name.</summary>
    public const int MaxName = 40;
    /// <summary>Most presets one workspace keeps.</summary>
    public const int MaxSaved = 30;

    /// <summary>The built-in presets' names (maven, hubspot, ...), which a saved preset may not take.</summary>
    public static IReadOnlyList<string> BuiltIn { get; } = CrmPresets.All.Select(p => p.Preset!).ToList();

    /// <summary>Why <paramref name="name"/> cannot name a saved preset, or null: 1-40 letters, digits, spaces, '-', '_' or '.', not a built-in name.</summary>
    public static string? InvalidName(string? name)
    {
        if (string.IsNullOrWhiteSpace(name)) return "a preset name is required (1-40 letters, digits, spaces, - _ .)";
        var trimmed = name.Trim();
        if (trimmed.Length > MaxName) return $"preset name '{trimmed[..MaxName]}…' is longer than {MaxName} characters";
        if (trimmed.FirstOrDefault(c => !(char.IsLetterOrDigit(c) || c is ' ' or '-' or '_' or '.')) is var bad && bad != default)
            return $"preset name '{trimmed}' has '{bad}'; use letters, digits, spaces, - _ .";
        if (BuiltIn.Contains(trimmed, StringComparer.OrdinalIgnoreCase))
            return $"'{trimmed}' is a built-in preset ({string.Join(", ", BuiltIn)}); save yours under another name";
        return null;
    }
}
