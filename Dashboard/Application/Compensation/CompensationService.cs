using Growth.Dashboard.Application.Workspaces;
using Growth.Domain.Access;
using Growth.Domain.Compensation;
using Growth.Domain.Journeys;
using Growth.Domain.Setup;
using Growth.Grains.Figures;
using Growth.Grains.Journeys;
using Growth.Grains.Ledger;
using Growth.Grains.Setup;
using Growth.Grains.Workspaces;

namespace Growth.Dashboard.Application.Compensation;

/// <summary>
/// A workspace's payouts for a fiscal period, live: the setup in force (its plans, organisation and targets), the
/// journeys' won deals (read from the journey shards, as the calibration does) and, where the workspace keeps a money
/// ledger, its payments and refunds, computed by <see cref="Payouts"/>. A viewer sees the statements of their part of
/// the workspace (a manager their region or team, a rep their own); totals are the sums of the statements shown.
/// </summary>
/// <remarks>
/// Cost: one call per journey (through its shard) and one ledger read per report; fine for the workspaces the
/// dashboard runs (thousands of journeys), not for a page that refreshes many times a second.
/// </remarks>
public sealed class CompensationService(IGrainFactory grains, TimeProvider time)
{
    /// <summary>
    /// The report for <paramref name="period"/> (a fiscal period name such as FY2027-Q1; null: the fiscal quarter the
    /// workspace's simulated time is in), cut to <paramref name="scope"/>.
    /// </summary>
    public async Task<Outcome<CompensationReport>> ReportAsync(string workspace, string? period, FigureScope scope)
    {
        if (await grains.GetGrain<IWorkspaceGrain>(workspace).GetAsync() is null) return Refusal.UnknownWorkspace(workspace);
        var setup = (await grains.GetGrain<ISetupGrain>(workspace).GetAsync())?.Document ?? new SetupDocument();
        var calendar = new FiscalCalendar(setup.Company);
        FiscalPeriod asked;
        if (string.IsNullOrWhiteSpace(period))
        {
            var asOf = (await grains.GetGrain<IWorkspaceStatisticsGrain>(workspace).GetSnapshotAsync())?.AsOf ?? time.GetUtcNow();
            asked = calendar.QuarterOf(asOf);
        }
        else if (calendar.Find(period.Trim()) is { } found) asked = found;
        else return new Refusal(RefusalKind.Invalid, "Unknown period",
            $"period: unknown fiscal period '{period}' (use FY2027, FY2027-Q1..Q4, FY2027-M01..M12 or a period named in the setup)");

        var states = await StatesAsync(workspace);
        // Draws carry from the fiscal year's start; clawbacks look back at most a year.
        var from = calendar.YearOf(asked.Start).Start.AddYears(-1);
        var ledger = await grains.GetGrain<ILedgerReaderGrain>(workspace).EntriesAsync(from, asked.End);
        var activity = PayoutSources.From(states, ledger, setup.Catalogue);
        return Cut(Payouts.Compute(setup, asked, activity), scope, activity, asked);
    }

    /// <summary>Every journey's state, and the won journeys the retention rule archived (<see cref="WorkspaceJourneys.WithArchivedWinsAsync"/>).</summary>
    Task<List<JourneyState>> StatesAsync(string workspace) => WorkspaceJourneys.WithArchivedWinsAsync(grains, workspace);

    /// <summary>The report as one viewer may see it: their statements, and totals summed from them.</summary>
    public static CompensationReport Cut(CompensationReport report, FigureScope scope, PayoutActivity activity, FiscalPeriod asked)
    {
        if (scope.All) return report;
        var shown = report.Statements.Where(s => scope.Includes(s.RegionId, s.TeamId, s.RepId)).ToList();
        var reps = shown.Select(s => s.RepId).ToHashSet(StringComparer.Ordinal);
        return report with
        {
            Statements = shown,
            Total = shown.Sum(s => s.Total),
            Revenue = activity.Wins.Where(w => reps.Contains(w.RepId) && asked.Contains(w.At)).Sum(w => w.Amount),
        };
    }
}
