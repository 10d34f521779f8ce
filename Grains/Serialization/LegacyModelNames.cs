using System.Collections.Frozen;
using Growth.Domain.Journeys;
using Orleans.Serialization;

namespace Growth.Grains.Serialization;

/// <summary>
/// Reads the model type names that stored records of versions 1 and 2 carry (see <see cref="StoredFormat"/>): the
/// model's JSON codec writes each value's type name, and until 80a210f the model lived in namespace
/// <c>Growth.Grains.Model</c> (and sub-namespaces) of assembly <c>Growth.Grains</c>. Such a name resolves to the
/// model type of the same name (nesting included) in <c>Growth.Domain</c>; a name with no such type, or more than one,
/// is left unresolved and the record is refused. Only parsing: this build never writes the old names.
/// </summary>
public sealed class LegacyModelNames : ITypeConverter, ITypeNameFilter
{
    /// <summary>Namespace of the model until 80a210f.</summary>
    public const string OldNamespace = "Growth.Grains.Model";

    /// <summary>Assembly of the model until 80a210f.</summary>
    public const string OldAssembly = "Growth.Grains";

    // Model types by their name without namespace ("JourneyState", "Snapshot+Row"); names held by two types are left out.
    static readonly FrozenDictionary<string, Type> ByName = typeof(JourneyState).Assembly.GetTypes()
        .Where(t => t.IsPublic || t.IsNestedPublic)
        .Where(t => !t.IsGenericTypeDefinition && t.FullName is not null && t.Namespace is not null)
        .GroupBy(t => t.FullName![(t.Namespace!.Length + 1)..], StringComparer.Ordinal)
        .Where(g => g.Count() == 1)
        .ToFrozenDictionary(g => g.Key, g => g.Single(), StringComparer.Ordinal);

    /// <summary>The current model type an old name stands for, if exactly one.</summary>
    public static Type? Resolve(string typeName)
    {
        if (!typeName.StartsWith(OldNamespace + ".", StringComparison.Ordinal)) return null;
        // After the namespace come optional sub-namespaces (Import., Ledger., ...) and the type's name.
        var rest = typeName[(OldNamespace.Length + 1)..];
        var nested = rest.IndexOf('+');
        var lastDot = (nested < 0 ? rest : rest[..nested]).LastIndexOf('.');
        return ByName.GetValueOrDefault(rest[(lastDot + 1)..]);
    }

    bool ITypeConverter.TryFormat(Type type, out string formatted)
    {
        formatted = null!;
        return false;
    }

    bool ITypeConverter.TryParse(string formatted, out Type type)
    {
        type = null!;
        // Only plain (non-generic) names: "Growth.Grains.Model.JourneyState,Growth.Grains".
        if (formatted.Contains('[') || formatted.Split(',') is not [var name, var assembly]) return false;
        if (assembly.Trim() != OldAssembly || Resolve(name.Trim()) is not { } found) return false;
        type = found;
        return true;
    }

    bool? ITypeNameFilter.IsTypeNameAllowed(string typeName, string assemblyName) =>
        assemblyName == OldAssembly && Resolve(typeName) is not null ? true : null;
}
