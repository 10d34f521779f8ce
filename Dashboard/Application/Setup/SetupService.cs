using Growth.Domain.Setup;
using Growth.Grains.Errors;
using Growth.Grains.Setup;
using Growth.Grains.Workspaces;

namespace Growth.Dashboard.Application.Setup;

/// <summary>
/// A workspace's setup for the HTTP API and the Setup page, so both answer alike: reading it (the current one, a
/// version, the history), previewing a change (validated and compared, nothing stored), applying a whole document or
/// one part (whole or not at all, optionally only if the setup is still at the version the change was made against),
/// rolling back, and the document as a YAML or JSON file. Who may do what is checked by the caller.
/// </summary>
public sealed class SetupService(IGrainFactory grains)
{
    ISetupGrain Grain(string workspace) => grains.GetGrain<ISetupGrain>(workspace);

    Task<bool> ExistsAsync(string workspace) => WorkspaceExistsAsync(grains, workspace);

    internal static async Task<bool> WorkspaceExistsAsync(IGrainFactory grains, string workspace) =>
        await grains.GetGrain<IWorkspaceGrain>(workspace).GetAsync() is not null;

    /// <summary>The setup in force; a workspace without a stored setup answers the default document as version 0.</summary>
    public async Task<Outcome<SetupView>> GetAsync(string workspace)
    {
        if (!await ExistsAsync(workspace)) return Refusal.UnknownWorkspace(workspace);
        return await CurrentAsync(workspace);
    }

    async Task<SetupView> CurrentAsync(string workspace) =>
        await Grain(workspace).GetAsync() is { } current
            ? new SetupView(current.Version, current.Document, current.At, current.By)
            : new SetupView(0, new SetupDocument(), null, null);

    /// <summary>One version's document (0 is the default document).</summary>
    public async Task<Outcome<SetupDocument>> VersionAsync(string workspace, int number)
    {
        if (!await ExistsAsync(workspace)) return Refusal.UnknownWorkspace(workspace);
        if (number == 0) return new SetupDocument();
        return number > 0 && await Grain(workspace).GetVersionAsync(number) is { } document
            ? document
            : SetupRefusals.UnknownVersion(workspace, number);
    }

    /// <summary>Every version, newest first.</summary>
    public async Task<Outcome<IReadOnlyList<SetupVersionInfo>>> HistoryAsync(string workspace) =>
        await ExistsAsync(workspace)
            ? new Outcome<IReadOnlyList<SetupVersionInfo>>(await Grain(workspace).GetHistoryAsync(), null)
            : Refusal.UnknownWorkspace(workspace);

    /// <summary>What <paramref name="proposed"/> would change and every problem it has; nothing is stored.</summary>
    public async Task<Outcome<SetupPreview>> PreviewAsync(string workspace, SetupDocument proposed)
    {
        if (!await ExistsAsync(workspace)) return Refusal.UnknownWorkspace(workspace);
        var current = await CurrentAsync(workspace);
        return Preview(current, proposed);
    }

    static SetupPreview Preview(SetupView current, SetupDocument proposed)
    {
        var problems = SetupValidator.Validate(proposed);
        return new SetupPreview(current.Version, problems.Count == 0, SetupDiff.Compare(current.Document, proposed), problems, proposed);
    }

    /// <summary>A preview of a document as text; a document of the wrong shape is previewed as its problems (no changes).</summary>
    public async Task<Outcome<SetupPreview>> PreviewTextAsync(string workspace, string text, SetupFileFormat format)
    {
        if (!await ExistsAsync(workspace)) return Refusal.UnknownWorkspace(workspace);
        var current = await CurrentAsync(workspace);
        try
        {
            return Preview(current, SetupFormat.Read(text, format));
        }
        catch (InvalidSetupException e)
        {
            return new SetupPreview(current.Version, false, [], e.Problems, null);
        }
    }

    /// <summary>
    /// Stores <paramref name="document"/> as the next version, whole or not at all. Refused if it is invalid (every
    /// problem named), or if <paramref name="expectedVersion"/> is given and the setup has moved on. A document equal
    /// to the current one stores no new version and answers the current one.
    /// </summary>
    public async Task<Outcome<SetupVersionInfo>> ApplyAsync(string workspace, SetupDocument document, string by, string? note, int? expectedVersion = null)
    {
        if (!await ExistsAsync(workspace)) return Refusal.UnknownWorkspace(workspace);
        var problems = SetupValidator.Validate(document);
        if (problems.Count > 0) return SetupRefusals.Invalid(problems);
        if (expectedVersion is { } expected && (await CurrentAsync(workspace)).Version is var now && now != expected)
            return SetupRefusals.Stale(expected, now);
        try
        {
            return await Grain(workspace).ApplyAsync(document, by, note ?? "", expectedVersion);
        }
        catch (InvalidSetupException e) { return SetupRefusals.Invalid(e.Problems); }
        catch (DomainException e) { return Refused(e); }
    }

