using Growth.Dashboard.Application.Forecast;
using Growth.Domain.Access;
using Growth.Domain.Figures;
using Growth.Domain.Forecast;
using Microsoft.AspNetCore.Components;

namespace Growth.Dashboard.Components.Pages;

/// <summary>
/// Deal inspection: the open deals the viewer may see, filtered by owner, step, category and customer, sorted by any
/// column, 50 a page, each opening the customer's timeline; the CSV holds every matching deal. The deals are read once
/// (and on Refresh); filtering, sorting and paging run on that copy.
/// </summary>
public partial class Pipeline
{
    public const int PageSize = 50;

    [Inject] ForecastService Forecasts { get; set; } = null!;

    ForecastReport? report;
    DealPage? page;
    string? error, loadedFor, owner, step, category, search;
    string sort = "close";
    bool descending;
    int pageNumber = 1;
    IReadOnlyList<(string Id, string Name)> owners = [];

    static readonly (string Key, string Title)[] Columns =
    [
        ("customer", "Customer"), ("value", "Value"), ("step", "Step"), ("days", "Days in step"), ("close", "Expected close"),
        ("pushed", "Times pushed"), ("owner", "Owner"), ("category", "Category"),
    ];

    string CsvHref => $"api/workspaces/{Uri.EscapeDataString(Workspace)}/pipeline/deals.csv?" + string.Join('&', new[]
    {
        ("owner", owner), ("step", step), ("category", category), ("q", search), ("sort", sort), ("desc", descending ? "true" : null),
    }.Where(x => x.Item2 is not null).Select(x => $"{x.Item1}={Uri.EscapeDataString(x.Item2!)}"));

    protected override async Task OnParametersSetAsync()
    {
        await base.OnParametersSetAsync();
        if (Problem is null && loadedFor != Workspace) await LoadAsync();
    }

    protected override void OnSnapshot(WorkspaceSnapshot snapshot) { }

    async Task LoadAsync()
    {
        loadedFor = Workspace;
        if (!Viewer.Allows(Area.Forecast, Workspace)) { error = $"Your roles do not include the pipeline of workspace {Workspace}."; return; }
        var outcome = await Forecasts.ReportAsync(Workspace, Scope);
        if (outcome.Refusal is { } refusal) { error = refusal.Detail; report = null; return; }
        report = outcome.Value!.Report;
        owners = report.Rows.Where(r => r.Level == ForecastLevel.Rep).Select(r => (r.Id, r.Name)).ToList();
        Show();
    }

    void Show()
    {
        if (report is null) return;
        var (query, wrong) = DealQuery.Parse(owner, step, category, search, sort, descending, pageNumber, PageSize);
        if (query is null) { error = wrong; return; }
        error = null;
        page = DealList.Page(report.OpenDeals, query, report.RepNames());
        if (page.Pages > 0 && pageNumber > page.Pages) Go(page.Pages);
    }

    void Filter(Action set)
    {
        set();
        pageNumber = 1;
        Show();
    }

    void Go(int number)
    {
        pageNumber = Math.Max(1, number);
        Show();
    }

    void SortBy(string key)
    {
        descending = sort == key && !descending;
        sort = key;
        Filter(() => { });
    }

    static string? Text(object? value) => value?.ToString() is { Length: > 0 } s ? s : null;

    static string CategoryName(ForecastCategory c) => c == ForecastCategory.BestCase ? "Best case" : c.ToString();
}
