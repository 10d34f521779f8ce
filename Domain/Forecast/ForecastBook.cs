using Growth.Domain.Access;
using Growth.Domain.Setup;

namespace Growth.Domain.Forecast;

/// <summary>
/// Builds the forecast of a period: each rep's figures from their deals, rolled up rep → team → region → company by
/// exact sums. Deals whose rep is not in the organisation are left out of the rows (they stay in the deal list).
/// </summary>
/// <remarks>
/// Weighted amounts are rounded to 2 places per deal before summing, so roll-ups stay exact. Velocity at every level
/// comes from that level's summed inputs: open deals × (won ÷ closed) × (won amount ÷ won) ÷ (won cycle days ÷ won),
/// over all closed deals of the level (not only the period's).
/// </remarks>
public static class ForecastBook
{
    public static ForecastReport Build(FiscalPeriod period, DateTimeOffset asOf, OrganisationSetup organisation, TargetSheet? targets,
        IReadOnlyList<Deal> deals, WinModel model, IReadOnlyDictionary<string, decimal>? managerCalls = null, string companyName = "Company")
    {
        var calls = managerCalls ?? new Dictionary<string, decimal>();
        var byRep = deals.Where(d => d.RepId is not null).GroupBy(d => d.RepId!).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var rows = new List<ForecastRow>();
        var company = new Totals();
        foreach (var region in organisation.Regions)
        {
            var regionTotals = new Totals();
            var regionRows = new List<ForecastRow>();
            foreach (var team in region.Teams)
            {
                var teamTotals = new Totals();
                var repRows = new List<ForecastRow>();
                foreach (var rep in team.Reps)
                {
                    var t = Totals.Of(byRep.GetValueOrDefault(rep.Id) ?? [], period, model);
                    teamTotals.Add(t);
                    repRows.Add(t.Row(ForecastLevel.Rep, rep.Id, team.Id, Named(rep.Name, rep.Id), targets?.Reps.GetValueOrDefault(rep.Id) ?? 0, null));
                }
                regionTotals.Add(teamTotals);
                regionRows.Add(teamTotals.Row(ForecastLevel.Team, team.Id, region.Id, Named(team.Name, team.Id),
                    targets?.Teams.GetValueOrDefault(team.Id) ?? 0, Call(calls, team.Id)));
                regionRows.AddRange(repRows);
            }
            company.Add(regionTotals);
            rows.Add(regionTotals.Row(ForecastLevel.Region, region.Id, "company", Named(region.Name, region.Id),
                targets?.Regions.GetValueOrDefault(region.Id) ?? 0, Call(calls, region.Id)));
            rows.AddRange(regionRows);
        }
        rows.Insert(0, company.Row(ForecastLevel.Company, "company", null, companyName, targets?.Company ?? 0, Call(calls, "company")));
        return new ForecastReport
        {
            Period = period, AsOf = asOf, Rows = rows,
            OpenDeals = deals.Where(d => d.IsOpen).OrderBy(d => d.ExpectedCloseAt).ThenBy(d => d.JourneyId, StringComparer.Ordinal).ToList(),
            LearnedFrom = model.ClosedDeals, OverallWinRate = model.OverallWinRate,
        };
    }

    /// <summary>The part of <paramref name="report"/> a viewer sees: rows and deals inside <paramref name="scope"/> (the company row for the full view only).</summary>
    public static ForecastReport Cut(ForecastReport report, FigureScope scope)
    {
        if (scope.All) return report;
        var parents = report.Rows.ToDictionary(r => r.Id, r => r.ParentId, StringComparer.Ordinal);
        bool Inside(ForecastRow r)
        {
            for (string? id = r.Id; id is not null && id != "company"; id = parents.GetValueOrDefault(id))
                if (scope.Groups.Contains(id)) return true;
            return false;
        }
        return report with
        {
            Rows = report.Rows.Where(Inside).ToList(),
            OpenDeals = report.OpenDeals.Where(d => scope.Includes(d.RegionId, d.TeamId, d.RepId)).ToList(),
        };
    }

    static decimal? Call(IReadOnlyDictionary<string, decimal> calls, string id) => calls.TryGetValue(id, out var c) ? c : null;
    static string Named(string name, string id) => string.IsNullOrWhiteSpace(name) ? id : name;

    sealed class Totals
    {
        decimal closed, commit, bestCase, pipeline, weighted, wonAmount;
        int open, won, lost;
        double wonDays;

        public static Totals Of(IEnumerable<Deal> deals, FiscalPeriod period, WinModel model)
        {
            var t = new Totals();
            foreach (var d in deals)
            {
                if (d.IsOpen)
                {
                    t.open++;
                    if (d.ExpectedCloseAt >= period.End) continue;
                    switch (d.Category)
                    {
                        case ForecastCategory.Commit: t.commit += d.Amount; break;
                        case ForecastCategory.BestCase: t.bestCase += d.Amount; break;
                        default: t.pipeline += d.Amount; break;
                    }
                    t.weighted += Math.Round(d.Amount * (decimal)model.Probability(d.Level, d.AgeDays), 2);
                    continue;
                }
                if (d.IsWon)
                {
                    t.won++;
                    t.wonAmount += d.Amount;
                    t.wonDays += d.AgeDays;
                    if (d.ClosedAt is { } at && period.Contains(at)) t.closed += d.Amount;
                }
                else t.lost++;
            }
            return t;
        }

        public void Add(Totals o)
        {
            closed += o.closed; commit += o.commit; bestCase += o.bestCase; pipeline += o.pipeline; weighted += o.weighted;
            wonAmount += o.wonAmount; open += o.open; won += o.won; lost += o.lost; wonDays += o.wonDays;
        }

        public ForecastRow Row(ForecastLevel level, string id, string? parent, string name, decimal target, decimal? managerCall)
        {
            var openInPeriod = commit + bestCase + pipeline;
            var met = target > 0 && closed >= target;
            double? coverage = target > 0 && !met ? (double)(openInPeriod / (target - closed)) : null;
            // Per day: open × win rate × average won deal ÷ average cycle (cycle floored at a day).
            double? velocity = won > 0 ? open * ((double)won / (won + lost)) * (double)(wonAmount / won) / Math.Max(1, wonDays / won) : null;
            return new ForecastRow(level, id, parent, name, target, closed, commit, bestCase, pipeline, weighted,
                closed + commit, closed + weighted, managerCall, coverage, met, velocity, open, won, lost);
        }
    }
}
