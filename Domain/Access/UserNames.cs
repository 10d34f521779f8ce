using System.Text.RegularExpressions;

namespace Growth.Domain.Access;

/// <summary>User names: compared case-insensitively, stored in lower case.</summary>
public static partial class UserNames
{
    public const string Rule = "2-64 letters, digits or . _ @ - (an e-mail address works)";

    public static string Normalise(string? name) => (name ?? "").Trim().ToLowerInvariant();

    public static bool IsValid(string? name) => name is not null && Pattern().IsMatch(name);

    [GeneratedRegex(@"^[a-z0-9][a-z0-9._@-]{1,63}$")]
    private static partial Regex Pattern();
}
