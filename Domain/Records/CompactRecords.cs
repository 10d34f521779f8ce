using System.Runtime.InteropServices;
using Growth.Domain.Access;
using Growth.Domain.Pool;

namespace Growth.Domain.Records;

/// <summary>
/// A shard's record rows in compact form (<see cref="CompactRecord"/>), one per journey, expanded to
/// <see cref="CustomerRecord"/> only when handed out. A simulated customer's name is drawn from its seed when its row is
/// first handed out by name (in <see cref="Locale"/>; not while the locale is not known) and kept from then on, so a row
/// never shown by name holds no name but the data's; the lists, pool and deals read exactly as they did when the shard
/// kept every row whole and named.
/// </summary>
public sealed partial class CompactRecords
{
    readonly Dictionary<string, CompactRecord> rows = new(StringComparer.Ordinal);
    readonly RecordStrings strings = new();

    /// <summary>The locale simulated customers' names are drawn in (<see cref="Simulation.PersonaNames.LocaleOf"/>); null: not known yet, no name drawn.</summary>
    public string? Locale { get; set; }

    public int Count => rows.Count;
    public bool Contains(string journeyId) => rows.ContainsKey(journeyId);
    /// <summary>Whether the journey's row keeps a name (the data's, or a drawn one already handed out).</summary>
    public bool Keeps(string journeyId) => rows.TryGetValue(journeyId, out var row) && row.KeepsName;
    public void Clear() => rows.Clear();

    /// <summary>
    /// Keeps <paramref name="row"/> as the journey's row. As <see cref="CustomerRecord.Named"/> with the row kept before:
    /// a row without a name of its own keeps the name the journey's row had (the data's, or one drawn from a seed the row no
    /// longer carries); an erased row keeps none. <paramref name="id"/>: the journey id string its shard already holds (so
    /// a row costs no second copy of it); the row's own when not given.
    /// </summary>
    public void Keep(CustomerRecord row, string? id = null)
    {
        if (row.Erased && (row.Name.Length > 0 || row.Company.Length > 0)) row = row with { Name = "", Company = "" };
        ref var slot = ref CollectionsMarshal.GetValueRefOrAddDefault(rows, id ?? row.JourneyId, out var known);
        var previous = known ? slot : null;
        id = previous?.JourneyId ?? id ?? row.JourneyId;
        (string, string)? carried = null;
        if (!row.Erased && row.Name.Length == 0 && row.Company.Length == 0 && previous is { Erased: false })
        {
            if (previous.KeptNames is { } names) carried = names;
            else if (previous.NameSeed is { } seed && seed != row.NameSeed && Locale is { } locale)
            {
                var drawn = Simulation.PersonaNames.For(seed, locale);
                carried = (drawn.Contact, drawn.Company);
            }
        }
        slot = CompactRecord.Of(row, strings, id, carried);
    }

    /// <summary>The journey's row without drawing a name (for rules that read only its figures and dates), or null.</summary>
    public CustomerRecord? Unnamed(string journeyId) => rows.TryGetValue(journeyId, out var row) ? row.Expand(strings) : null;

    /// <summary>Forgets the journey's row (an archived journey is no longer listed); false when there was none.</summary>
    public bool Remove(string journeyId) => rows.Remove(journeyId);

    /// <summary>Blanks the journey's name and company for good (erasure); false when the shard keeps no row of it.</summary>
    public bool Erase(string journeyId)
    {
        if (!rows.TryGetValue(journeyId, out var row)) return false;
        rows[journeyId] = CompactRecord.Of(row.Expand(strings).Blanked(), strings, row.JourneyId);
        return true;
    }

    /// <summary>The journey's row as handed out (named), or null.</summary>
    public CustomerRecord? Get(string journeyId) => rows.TryGetValue(journeyId, out var row) ? Named(row.Expand(strings)) : null;

    /// <summary>The rows that opened an opportunity, named (the deal states the forecast and the Pipeline page read).</summary>
    public IEnumerable<CustomerRecord> Deals() => rows.Values.Where(r => r.MayBeDeal).Select(r => Named(r.Expand(strings))).Where(r => r.IsDeal);

    /// <summary>The shard's cut of the lead pool (<see cref="LeadPoolView.Slice"/>): leads only, no name drawn (the pool shows none).</summary>
    public PoolSlice Pool(FigureScope scope, DateTimeOffset now, double deadlineHours, int limit) =>
        LeadPoolView.Slice(rows.Values.Where(r => r.MayBeLead).Select(r => r.Expand(strings)), scope, now, deadlineHours, limit);

    /// <summary>Open leads and deals of <paramref name="reps"/>, unnamed (rep handovers need ids only).</summary>
    public IEnumerable<CustomerRecord> OpenOf(IReadOnlySet<string> reps) =>
        rows.Values.Where(r => r.MayBeOpenOf(reps, strings)).Select(r => r.Expand(strings));

    /// <summary>Every row as handed out, named (in no order).</summary>
    public IEnumerable<CustomerRecord> All() => rows.Values.Select(r => Named(r.Expand(strings)));

    /// <summary>Every row without its drawn name (for counting: no name is drawn), as the intent grades page counts them.</summary>
    public IEnumerable<CustomerRecord> Unnamed() => rows.Values.Select(r => r.Expand(strings));

    /// <summary>A row this store does not keep (an archived journey's customer), named as a kept row would be.</summary>
    public CustomerRecord Face(CustomerRecord row) => Named(row);

    // One faker reseeded per name (a drawer per store, not one per name): the same names as PersonaNames.For, drawn cheaper.
    Simulation.PersonaNames.Drawer? drawer;

    /// <summary>
    /// As <see cref="CustomerRecord.Named"/> with no previous row: a simulated customer's name drawn from its seed, then kept
    /// in its compact row (<see cref="CompactRecord.KeepDrawn"/>): drawn once per activation, as whole rows were.
    /// </summary>
    CustomerRecord Named(CustomerRecord row)
    {
        if (row.Erased || row.Name.Length > 0 || row.Company.Length > 0 || row.NameSeed is not { } seed || Locale is not { } locale) return row.Named(null, Locale);
        drawer = drawer?.Locale == locale ? drawer : new Simulation.PersonaNames.Drawer(locale);
        var (contact, company) = drawer.Names(seed);
        if (rows.TryGetValue(row.JourneyId, out var compact)) compact.KeepDrawn(contact, company);
        return row with { Name = contact, Company = company };
    }
}
