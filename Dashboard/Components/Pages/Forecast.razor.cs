using System.Globalization;
using Growth.Dashboard.Api;
using Growth.Dashboard.Application.Forecast;
using Growth.Dashboard.Components.Figures;
using Growth.Dashboard.Components.Shared;
using Growth.Domain.Access;
using Growth.Domain.Figures;
using Growth.Domain.Forecast;
using Microsoft.AspNetCore.Components;
using Plotly.Blazor;

namespace Growth.Dashboard.Components.Pages;

/// <summary>
/// The quarter's forecast: rows by region → team → rep (closed, commit, best case, pipeline, weighted, the three
/// calls, coverage, velocity), a stacked bar per team against target, and the open deals, sortable and downloadable.
/// Built on request (and on Refresh), not on every live update: it reads every journey.
/// </summary>
public partial class Forecast
{
    /// <summary>Deal rows rendered; the CSV download has every one.</summary>
    public const int MaxShown = 500;

    [Inject] ForecastService Forecasts { get; set; } = null!;

    ForecastView? view;
    string? error, loadedFor;
    string sort = "close";
    bool descending;
    readonly Dictionary<string, string> drafts = [];
    IReadOnlyDictionary<string, string> repNames = new Dictionary<string, string>();
    IList<ITrace> traces = [];
    readonly Plotly.Blazor.Layout layout = Charts.Layout("Closed, commit, best case and pipeline against target by team");

    static readonly (string Key, string Title)[] Columns =
    [
        ("customer", "Customer"), ("owner", "Owner"), ("value", "Value"), ("step", "Step"), ("days", "Days in step"),
        ("close", "Expected close"), ("pushed", "Times pushed"), ("category", "Category"),
    ];

    bool MayCall => Viewer.Allows(Area.ForecastCalls, Workspace);
    string CsvHref => $"api/workspaces/{Uri.EscapeDataString(Workspace)}/forecast/deals.csv";

    protected override async Task OnParametersSetAsync()
    {
        await base.OnParametersSetAsync();
        layout.BarMode = Plotly.Blazor.LayoutLib.BarModeEnum.Stack;
        if (Problem is null && loadedFor != Workspace) await LoadAsync();
    }

    protected override void OnSnapshot(WorkspaceSnapshot snapshot) { }

    async Task LoadAsync()
    {
        loadedFor = Workspace;
        if (!Viewer.Allows(Area.Forecast, Workspace)) { error = $"Your roles do not include the forecast of workspace {Workspace}."; return; }
        var outcome = await Forecasts.ReportAsync(Workspace, Scope, MonteCarloParameters.Default);
        if (outcome.Refusal is { } refusal) { error = refusal.Detail; view = null; return; }
        view = outcome.Value;
        error = null;
        drafts.Clear();
        traces = ForecastCharts.ByTeam(view!.Report);
        repNames = ForecastApi.RepNames(view.Report);
    }

    async Task SaveCallAsync(string scopeId)
    {
        var text = drafts.GetValueOrDefault(scopeId, "").Trim();
        decimal? amount = null;
        if (text.Length > 0)
        {
            if (!decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var parsed)) { error = $"call of {scopeId}: '{text}' is not a number"; return; }
            amount = parsed;
        }
        var outcome = await Forecasts.SetCallAsync(Workspace, Scope, scopeId, amount, Viewer.Name ?? "visitor");
        if (outcome.Refusal is { } refusal) { error = $"call of {scopeId}: {refusal.Detail}"; return; }
        await LoadAsync();
    }

    string CallText(ForecastRow row) =>
        drafts.TryGetValue(row.Id, out var d) ? d : row.ManagerCall?.ToString("0.##", CultureInfo.InvariantCulture) ?? "";

    void Draft(string id, object? value) => drafts[id] = value?.ToString() ?? "";

    static string Raw(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    static string Category(ForecastCategory c) => c == ForecastCategory.BestCase ? "Best case" : c.ToString();

    string Owner(Deal d) => d.RepId is { } r ? repNames.GetValueOrDefault(r, r) : "";

    void SortBy(string key)
    {
        descending = sort == key && !descending;
        sort = key;
    }

    IEnumerable<Deal> SortedDeals()
    {
        var deals = view?.Report.OpenDeals ?? [];
        Func<Deal, object> key = sort switch
        {
            "customer" => d => d.JourneyId,
            "owner" => d => Owner(d),
            "value" => d => d.Amount,
            "step" => d => d.Level,
            "days" => d => d.DaysInStep,
            "pushed" => d => d.Pushes,
            "category" => d => d.Category,
            _ => d => d.ExpectedCloseAt,
        };
        return descending ? deals.OrderByDescending(key) : deals.OrderBy(key);
    }
}
