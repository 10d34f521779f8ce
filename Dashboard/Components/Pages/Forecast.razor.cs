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
    [Inject] NavigationManager Navigation { get; set; } = null!;

    /// <summary>The Pipeline page filtered to <paramref name="team"/>'s open deals (of <paramref name="category"/>, if given).</summary>
    public static string PipelineLink(string workspace, string team, ForecastCategory? category) =>
        $"pipeline?workspace={Uri.EscapeDataString(workspace)}&team={Uri.EscapeDataString(team)}" + (category is { } c ? $"&category={c}" : "");

    ForecastView? view;
    string? error, loadedFor;
    string sort = "close";
    bool descending;
    readonly Dictionary<string, string> drafts = [];
    IReadOnlyDictionary<string, string> repNames = new Dictionary<string, string>();
    IList<ITrace> traces = [];
    Plotly.Blazor.Layout layout = new();

    /// <summary>Sort key and the resource key of its column's title.</summary>
    static readonly (string Key, string Title)[] Columns =
    [
        ("customer", "Deals.Customer"), ("owner", "Deals.Owner"), ("value", "Deals.Value"), ("step", "Deals.Step"), ("days", "Deals.DaysInStep"),
        ("close", "Deals.ExpectedClose"), ("pushed", "Deals.TimesPushed"), ("category", "Deals.Category"),
    ];

    bool MayCall => Viewer.Allows(Area.ForecastCalls, Workspace);
    string CsvHref => $"api/workspaces/{Uri.EscapeDataString(Workspace)}/forecast/deals.csv";
    string AccuracyCsvHref => $"api/workspaces/{Uri.EscapeDataString(Workspace)}/forecast/accuracy.csv";

    protected override void OnInitialized()
    {
        base.OnInitialized();
        // Team names are long ("North Movies, Automotive & Garden (Mann)"): the axis takes the room its tilted labels need
        // (about 130 px on a desktop), so the chart is taller than the others to keep about 250 px for the bars.
        layout = Charts.Layout(Words["Forecast.Chart"], height: 440);
        layout.XAxis = [new Plotly.Blazor.LayoutLib.XAxis { AutoMargin = Plotly.Blazor.LayoutLib.XAxisLib.AutoMarginFlag.True }];
    }

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
        if (!Viewer.Allows(Area.Forecast, Workspace)) { error = Words["Forecast.NotYours", Workspace]; return; }
        var outcome = await Forecasts.ReportAsync(Workspace, Scope, MonteCarloParameters.Default);
        if (outcome.Refusal is { } refusal) { error = Words.Refusal(refusal.Detail); view = null; return; }
        view = outcome.Value;
        error = null;
        drafts.Clear();
        traces = ForecastCharts.ByTeam(view!.Report, Words);
        repNames = ForecastApi.RepNames(view.Report);
    }

    async Task SaveCallAsync(string scopeId)
    {
        var text = drafts.GetValueOrDefault(scopeId, "").Trim();
        decimal? amount = null;
        if (text.Length > 0)
        {
            if (!decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var parsed)) { error = Words["Forecast.NotANumber", scopeId, text]; return; }
            amount = parsed;
        }
        var outcome = await Forecasts.SetCallAsync(Workspace, Scope, scopeId, amount, Viewer.Name ?? "visitor");
        if (outcome.Refusal is { } refusal) { error = Words["Forecast.CallRefused", scopeId, Words.Refusal(refusal.Detail)]; return; }
        await LoadAsync();
    }

    string CallText(ForecastRow row) =>
        drafts.TryGetValue(row.Id, out var d) ? d : row.ManagerCall?.ToString("0.##", CultureInfo.InvariantCulture) ?? "";

    void Draft(string id, object? value) => drafts[id] = value?.ToString() ?? "";

    static string Raw(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    string StepWords(Growth.Domain.Journeys.ConversationStep? step) => Words.Of(step, Words["Deals.Opened"]);

    /// <summary>A bar of the team chart opens the team's open deals on the Pipeline page (of the bar's category; Closed and the target: all of them).</summary>
    void OpenTeam(Plotly.Blazor.Interop.EventDataPoint point)
    {
        if (view is null || !int.TryParse(point.PointIndex?.ToString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var index)) return;
        var teams = ForecastCharts.Teams(view.Report);
        if (index < 0 || index >= teams.Count) return;
        Navigation.NavigateTo(PipelineLink(Workspace, teams[index].Id, ForecastCharts.CategoryOf(point.TraceIndex)));
    }

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
            "customer" => d => d.Display,
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
