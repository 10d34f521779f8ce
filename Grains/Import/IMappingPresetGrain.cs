using Growth.Domain.Import;

namespace Growth.Grains.Import;

/// <summary>A workspace's saved column mappings for the import, by name (<see cref="MappingPresets"/>). Key: workspace.</summary>
public interface IMappingPresetGrain : IGrainWithStringKey
{
    /// <summary>The saved mappings, by name.</summary>
    Task<IReadOnlyList<NamedMapping>> ListAsync();

    /// <summary>
    /// Saves (or replaces) a mapping under <paramref name="name"/>; returns the saved mappings. Refuses a name the rules
    /// refuse (empty, too long, a built-in preset's) and more than <see cref="MappingPresets.MaxSaved"/>; nothing changes then.
    /// </summary>
    Task<IReadOnlyList<NamedMapping>> SaveAsync(string name, CrmColumnMapping mapping);

    /// <summary>
    /// Deletes the mapping saved under <paramref name="name"/> (ignoring case); returns the saved mappings left. Refuses
    /// (not found) a name that is not saved; nothing changes then. Imports made with it stay as they are.
    /// </summary>
    Task<IReadOnlyList<NamedMapping>> DeleteAsync(string name);
}