    /// <summary>Applies a whole document given as text (an upload, a PUT body).</summary>
    public async Task<Outcome<SetupVersionInfo>> ApplyTextAsync(string workspace, string text, SetupFileFormat format, string by, string? note, int? expectedVersion = null)
    {
        SetupDocument document;
        try { document = SetupFormat.Read(text, format); }
        catch (InvalidSetupException e) { return SetupRefusals.Invalid(e.Problems); }
        return await ApplyAsync(workspace, document, by, note, expectedVersion);
    }

    /// <summary>One part of the current setup, written alone.</summary>
    public async Task<Outcome<SetupFile>> PartAsync(string workspace, string part, SetupFileFormat format)
    {
        if (PartNamed(part) is not { } name) return SetupRefusals.UnknownPart(part);
        if (!await ExistsAsync(workspace)) return Refusal.UnknownWorkspace(workspace);
        var current = await CurrentAsync(workspace);
        return new SetupFile(SetupFormat.WritePart(current.Document, name, format), $"{workspace}-setup-v{current.Version}-{name}.{SetupFiles.Extension(format)}",
            SetupFiles.ContentType(format), current.Version);
    }

    /// <summary>Replaces one part of the current setup with <paramref name="text"/> and applies the result.</summary>
    public async Task<Outcome<SetupVersionInfo>> ApplyPartAsync(string workspace, string part, string text, SetupFileFormat format, string by, string? note,
        int? expectedVersion = null)
    {
        if (PartNamed(part) is not { } name) return SetupRefusals.UnknownPart(part);
        if (!await ExistsAsync(workspace)) return Refusal.UnknownWorkspace(workspace);
        var current = await CurrentAsync(workspace);
        SetupDocument document;
        try { document = SetupFormat.ReadPart(current.Document, name, text, format); }
        catch (InvalidSetupException e) { return SetupRefusals.Invalid(e.Problems); }
        return await ApplyAsync(workspace, document, by, note, expectedVersion ?? current.Version);
    }

    /// <summary>Stores version <paramref name="number"/>'s document again as the next version.</summary>
    public async Task<Outcome<SetupVersionInfo>> RollbackAsync(string workspace, int number, string by)
    {
        if (!await ExistsAsync(workspace)) return Refusal.UnknownWorkspace(workspace);
        if (number < 1 || await Grain(workspace).GetVersionAsync(number) is null) return SetupRefusals.UnknownVersion(workspace, number);
        try
        {
            return await Grain(workspace).RollbackAsync(number, by);
        }
        catch (InvalidSetupException e) { return SetupRefusals.Invalid(e.Problems); }
        catch (DomainException e) { return Refused(e); }
    }

    /// <summary>The current setup (or version <paramref name="version"/>) as a file named <c>{workspace}-setup-v{n}.yaml</c>.</summary>
    public async Task<Outcome<SetupFile>> DownloadAsync(string workspace, SetupFileFormat format, int? version = null)
    {
        if (!await ExistsAsync(workspace)) return Refusal.UnknownWorkspace(workspace);
        var current = await CurrentAsync(workspace);
        var number = version ?? current.Version;
        var document = number == current.Version ? current.Document
            : number == 0 ? new SetupDocument()
            : number > 0 ? await Grain(workspace).GetVersionAsync(number) : null;
        if (document is null) return SetupRefusals.UnknownVersion(workspace, number);
        return new SetupFile(SetupFormat.Write(document, format), SetupFiles.FileName(workspace, number, format), SetupFiles.ContentType(format), number);
    }

    /// <summary>The part's name as <see cref="SetupFormat.Parts"/> spells it (case-insensitive), or null.</summary>
    public static string? PartNamed(string? part) => SetupFormat.Parts.FirstOrDefault(p => string.Equals(p, part, StringComparison.OrdinalIgnoreCase));

    static Refusal Refused(DomainException e) => e.Kind switch
    {
        _ when e.Problems is { Count: > 0 } problems => SetupRefusals.Invalid(problems),
        DomainErrorKind.Conflict => new Refusal(RefusalKind.Conflict, "The setup changed meanwhile", e.Message),
        DomainErrorKind.NotFound => new Refusal(RefusalKind.NotFound, "Not found", e.Message),
        _ => new Refusal(RefusalKind.Invalid, "The setup is invalid; nothing was applied", e.Message),
    };
}
