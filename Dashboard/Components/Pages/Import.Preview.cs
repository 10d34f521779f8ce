using Growth.Dashboard.Application.Import;
using Growth.Domain.Access;
using Growth.Domain.Import;
using Growth.Dashboard.Application;

namespace Growth.Dashboard.Components.Pages;

/// <summary>The import page's preview: the first rows of the chosen pipeline file as the import will read them, with the mapping as it stands.</summary>
public partial class Import
{
    /// <summary>The rows last previewed; null until asked for, and again when a file or the mapping changes.</summary>
    ImportPreviewResult? preview;

    /// <summary>The mapping as the page stands: the layout, with the fields changed from its defaults.</summary>
    (CrmColumnMapping? Mapping, string? Error) CurrentMapping()
    {
        var defaults = LayoutFields(preset);
        return CrmUpload.MappingOf(mapping.Where(m => m.Value != defaults[m.Key])
            .Prepend(new KeyValuePair<string, string>(CrmUpload.PresetField, preset)), saved);
    }

    /// <summary>
    /// The workspace named and the mapping as the page stands, for a preview or an import; null, with <c>error</c> set, when
    /// the name is not a workspace's, the viewer may not import there (the workspace's setup decides how amounts and origins
    /// are read, and the import writes only where they administer), or the mapping cannot be used.
    /// </summary>
    async Task<(string Name, CrmColumnMapping Mapping)?> CheckedRequestAsync()
    {
        var name = (workspace ?? "").Trim();
        if (Refusal.OfWorkspaceName(name) is { } invalid) { error = Words.Refusal(invalid.Detail); return null; }
        var viewer = await Access.ViewerAsync(AuthenticationState is null ? null : (await AuthenticationState).User);
        if (!viewer.Allows(Area.Import, name)) { error = Words["Import.NotAllowed", name]; return null; }
        var (map, mappingError) = CurrentMapping();
        if (mappingError is not null) { error = Words.Refusal(mappingError); return null; }
        return (name, map!);
    }

    /// <summary>The files an import with <paramref name="map"/> reads: the layout's, and the event files chosen.</summary>
    IEnumerable<string> ChosenFiles(CrmColumnMapping map) => CrmUpload.RequiredFiles(map).Concat(CrmUpload.EventFields.Where(Files.Has));

    /// <summary>Reads the first rows of the chosen files as the import would, storing nothing.</summary>
    async Task PreviewAsync()
    {
        preview = null;
        error = null;
        if (await CheckedRequestAsync() is not { } request) return;
        var (name, map) = request;
        busy = true;
        var opened = new List<Stream>();
        try
        {
            var sources = ChosenFiles(map).Where(Files.Has).ToDictionary(f => f, f =>
            {
                var (source, stream) = Files.Open(f);
                opened.Add(stream);
                return source;
            });
            if (sources.ContainsKey("pipeline")) preview = await Imports.PreviewAsync(name, sources, map);
        }
        catch (IOException e) { error = Words["Import.FileUnreadable", e.Message]; }
        finally
        {
            busy = false;
            opened.ForEach(s => s.Dispose());
        }
    }
}
