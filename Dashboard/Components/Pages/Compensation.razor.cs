using Growth.Dashboard.Application.Compensation;
using Growth.Dashboard.Components.Compensation;
using Growth.Dashboard.Components.Shared;
using Growth.Domain.Compensation;
using Growth.Domain.Figures;
using Microsoft.AspNetCore.Components;
using Plotly.Blazor;

namespace Growth.Dashboard.Components.Pages;

/// <summary>
/// The Compensation page: payouts of a fiscal period under the setup's pay plans. Leadership and administrators see
/// the cost of sales, payout as a share of revenue, the distribution of payout per rep and every rep; a manager
/// their region's or team's reps; a rep their own statement. A rep's statement lists every line and the deal it
/// traces to. Totals are the sums of the rows shown.
/// </summary>
public partial class Compensation
{
    [Inject] CompensationService Payouts { get; set; } = null!;
    [SupplyParameterFromQuery(Name = "fiscal")] public string? PeriodParameter { get; set; }

    CompensationReport? report;
    IReadOnlyList<RepPayout> reps = [];
    IList<ITrace> distribution = [];
    Plotly.Blazor.Layout distributionLayout = null!;
    string? loadedFor, error, selected, period;
    bool loading;

    protected override void OnInitialized()
    {
        base.OnInitialized();
        distributionLayout = Charts.Layout(Words["Comp.ChartTitle"], Words["Comp.ChartX"], Words["Comp.ChartY"], 260, legend: false);
    }

    protected override async Task OnParametersSetAsync()
    {
        await base.OnParametersSetAsync();
        var key = $"{Workspace}|{PeriodParameter}";
        if (loadedFor == key) return;
        loadedFor = key;
        period = PeriodParameter;
        await LoadAsync();
    }

    async Task LoadAsync()
    {
        if (Problem is not null || Scope.IsEmpty) return;
        loading = true;
        var outcome = await Payouts.ReportAsync(Workspace, string.IsNullOrWhiteSpace(period) ? null : period, Scope);
        loading = false;
        error = Words.Refusal(outcome.Refusal?.Detail);
        if (outcome.Value is not { } value) return;
        report = value;
        period = value.Period;
        reps = CompensationView.Reps(value);
        distribution = CompensationView.Distribution(reps, Words["Comp.ChartY"]);
        // A viewer who sees one rep (a rep, or a team of one) gets that rep's statement at once.
        selected = reps.Count == 1 ? reps[0].RepId : reps.Any(r => r.RepId == selected) ? selected : null;
    }

    Task ShowAsync() => LoadAsync();

    void Select(string repId) => selected = selected == repId ? null : repId;

    IEnumerable<PayoutStatement> SelectedStatements => report?.Statements.Where(s => s.RepId == selected) ?? [];

    // The figures change only when the page is reloaded: a report reads every journey, too much for each live update.
    protected override void OnSnapshot(WorkspaceSnapshot snapshot) { }

    string Exact(decimal value) => CompensationView.Exact(value, Snapshot?.Money);
}
