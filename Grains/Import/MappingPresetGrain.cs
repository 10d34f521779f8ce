using Growth.Domain.Import;
using Growth.Grains.Errors;
using Growth.Grains.Runtime;

namespace Growth.Grains.Import;

[GenerateSerializer]
public sealed class MappingPresetRecord
{
    [Id(0)] public List<NamedMapping> Presets { get; set; } = [];
}

/// <summary>A workspace's saved column mappings. Saving one changes nothing else in the workspace.</summary>
public sealed class MappingPresetGrain(
    [PersistentState("mappingPresets", GrainStorage.Name)] IPersistentState<MappingPresetRecord> record) : Grain, IMappingPresetGrain
{
    public Task<IReadOnlyList<NamedMapping>> ListAsync() => Task.FromResult(Current());

    public async Task<IReadOnlyList<NamedMapping>> SaveAsync(string name, CrmColumnMapping mapping)
    {
        if (MappingPresets.InvalidName(name) is { } error) throw new DomainException(error);
        if (mapping is null) throw new DomainException("a mapping is required");
        var trimmed = name.Trim();
        var list = record.State.Presets;
        var saved = new NamedMapping(trimmed, mapping with { Preset = trimmed });
        var at = list.FindIndex(p => string.Equals(p.Name, trimmed, StringComparison.OrdinalIgnoreCase));
        if (at >= 0) list[at] = saved;
        else if (list.Count >= MappingPresets.MaxSaved)
            throw new DomainException($"a workspace keeps at most {MappingPresets.MaxSaved} mapping presets", DomainErrorKind.Conflict);
        else list.Add(saved);
        await record.WriteStateAsync();
        return Current();
    }

    public async Task<IReadOnlyList<NamedMapping>> DeleteAsync(string name)
    {
        var trimmed = (name ?? "").Trim();
        var removed = record.State.Presets.RemoveAll(p => string.Equals(p.Name, trimmed, StringComparison.OrdinalIgnoreCase));
        if (removed == 0)
            throw new DomainException($"no mapping preset '{trimmed}' is saved in this workspace" +
                (record.State.Presets.Count > 0 ? $"; the saved ones are {string.Join(", ", Current().Select(p => p.Name))}" : ""), DomainErrorKind.NotFound);
        await record.WriteStateAsync();
        return Current();
    }

    IReadOnlyList<NamedMapping> Current() => record.State.Presets.OrderBy(p => p.Name, StringComparer.Ordinal).ToList();
}
