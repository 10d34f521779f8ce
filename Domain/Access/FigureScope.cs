
namespace Growth.Domain.Access;

/// <summary>
/// The part of a workspace's figures one viewer sees: all of it, or the marketing part (campaigns, funnel,
/// lifecycle) and/or the sales rows of some regions, teams or reps (ids such as <c>region-1</c>, <c>team-1-2</c>,
/// <c>rep-1-2-3</c>; a region includes its teams and their reps, a team its reps).
/// </summary>
public sealed record FigureScope(bool Marketing, IReadOnlyList<string> Groups, bool All = false)
{
    public static FigureScope Full { get; } = new(true, [], All: true);
    public static FigureScope None { get; } = new(false, []);

    public bool IsEmpty => !All && !Marketing && Groups.Count == 0;

    /// <summary>A stable name for the scope: viewers with the same scope share one live group.</summary>
    public string Key => All ? "all" : $"{(Marketing ? "m" : "-")}|{string.Join(",", Groups)}";

    /// <summary>Whether a journey owned by these groups lies in the scope.</summary>
    public bool Includes(string? regionId, string? teamId, string? repId) =>
        All || Groups.Any(g => g == regionId || g == teamId || g == repId);
}
