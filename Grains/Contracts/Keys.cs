using System.Text.RegularExpressions;

namespace Growth.Grains.Contracts;

/// <summary>
/// Every grain key carries its workspace: "{workspace}/{id}". Nothing in one workspace can address another's grains.
/// </summary>
public static partial class Keys
{
    /// <summary>Journey shards per workspace: the first tier of statistics and the scheduler of due journeys.</summary>
    public const int ShardCount = 8;

    public static string Of(string workspace, string id) => $"{workspace}/{id}";

    public static (string Workspace, string Id) Split(string key)
    {
        var slash = key.IndexOf('/');
        return slash < 0 ? (key, "") : (key[..slash], key[(slash + 1)..]);
    }

    public static string Shard(string workspace, int index) => Of(workspace, $"shard-{index}");

    public static int ShardOf(string journeyId) => (int)(Model.Prng.StableHash(journeyId) % ShardCount);

    /// <summary>Workspace names: lower-case letters, digits and dashes, 1 to 40 characters.</summary>
    public static bool IsValidWorkspace(string? workspace) => workspace is not null && WorkspacePattern().IsMatch(workspace);

    /// <summary>Ids: letters, digits, and . _ - : # up to 100 characters; no slash.</summary>
    public static bool IsValidId(string? id) => id is not null && IdPattern().IsMatch(id);

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,39}$")]
    private static partial Regex WorkspacePattern();

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._:#-]{0,99}$")]
    private static partial Regex IdPattern();
}
