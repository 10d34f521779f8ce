using Growth.Domain.Randomness;
using Growth.Domain.Workspaces;

namespace Growth.Grains.Workspaces;

/// <summary>
/// Every grain key carries its workspace: "{workspace}/{id}". Nothing in one workspace can address another's grains.
/// </summary>
public static class Keys
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

    public static int ShardOf(string journeyId) => (int)(Prng.StableHash(journeyId) % ShardCount);

    /// <summary>Workspace names: lower-case letters, digits and dashes, 1 to 40 characters.</summary>
    public static bool IsValidWorkspace(string? workspace) => Names.IsValidWorkspace(workspace);

    /// <summary>Ids: letters, digits, and . _ - : # up to 100 characters; no slash.</summary>
    public static bool IsValidId(string? id) => Names.IsValidId(id);
}
