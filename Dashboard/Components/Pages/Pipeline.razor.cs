using Growth.Dashboard.Application.Forecast;
using Growth.Domain.Access;
using Growth.Domain.Figures;
using Growth.Domain.Forecast;
using Growth.Domain.Journeys;
using Microsoft.AspNetCore.Components;

namespace Growth.Dashboard.Components.Pages;

/// <summary>
/// Deal inspection: the open deals the viewer may see, filtered by owner, team, step, category and customer, sorted by
/// any column, 50 a page, each opening the customer's timeline; the CSV holds every matching deal. The deals are read
/// once (and on Refresh); filtering, sorting and paging run on that copy. Filters may come in the address (a chart's
/// bar opens its records: <c>?team=…&amp;category=…</c>); a signed-in person saves the current filters as a named view
/// and applies any of theirs with one click.
/// </summary>
public partial class Pipeline
{
    public const int PageSize = 50;

    [Inject] ForecastService Forecasts { get; set; } = null!;
    [Inject] SavedViewsService SavedViews { get; set; } = null!;

    [SupplyParameterFromQuery(Name = "owner")] public string? OwnerParameter { get; set; }
    [SupplyParameterFromQuery(Name = "team")] public string? TeamParameter { get; set; }
    [SupplyParameterFromQuery(Name = "step")] public string? StepParameter { get; set; }
    [SupplyParameterFromQuery(Name = "category")] public string? CategoryParameter { get; set; }
    [SupplyParameterFromQuery(Name = "q")] public string? SearchParameter { get; set; }

    ForecastReport? report;
    DealPage? page;
    string? error, loadedFor, owner, team, step, category, search;
    string sort = "close", viewName = "";
    bool descending;
    int pageNumber = 1;
    IReadOnlyList<(string Id, string Name)> owners = [], teams = [];
    IReadOnlyList<SavedView> views = [];

    /// <summary>Sort key and the resource key of its column's title.</summary>
    static readonly (string Key, string Title)[] Columns =
    [
        ("customer", "Deals.Customer"), ("value", "Deals.Value"), ("step", "Deals.Step"), ("days", "Deals.DaysInStep"), ("close", "Deals.ExpectedClose"),
        ("pushed", "Deals.TimesPushed"), ("followups", "Deals.FollowUps"), ("activity", "Deals.LastActivity"), ("owner", "Deals.Owner"), ("category", "Deals.Category"),
    ];

    bool MaySave => Viewer.SignedIn && !Viewer.Visitor;

    string CsvHref => $"api/workspaces/{Uri.EscapeDataString(Workspace)}/pipeline/deals.csv?" + string.Join('&', new[]
    {
        ("owner", owner), ("team", team), ("step", step), ("category", category), ("q", search), ("sort", sort), ("desc", descending ? "true" : null),
    }.Where(x => x.Item2 is not null).Select(x => $"{x.Item1}={Uri.EscapeDataString(x.Item2!)}"));

    protected override async Task OnParametersSetAsync()
    {
        await base.OnParametersSetAsync();
        if (Problem is null && loadedFor != Workspace)
        {
            (owner, team, step, category, search) = (Text(OwnerParameter), Text(TeamParameter), Text(StepParameter), Text(CategoryParameter), Text(SearchParameter));
            await LoadAsync();
        }
    }

    protected override void OnSnapshot(WorkspaceSnapshot snapshot) { }

    async Task LoadAsync()
    {
        loadedFor = Workspace;
        if (!Viewer.Allows(Area.Forecast, Workspace)) { error = Words["Pipeline.NotYours", Workspace]; return; }
        var outcome = await Forecasts.ReportAsync(Workspace, Scope);
        if (outcome.Refusal is { } refusal) { error = Words.Refusal(refusal.Detail); report = null; return; }
        report = outcome.Value!.Report;
        owners = report.Rows.Where(r => r.Level == ForecastLevel.Rep).Select(r => (r.Id, r.Name)).ToList();
        teams = report.Rows.Where(r => r.Level == ForecastLevel.Team).Select(r => (r.Id, r.Name)).ToList();
        views = (await SavedViews.ListAsync(MaySave ? Viewer.Name : null, Workspace)).Value ?? [];
        Show();
    }

    void Show()
    {
        if (report is null) return;
        var (query, wrong) = DealQuery.Parse(owner, step, category, search, sort, descending, pageNumber, PageSize);
        if (query is null) { error = Words.Refusal(wrong); return; }
        error = null;
        page = DealList.Page(report.OpenDeals, query with { Team = team }, report.RepNames());
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

    /// <summary>Applies a saved view: its filters and sort replace the current ones, from the first page.</summary>
    void Apply(SavedView view) => Filter(() =>
    {
        (owner, team, step, category, search) = (view.Owner, view.Team, view.Step, view.Category, view.Search);
        (sort, descending, viewName) = (view.Sort, view.Descending, view.Name);
    });

    async Task SaveViewAsync()
    {
        var outcome = await SavedViews.SaveAsync(Viewer.Name, Workspace, viewName, new ViewRequest(owner, step, category, search, sort, descending, team));
        if (outcome.Refusal is { } refusal) { error = Words["Pipeline.ViewRefused", Words.Refusal(refusal.Detail)]; return; }
        views = outcome.Value!;
        error = null;
    }

    async Task DeleteViewAsync(string name)
    {
        var outcome = await SavedViews.DeleteAsync(Viewer.Name, Workspace, name);
        if (outcome.Refusal is { } refusal) { error = Words["Pipeline.ViewRefused", Words.Refusal(refusal.Detail)]; return; }
        views = outcome.Value!;
    }

    /// <summary>"Opened" or a conversation step's name in words.</summary>
    string StepWords(string name) => Enum.TryParse<ConversationStep>(name, out var s) ? Words.Of(s) : Words["Deals.Opened"];

    static string? Text(object? value) => value?.ToString() is { Length: > 0 } s ? s.Trim() : null;
}
