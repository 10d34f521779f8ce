using Growth.Domain.Access;
using Growth.Domain.Journeys;

namespace Growth.Domain.Records;

public sealed partial class CompactRecord
{
    JourneyStatus StatusCode => (JourneyStatus)(status - 1);

    /// <summary>As <see cref="CustomerRecord.IsLead"/>, read from the compact row (a whole row: true, judged once expanded).</summary>
    public bool MayBeLead => Whole || (!Has(Date.Opportunity) && !flags.HasFlag(Flags.Existing) && StatusCode is JourneyStatus.Prospect or JourneyStatus.Disqualified);

    /// <summary>As <see cref="CustomerRecord.IsDeal"/> (a whole row: true).</summary>
    public bool MayBeDeal => Whole || Has(Date.Opportunity);

    /// <summary>An open lead or deal of one of <paramref name="reps"/> (a whole row: true).</summary>
    public bool MayBeOpenOf(IReadOnlySet<string> reps, RecordStrings s) =>
        Whole || (StatusCode == JourneyStatus.Prospect && s.At(repId) is { } rep && reps.Contains(rep));

    /// <summary>
    /// False when the row surely does not match the query of <paramref name="f"/>: the cheap filters (kind, scope, owner,
    /// team, region, stage, channel, campaign, status, and a search over a name the row keeps) read from the compact row, no
    /// row expanded. True means it may: <see cref="RecordList.Matches"/> then judges the expanded row, so the lists are the same.
    /// </summary>
    public bool MayMatch(CompactFilter f, RecordStrings s)
    {
        if (Whole) return true;
        var kind = f.Query.Kind switch
        {
            RecordKind.Leads => MayBeLead,
            RecordKind.Deals => Has(Date.Opportunity),
            RecordKind.Customers => StatusCode is JourneyStatus.Customer or JourneyStatus.Churned,
            _ => true,
        };
        return kind && Is(f.Owner, repId) && Is(f.Team, teamId) && Is(f.Region, regionId) && Is(f.Campaign, campaignId)
            && (f.Stage == 0 || stage == f.Stage) && (f.Channel == 0 || channel == f.Channel) && (f.Status == 0 || status == f.Status)
            && (f.Scope.All || f.Scope.Includes(s.At(regionId), s.At(teamId), s.At(repId)))
            && (f.Query.Tag is not { } tag || Organisations.LeadTagText.Carries((Journeys.Channel?)Value(channel), s.At(campaignId), s.At(tags), tag))
            // A name the row keeps is the name it is listed by (a kept name is never an erased row's); a drawn one is judged once drawn.
            && (f.Query.Search is not { } q || extra is not RowNames n || RecordList.Found(q, n.Name, n.Company, journeyId));
    }

    static bool Is(int wanted, ushort index) => wanted == CompactFilter.Any || wanted == index;
}

/// <summary>A query's cheap filters as compact rows hold them (string indexes, enum bytes): worked out once per query, not per row.</summary>
public sealed class CompactFilter
{
    /// <summary>No filter on the field; <see cref="None"/>: a string no row holds, so nothing matches.</summary>
    internal const int Any = -1, None = -2;
    internal RecordQuery Query { get; }
    internal FigureScope Scope { get; }
    internal int Owner { get; }
    internal int Team { get; }
    internal int Region { get; }
    internal int Campaign { get; }
    internal int Stage { get; }
    internal int Channel { get; }
    internal int Status { get; }
    /// <summary>
    /// The query has no filter but those <see cref="CompactRecord.MayMatch"/> reads (and a search, judged there on a kept
    /// name): a compact row that passes it and keeps its name (or needs none) surely matches, no row expanded.
    /// </summary>
    internal bool Complete { get; }

    public CompactFilter(RecordQuery query, FigureScope scope, RecordStrings s)
    {
        (Query, Scope) = (query, scope);
        (Owner, Team, Region, Campaign) = (IndexOf(query.Owner, s), IndexOf(query.Team, s), IndexOf(query.Region, s), IndexOf(query.Campaign, s));
        (Stage, Channel, Status) = (Code((int?)query.Stage), Code((int?)query.Channel), Code((int?)query.Status));
        Complete = query is { Step: null, Working: null, Overdue: null, LostAt: null, LostTo: null, Lifecycle: null, Entered: null, Grade: null,
            CreatedFrom: null, CreatedTo: null, Won: null, Tag: null };
    }

    static int IndexOf(string? value, RecordStrings s) => value is null ? Any : s.TryFind(value, out var i) ? i : None;
    static int Code(int? value) => value is { } v ? v + 1 : 0;
}
