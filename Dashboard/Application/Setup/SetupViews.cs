using Growth.Domain.Setup;

namespace Growth.Dashboard.Application.Setup;

/// <summary>The setup in force: its version (0 while the workspace has none stored and runs on the defaults), document, who stored it when.</summary>
public sealed record SetupView(int Version, SetupDocument Document, DateTimeOffset? At, string? By);

/// <summary>
/// What a proposed setup would change against the current one (version <paramref name="BaseVersion"/>), and every
/// problem it has; nothing is stored. <paramref name="Valid"/> is whether it could be applied.
/// </summary>
public sealed record SetupPreview(int BaseVersion, bool Valid, IReadOnlyList<SetupChange> Changes, IReadOnlyList<SetupProblem> Problems, SetupDocument? Document);

/// <summary>A setup written as a file: its text, download name and content type.</summary>
public sealed record SetupFile(string Text, string FileName, string ContentType, int Version);

/// <summary>A template as pickers list it.</summary>
public sealed record SetupTemplateInfo(string Id, string Name, string Summary);

/// <summary>A workspace created from a template: its setup version and its simulation's state.</summary>
public sealed record CreatedWorkspace(string Workspace, string Template, int Version, bool Running);

/// <summary>The refusals of setup work, worded once.</summary>
public static class SetupRefusals
{
    /// <summary>How many problems the <c>detail</c> text lists (all of them are in the <c>problems</c> extension).</summary>
    public const int ProblemsInDetail = 5;

    /// <summary>An invalid setup: 400 whose detail lists the first problems and whose extension <c>problems</c> has every one as {path, message}.</summary>
    public static Refusal Invalid(IReadOnlyList<SetupProblem> problems) => new(RefusalKind.Invalid, "The setup is invalid; nothing was applied",
        string.Join("; ", problems.Take(ProblemsInDetail)) + (problems.Count > ProblemsInDetail ? $"; and {problems.Count - ProblemsInDetail} more" : ""),
        new Dictionary<string, object?> { ["problems"] = problems.Select(p => new { path = p.Path, message = p.Message }).ToList() });

    public static Refusal UnknownVersion(string workspace, int number) =>
        new(RefusalKind.NotFound, "Unknown setup version", $"workspace {workspace} has no setup version {number}");

    public static Refusal UnknownPart(string part) =>
        new(RefusalKind.NotFound, "Unknown setup part", $"'{part}' is not a part of a setup; the parts are {string.Join(", ", SetupFormat.Parts)}");

    public static Refusal UnknownTemplate(string template) =>
        new(RefusalKind.NotFound, "Unknown template", $"there is no template {template}");

    public static Refusal Stale(int expected, int current) => new(RefusalKind.Conflict, "The setup changed meanwhile",
        $"the change was made against version {expected} but the setup is at version {current}; read it again and reapply the change");

    public static Refusal Exists(string workspace) =>
        new(RefusalKind.Conflict, "The workspace exists", $"workspace {workspace} exists already; choose a new name");
}
