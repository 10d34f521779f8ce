using Growth.Domain.Figures;
using Growth.Domain.Journeys;

namespace Growth.Domain.Access;

/// <summary>
/// Cuts a snapshot down to a viewer's scope on the server, so nothing outside it leaves the host: a sales manager's
/// snapshot holds only their region's or team's rows (and totals summed from them), a marketer's only campaigns,
/// funnel and lifecycle. Company-wide money (revenue, receivables, the quarter) stays with the full view.
/// </summary>
public static class SnapshotFilter
{
    public static WorkspaceSnapshot Apply(WorkspaceSnapshot s, FigureScope scope)
    {
        if (scope.All) return s;
        var groups = scope.Groups.ToHashSet(StringComparer.Ordinal);
        var regions = s.Regions.Where(r => groups.Contains(r.Id)).ToList();
        var regionIds = regions.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        var teams = s.Teams.Where(t => groups.Contains(t.Id) || t.ParentId is { } p && regionIds.Contains(p)).ToList();
        var teamIds = teams.Select(t => t.Id).ToHashSet(StringComparer.Ordinal);
        var reps = s.Reps.Where(r => groups.Contains(r.Id) || r.ParentId is { } p && teamIds.Contains(p)).ToList();
        // The top rows of the scope: their sums are the scope's totals (no row is counted twice).
        var tops = regions.Concat(teams.Where(t => t.ParentId is null || !regionIds.Contains(t.ParentId)))
            .Concat(reps.Where(r => r.ParentId is null || !teamIds.Contains(r.ParentId))).ToList();
        var steps = Enum.GetValues<ConversationStep>();
        long Sum(Func<GroupFigures, long> f) => tops.Sum(f);
        long At(long[] byStep, int i) => i < byStep.Length ? byStep[i] : 0;
        var won = Sum(g => g.Won);
        var lost = Sum(g => g.Lost);
        var wonValue = tops.Sum(g => g.WonValue);
        var valued = won - Sum(g => g.WonValueUnknown);
        var marketing = scope.Marketing;

        return s with
        {
            Funnel = marketing ? s.Funnel : [],
            Lifecycle = marketing ? s.Lifecycle : new LifecycleFigures(0, 0, 0, 0, 0, 0),
            Campaigns = marketing ? s.Campaigns : [],
            Revenue = marketing
                ? new RevenueFigures { EffectiveLeads = s.Revenue.EffectiveLeads, LeadConversion = s.Revenue.LeadConversion, NewCustomers = s.Revenue.NewCustomers }
                : new RevenueFigures { Total = tops.Sum(g => g.Revenue) },
            Deals = new DealFigures(won, lost, Sum(g => g.Open), won + lost == 0 ? 0 : (double)won / (won + lost), wonValue,
                valued == 0 ? 0 : wonValue / valued, 0) { WonValueUnknown = won - valued },
            Receivables = new ReceivableFigures(0, 0, 0),
            Collections = new CollectionFigures(),
            CustomerGrades = marketing ? s.CustomerGrades : new CustomerGradeMix(),
            Period = null,
            Regions = regions,
            Teams = teams,
            Reps = reps,
            // Former reps under a team of the scope (their deals are in its figures, so they are not tops).
            FormerReps = s.FormerReps.Where(r => r.ParentId is { } p && teamIds.Contains(p)).ToList(),
            Journeys = marketing ? s.Journeys : 0,
            AverageHoursToFirstContact = marketing ? s.AverageHoursToFirstContact : null,
            Pipeline = tops.Count == 0 ? [] : steps.Select((step, i) => new StepCount(step, tops.Sum(g => At(g.OpenByStep, i)))).ToList(),
            Losses = new LossFigures(tops.Count == 0 ? [] : steps.Select((step, i) => new StepCount(step, tops.Sum(g => At(g.LostByStep, i)))).ToList(), [])
            {
                StepUnknown = Sum(g => g.LostStepUnknown),
            },
            Insight = null,
            RecentLosses = s.RecentLosses.Where(l => scope.Includes(l.RegionId, l.TeamId, l.RepId)).ToList(),
            Notables = [],
        };
    }
}
