using System.Collections;

namespace Growth.Domain.Import;

/// <summary>
/// The journeys of an import, written in the event language when asked for (each time anew, the same every time):
/// a million-row export keeps one checked row per deal, not its five or six events, so reading it stays in bounded
/// memory while the journeys are sent in batches.
/// </summary>
/// <param name="added">Events of the event files (payments, orders, activities) by journey, in time order.</param>
internal sealed class ImportedJourneys(IReadOnlyList<(Opportunity Deal, DateTimeOffset LeadAt)> deals, IReadOnlyList<LeadRow> leads,
    IReadOnlyDictionary<string, IReadOnlyList<Journeys.JourneyEvent>>? added = null)
    : IReadOnlyList<ImportedJourney>
{
    /// <summary>How many of the journeys are deals (the rest are leads no deal references).</summary>
    public int Deals => deals.Count;

    public int Count => deals.Count + leads.Count;

    public ImportedJourney this[int index]
    {
        get
        {
            if (index < deals.Count)
            {
                var (o, leadAt) = deals[index];
                return new ImportedJourney(o.Id, o.Row, With(o.Id, JourneyScript.For(o, leadAt)));
            }
            var lead = leads[index - deals.Count];
            return new ImportedJourney(lead.Id, lead.Row, With(lead.Id, JourneyScript.ForLead(lead)));
        }
    }

    /// <summary>The journey's own events and the event files' for it, in time order (its own first at one instant, as they were checked).</summary>
    IReadOnlyList<Journeys.JourneyEvent> With(string id, List<Journeys.JourneyEvent> script) =>
        added is not null && added.TryGetValue(id, out var more) ? script.Concat(more).OrderBy(e => e.At).ToList() : script;

    public IEnumerator<ImportedJourney> GetEnumerator()
    {
        for (var i = 0; i < Count; i++) yield return this[i];
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
