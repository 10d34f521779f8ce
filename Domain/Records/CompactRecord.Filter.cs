using Growth.Domain.Access;
using Growth.Domain.Journeys;

namespace Growth.Domain.Records;

public sealed partial class CompactRecord
{
    JourneyStatus StatusCode => (JourneyStatus)(status - 1);

    /// <summary>As <see cref="CustomerRecord.IsLead"/>, read from the compact row (a whole row: true, judged once expanded).</summary>
    public bool MayBeLead => Whole || (opportunityAt == 0 && !flags.HasFlag(Flags.Existing) && StatusCode is JourneyStatus.Prospect or JourneyStatus.Disqualified);

    /// <summary>As <see cref="CustomerRecord.IsDeal"/> (a whole row: true).</summary>
    public bool MayBeDeal => Whole || opportunityAt != 0;

    /// <summary>An open lead or deal of one of <paramref name="reps"/> (a whole row: true).</summary>
    public bool MayBeOpenOf(IReadOnlySet<string> reps, RecordStrings s) =>
        Whole || (StatusCode == JourneyStatus.Prospect && s.At(repId) is { } rep && reps.Contains(rep));

    /// <summary>
    /// False when the row surely does not match <paramref name="query"/> in <paramref name="scope"/>: the cheap filters
    /// (kind, scope, owner, team, region, stage, channel, campaign, status) read from the compact row, no row expanded.
    /// True means it may: <see cref="RecordList.Matches"/> then judges the expanded row, so the lists are the same.
    /// </summary>
    public bool MayMatch(RecordQuery query, FigureScope scope, RecordStrings s)
    {
        if (Whole) return true;
        var kind = query.Kind switch
        {
            RecordKind.Leads => MayBeLead,
            RecordKind.Deals => opportunityAt != 0,
            _ => StatusCode is JourneyStatus.Customer or JourneyStatus.Churned,
        };
        return kind
            && Is(query.Owner, repId, s) && Is(query.Team, teamId, s) && Is(query.Region, regionId, s) && Is(query.Campaign, campaignId, s)
            && (query.Stage is not { } st || stage == (int)st + 1)
            && (query.Channel is not { } ch || channel == (int)ch + 1)
            && (query.Status is not { } stat || status == (int)stat + 1)
            && (scope.All || scope.Includes(s.At(regionId), s.At(teamId), s.At(repId)));
    }

    static bool Is(string? wanted, ushort index, RecordStrings s) => wanted is null || (s.TryFind(wanted, out var i) && i == index);
}
