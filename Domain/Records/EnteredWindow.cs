using System.Globalization;
using Growth.Domain.Journeys;

namespace Growth.Domain.Records;

/// <summary>
/// The record lists' "entered" filter as text: <c>Stage,after,until</c> (a funnel stage, then the window's open start and
/// closed end in ISO 8601; either time blank for no bound), so one address parameter carries a chart point's window.
/// </summary>
public static class EnteredWindow
{
    /// <summary>The filter's text for <paramref name="stage"/> entered in (<paramref name="after"/>, <paramref name="until"/>].</summary>
    public static string Of(FunnelStage stage, DateTimeOffset? after, DateTimeOffset? until) =>
        $"{stage},{Time(after)},{Time(until)}";

    static string Time(DateTimeOffset? at) => at?.UtcDateTime.ToString("O", CultureInfo.InvariantCulture) ?? "";

    /// <summary>The stage and window of <paramref name="text"/>, or what is wrong with it (null text: no filter).</summary>
    public static (FunnelStage? Stage, DateTimeOffset? After, DateTimeOffset? Until, string? Error) Parse(string? text)
    {
        if (text is null) return (null, null, null, null);
        var parts = text.Split(',');
        if (parts.Length is < 1 or > 3 || !Enum.TryParse<FunnelStage>(parts[0].Trim(), ignoreCase: true, out var stage)
            || int.TryParse(parts[0], out _) || !Enum.IsDefined(stage))
            return (null, null, null, $"entered '{text}' must be a stage ({string.Join(", ", Enum.GetNames<FunnelStage>())}), then optionally ',after,until' in ISO 8601");
        DateTimeOffset? after = null, until = null;
        for (var i = 1; i < parts.Length; i++)
        {
            var part = parts[i].Trim();
            if (part.Length == 0) continue;
            if (!DateTimeOffset.TryParse(part, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
                return (null, null, null, $"entered '{text}': '{part}' is not a time in ISO 8601 (e.g. 2026-03-01T00:00:00Z)");
            if (i == 1) after = at; else until = at;
        }
        if (after > until) return (null, null, null, $"entered '{text}': the window's start is after its end");
        return (stage, after, until, null);
    }

    /// <summary>Whether <paramref name="row"/> entered <paramref name="stage"/> in (<paramref name="after"/>, <paramref name="until"/>].</summary>
    public static bool Holds(CustomerRecord row, FunnelStage stage, DateTimeOffset? after, DateTimeOffset? until) =>
        row.EnteredAt(stage) is { } at && (after is null || at > after) && (until is null || at <= until);
}
