using System.Globalization;
using Growth.Domain.Journeys;
using Growth.Domain.Randomness;

namespace Growth.Domain.Privacy;

/// <summary>
/// What one journey keeps that can describe a person: its state and the events it still holds (the recent ones a page
/// shows, and the ingested ones still re-orderable with the state before them). Growth's event language has no name,
/// company or contact field, so a customer's personal data here is the free text a CRM sent (event reasons, the lost
/// reason) and the contact and company names it sent; ids, steps, amounts and dates are the figures' and are kept.
/// </summary>
public sealed record JourneyData(JourneyState State, IReadOnlyList<JourneyEvent> Recent, IReadOnlyList<JourneyEvent> Window, JourneyState? WindowBase);

/// <summary>A journey's personal data was erased: when, by whom, and the anonymous label it is shown by since.</summary>
public sealed record ErasureMark(DateTimeOffset At, string By, string Label);

/// <summary>What one erasure blanked: free-text fields of the state (and of the state before the re-orderable events), and events (by id) whose reason was blanked.</summary>
public sealed record ErasedFields(int StateFields, int EventReasons)
{
    public static ErasedFields None { get; } = new(0, 0);
    public int Total => StateFields + EventReasons;
}

/// <summary>
/// Erasing one customer's personal data on request (pure): every free-text field blanked, everything the figures are
/// made of kept (ids, status, stage, steps, objections, amounts, dates, counts, groups), so a journey's tally, its
/// figure contributions and its ledger entries are the same before and after.
/// </summary>
public static class CustomerErasure
{
    public const string LabelPrefix = "Erased customer ";

    /// <summary>
    /// The anonymous label an erased journey is shown by: "Erased customer " and four hex digits of a stable hash of
    /// workspace and journey id (the same journey always gets the same label; two journeys may share one).
    /// </summary>
    public static string LabelOf(string workspace, string journeyId) =>
        LabelPrefix + (Prng.StableHash($"{workspace}/{journeyId}") & 0xffff).ToString("x4", CultureInfo.InvariantCulture);

    /// <summary>The state with its free text blanked (the lost reason, the contact and company names).</summary>
    public static JourneyState Erase(JourneyState state) => FieldsOf(state) == 0 ? state : state with { LostReason = null, ContactName = null, CompanyName = null };

    /// <summary>The event with its free text blanked (the reason, the contact and company names); every other field kept.</summary>
    public static JourneyEvent Erase(JourneyEvent e) => !HasText(e) ? e : e with { Reason = null, ContactName = null, CompanyName = null };

    static int FieldsOf(JourneyState? s) => s is null ? 0 : (s.LostReason is null ? 0 : 1) + (s.ContactName is null ? 0 : 1) + (s.CompanyName is null ? 0 : 1);

    static bool HasText(JourneyEvent e) => e.Reason is not null || e.ContactName is not null || e.CompanyName is not null;

    /// <summary>The journey's data with every free-text field blanked, and how many were blanked (none: already clean).</summary>
    public static (JourneyData Data, ErasedFields Erased) Erase(JourneyData data)
    {
        var stateFields = FieldsOf(data.State) + FieldsOf(data.WindowBase);
        // An event can be both recent and re-orderable: counted once.
        var eventReasons = data.Recent.Concat(data.Window).Where(HasText).Select(e => e.Id).Distinct().Count();
        var erased = new JourneyData(Erase(data.State), data.Recent.Select(Erase).ToList(), data.Window.Select(Erase).ToList(),
            data.WindowBase is null ? null : Erase(data.WindowBase));
        return (erased, new ErasedFields(stateFields, eventReasons));
    }

    /// <summary>Deal outcomes (the win/loss review's recent losses) with the reason of <paramref name="journeyId"/>'s blanked; the count blanked.</summary>
    public static (List<DealOutcome> Outcomes, int Erased) Erase(IEnumerable<DealOutcome> outcomes, string journeyId)
    {
        var erased = 0;
        var list = outcomes.Select(o =>
        {
            if (o.JourneyId != journeyId || o.Reason is null) return o;
            erased++;
            return o with { Reason = null };
        }).ToList();
        return (list, erased);
    }

    /// <summary>Every piece of free text the journey's data holds (empty once erased).</summary>
    public static IReadOnlyList<string> FreeTextOf(JourneyData data) =>
        new[] { data.State.LostReason, data.State.ContactName, data.State.CompanyName, data.WindowBase?.LostReason, data.WindowBase?.ContactName, data.WindowBase?.CompanyName }
            .Concat(data.Recent.Concat(data.Window).SelectMany(e => new[] { e.Reason, e.ContactName, e.CompanyName }))
            .OfType<string>().ToList();
}
