using System.Text.RegularExpressions;

namespace Growth.Domain.Workspaces;

/// <summary>What a workspace name and an id may look like: the rule the API, the importer and the grains' keys share.</summary>
public static partial class Names
{
    /// <summary>The workspace name rule in words, for every message that refuses a name.</summary>
    public const string WorkspaceRule = "1-40 lower-case letters, digits or dashes, starting with a letter or digit";

    /// <summary>The ids rule in words.</summary>
    public const string IdRule = "1-100 letters, digits or . _ : # -";

    /// <summary>Why <paramref name="workspace"/> is refused as a workspace name.</summary>
    public static string InvalidWorkspace(string? workspace) => $"workspace '{workspace}' must be {WorkspaceRule}";

    /// <summary>Workspace names: lower-case letters, digits and dashes, 1 to 40 characters.</summary>
    public static bool IsValidWorkspace(string? workspace) => workspace is not null && WorkspacePattern().IsMatch(workspace);

    /// <summary>Ids: letters, digits, and . _ - : # up to 100 characters; no slash.</summary>
    public static bool IsValidId(string? id) => id is not null && IdPattern().IsMatch(id);

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,39}$")]
    private static partial Regex WorkspacePattern();

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._:#-]{0,99}$")]
    private static partial Regex IdPattern();
}
