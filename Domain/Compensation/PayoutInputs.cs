namespace Growth.Domain.Compensation;

/// <summary>
/// Revenue credited to a rep: a won deal (booking basis: its won value when it was won) or a payment received
/// (collection basis). <see cref="LedgerEntry"/> names the money ledger's entry (<c>journey/event</c>) when known.
/// </summary>
/// <param name="ProductId">The catalogue product the deal was for, when known (spiffs are paid per product).</param>
/// <param name="Channel">The lead channel the deal came from, when known (spiffs may be paid per channel).</param>
public sealed record Credit(string JourneyId, string RepId, DateTimeOffset At, decimal Amount, string? ProductId = null, string? LedgerEntry = null,
    Journeys.Channel? Channel = null);

/// <summary>Why revenue was taken back.</summary>
public enum ReversalKind { Refund, Churn }

/// <summary>
/// Revenue taken back from a won deal: a refund, or the customer churning (the whole won value). Clawed back when it
/// falls within the plan's clawback days of <see cref="WonAt"/>.
/// </summary>
public sealed record Reversal(string JourneyId, string RepId, ReversalKind Kind, DateTimeOffset WonAt, DateTimeOffset At, decimal Amount, string? LedgerEntry = null);

/// <summary>
/// What payouts are computed from: won deals (each a <see cref="Credit"/> at its win), payments received (for
/// collection-basis plans) and reversals. Payments and reversals may be empty.
/// </summary>
public sealed record PayoutActivity
{
    public IReadOnlyList<Credit> Wins { get; init; } = [];
    public IReadOnlyList<Credit> Payments { get; init; } = [];
    public IReadOnlyList<Reversal> Reversals { get; init; } = [];
}
