using Growth.Domain.Workspaces;
using Growth.Grains.Workspaces;

namespace Growth.Dashboard.Application;

/// <summary>Why a service refused a request, in the terms the HTTP API answers with (400, 403, 404, 409, 413, 503).</summary>
public enum RefusalKind { Invalid, Forbidden, NotFound, Conflict, TooLarge, Unavailable }

/// <summary>
/// A request a service refused, and why: nothing was changed. The API answers it as problem details (title, detail
/// and extensions as given); a page shows <see cref="Detail"/>.
/// </summary>
public sealed record Refusal(RefusalKind Kind, string Title, string Detail, IReadOnlyDictionary<string, object?>? Extensions = null)
{
    /// <summary>A workspace name that breaks the rule, or null if <paramref name="workspace"/> keeps it.</summary>
    public static Refusal? OfWorkspaceName(string? workspace) =>
        Keys.IsValidWorkspace(workspace) ? null : new(RefusalKind.Invalid, "Invalid workspace name", Names.InvalidWorkspace(workspace));

    /// <summary>A journey id that breaks the rule, or null if <paramref name="journeyId"/> keeps it.</summary>
    public static Refusal? OfJourneyId(string? journeyId) =>
        Keys.IsValidId(journeyId) ? null : new(RefusalKind.Invalid, "Invalid journey id", $"journey id '{journeyId}' must be {Names.IdRule}");

    public static Refusal UnknownWorkspace(string workspace) => new(RefusalKind.NotFound, "Unknown workspace", $"no workspace named {workspace}");

    public static Refusal NotAllowed(string detail) => new(RefusalKind.Forbidden, "Not allowed", detail);

    public static Refusal NoEvents { get; } = new(RefusalKind.Invalid, "No events", "the body must hold at least one event");
}

/// <summary>What a service answers: a value, or the <see cref="Refusal"/> that stopped it.</summary>
public readonly record struct Outcome<T>(T? Value, Refusal? Refusal)
{
    public static implicit operator Outcome<T>(T value) => new(value, null);
    public static implicit operator Outcome<T>(Refusal refusal) => new(default, refusal);
}
