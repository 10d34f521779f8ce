using Growth.Domain.Workspaces;

namespace Growth.Domain.Access;

/// <summary>What a person does in the business, and so which part of a workspace they see.</summary>
public enum Role { Leadership, Marketing, SalesManager, Rep, Trainee, Admin }

/// <summary>
/// A role in one workspace (or every workspace: <see cref="AllWorkspaces"/>). A sales manager's grant names the
/// region or team they lead (<c>region-1</c>, <c>team-1-2</c>), a rep's names their rep id (<c>rep-1-2-3</c>).
/// </summary>
public sealed record Grant(string Workspace, Role Role, string? Scope = null)
{
    /// <summary>The workspace name of a grant that holds in every workspace.</summary>
    public const string AllWorkspaces = "*";

    public bool Covers(string workspace) => Workspace == AllWorkspaces || Workspace == workspace;

    /// <summary>Why the grant cannot be stored, or null when it can.</summary>
    public string? Problem() =>
        Workspace != AllWorkspaces && !Names.IsValidWorkspace(Workspace) ? $"workspace '{Workspace}' is neither '*' nor a workspace name"
        : !Enum.IsDefined(Role) ? $"role '{Role}' is not one of {string.Join(", ", Enum.GetNames<Role>())}"
        : Role is Role.SalesManager or Role.Rep && !Names.IsValidId(Scope)
            ? Role == Role.SalesManager ? "a SalesManager grant names the region or team it covers (scope)" : "a Rep grant names the rep id (scope)"
        : Role is not (Role.SalesManager or Role.Rep) && Scope is not null ? $"a {Role} grant has no scope"
        : null;

    /// <summary>The compact form used in claims and on the command line: <c>workspace:Role[:scope]</c>.</summary>
    public override string ToString() => Scope is null ? $"{Workspace}:{Role}" : $"{Workspace}:{Role}:{Scope}";

    /// <summary>Reads the compact form; null if it is not one.</summary>
    public static Grant? Parse(string? text)
    {
        var parts = (text ?? "").Split(':');
        if (parts.Length is < 2 or > 3 || !Enum.TryParse<Role>(parts[1], ignoreCase: true, out var role) || !Enum.IsDefined(role)) return null;
        var grant = new Grant(parts[0], role, parts.Length == 3 ? parts[2] : null);
        return grant.Problem() is null ? grant : null;
    }
}
