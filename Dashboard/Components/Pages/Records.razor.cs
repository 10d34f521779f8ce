using Growth.Dashboard.Application.Records;
using Growth.Domain.Access;
using Growth.Domain.Figures;
using Growth.Domain.Journeys;
using Growth.Domain.Records;
using Microsoft.AspNetCore.Components;

namespace Growth.Dashboard.Components.Pages;

/// <summary>
/// The lists of leads, deals and customers the viewer may see (a rep their own, a manager their team or region):
/// searched by the customer's name, company or id, filtered, sorted by any column, 50 a page, each row opening the
/// customer's timeline; the CSV holds every matching row. Each page is asked of the shards' read model
/// (<see cref="RecordsService"/>), so no journey is woken. Filters may come in the address: a chart's bar opens its
/// records (<c>?kind=leads&amp;stage=Lead</c>, <c>?team=…</c>, <c>?channel=…</c>, <c>?campaign=…</c>, <c>?working=Topic</c>,
/// <c>?overdue=Days31To60</c>, <c>?lifecycle=Retained</c>).
/// </summary>
public partial class Records
{
    public const int PageSize = 50;

    [Inject] RecordsService Lists { get; set; } = null!;

    [SupplyParameterFromQuery(Name = "kind")] public string? KindParameter { get; set; }
    [SupplyParameterFromQuery(Name = "q")] public string? SearchParameter { get; set; }
    [SupplyParameterFromQuery(Name = "owner")] public string? OwnerParameter { get; set; }
    [SupplyParameterFromQuery(Name = "team")] public string? TeamParameter { get; set; }
    [SupplyParameterFromQuery(Name = "region")] public string? RegionParameter { get; set; }
    [SupplyParameterFromQuery(Name = "stage")] public string? StageParameter { get; set; }
    [SupplyParameterFromQuery(Name = "step")] public string? StepParameter { get; set; }
    [SupplyParameterFromQuery(Name = "channel")] public string? ChannelParameter { get; set; }
    [SupplyParameterFromQuery(Name = "campaign")] public string? CampaignParameter { get; set; }
    [SupplyParameterFromQuery(Name = "status")] public string? StatusParameter { get; set; }
    [SupplyParameterFromQuery(Name = "working")] public string? WorkingParameter { get; set; }
    [SupplyParameterFromQuery(Name = "overdue")] public string? OverdueParameter { get; set; }
    [SupplyParameterFromQuery(Name = "lostAt")] public string? LostAtParameter { get; set; }
    [SupplyParameterFromQuery(Name = "lostTo")] public string? LostToParameter { get; set; }
    [SupplyParameterFromQuery(Name = "lifecycle")] public string? LifecycleParameter { get; set; }
    [SupplyParameterFromQuery(Name = "entered")] public string? EnteredParameter { get; set; }
    [SupplyParameterFromQuery(Name = "grade")] public string? GradeParameter { get; set; }
    [SupplyParameterFromQuery(Name = "createdFrom")] public string? CreatedFromParameter { get; set; }
    [SupplyParameterFromQuery(Name = "createdTo")] public string? CreatedToParameter { get; set; }
    [SupplyParameterFromQuery(Name = "won")] public string? WonParameter { get; set; }
    [SupplyParameterFromQuery(Name = "tag")] public string? TagParameter { get; set; }

    RecordListAnswer? page;
    RecordKind kind = RecordKind.Deals;
    string? error, loadedFor, search, owner, team, region, stage, step, channel, campaign, status, working, overdue, lostAt, lostTo, lifecycle, entered,
        grade, createdFrom, createdTo, won, tag;
    string sort = "activity";
    bool descending = true;
    int pageNumber = 1;

    /// <summary>Sort key and the resource key of its column's title.</summary>
    static readonly (string Key, string Title)[] Columns =
    [
        ("name", "Records.Customer"), ("company", "Records.Company"), ("stage", "Records.Status"), ("step", "Records.Stage"), ("owner", "Deals.Owner"),
        ("value", "Deals.Value"), ("created", "Records.Created"), ("activity", "Records.LastActivity"),
    ];

    /// <summary>Filters that came in the address and have no control on the page (a chart's bar): shown as chips to clear.</summary>
    IEnumerable<(string Name, string Value)> Narrowed => new[]
        {
            ("owner", owner), ("team", team), ("region", region), ("step", step), ("campaign", campaign),
            ("working", working is null ? null : StepWords(working)), ("overdue", overdue is null ? null : AgeWords(overdue)),
            ("lostAt", lostAt is null ? null : Enum.TryParse<ConversationStep>(lostAt, out var at) ? Words.Of(at) : Words["Common.StepUnknown"]),
            ("lostTo", lostTo is null ? null : Words.Objection(lostTo)),
            ("lifecycle", lifecycle is null ? null : Enum.TryParse<LifecycleStage>(lifecycle, ignoreCase: true, out var lc) && Enum.IsDefined(lc) ? Words.Of(lc) : lifecycle),
            ("entered", entered is null ? null : EnteredWords(entered)),
            ("grade", grade is null ? null : string.Equals(grade, "None", StringComparison.OrdinalIgnoreCase) ? Words["Grades.None"] : grade.ToUpperInvariant()),
            ("createdFrom", createdFrom is null ? null : TimeWords(createdFrom)), ("createdTo", createdTo is null ? null : TimeWords(createdTo)),
            ("won", won is null ? null : bool.TryParse(won, out var w) ? Words[w ? "Grades.WonTrue" : "Grades.WonFalse"] : won),
            ("tag", tag is null ? null : TagWords(tag)),
        }
        .Where(x => x.Item2 is not null).Select(x => (x.Item1, x.Item2!));

    string CsvHref => $"api/workspaces/{Uri.EscapeDataString(Workspace)}/records.csv?" + string.Join('&', new[]
    {
        ("kind", kind.ToString()), ("q", search), ("owner", owner), ("team", team), ("region", region), ("stage", stage), ("step", step),
        ("channel", channel), ("campaign", campaign), ("status", status), ("working", working), ("overdue", overdue), ("lostAt", lostAt), ("lostTo", lostTo), ("lifecycle", lifecycle), ("entered", entered),
        ("grade", grade), ("createdFrom", createdFrom), ("createdTo", createdTo), ("won", won), ("tag", tag), ("sort", sort), ("desc", descending ? "true" : "false"),
    }.Where(x => x.Item2 is not null).Select(x => $"{x.Item1}={Uri.EscapeDataString(x.Item2!)}"));

    protected override async Task OnParametersSetAsync()
    {
        await base.OnParametersSetAsync();
        if (Problem is null && loadedFor != Workspace)
        {
            loadedFor = Workspace;
            kind = Enum.TryParse<RecordKind>(Text(KindParameter) ?? "", ignoreCase: true, out var k) && Enum.IsDefined(k) ? k : RecordKind.Deals;
            (search, owner, team, region, stage) = (Text(SearchParameter), Text(OwnerParameter), Text(TeamParameter), Text(RegionParameter), Text(StageParameter));
            (step, channel, campaign, status) = (Text(StepParameter), Text(ChannelParameter), Text(CampaignParameter), Text(StatusParameter));
            (working, overdue, lostAt, lostTo) = (Text(WorkingParameter), Text(OverdueParameter), Text(LostAtParameter), Text(LostToParameter));
            (lifecycle, entered) = (Text(LifecycleParameter), Text(EnteredParameter));
            (grade, createdFrom, createdTo, won) = (Text(GradeParameter), Text(CreatedFromParameter), Text(CreatedToParameter), Text(WonParameter));
            tag = Text(TagParameter);
            await ShowAsync();
        }
    }

    protected override void OnSnapshot(WorkspaceSnapshot snapshot) { }

    async Task ShowAsync()
    {
        if (!Viewer.Allows(Area.Customer, Workspace)) { error = Words["Pipeline.NotYours", Workspace]; return; }
        var (query, wrong) = RecordQuery.Parse(kind.ToString(), search, owner, team, region, stage, step, channel, campaign, status, sort, descending, pageNumber, PageSize,
            working, overdue, lostAt, lostTo, lifecycle, entered, grade, createdFrom, createdTo, won, tag);
        if (query is null) { error = Words.Refusal(wrong); page = null; return; }
        var outcome = await Lists.PageAsync(Workspace, Scope, query);
        if (outcome.Refusal is { } refusal) { error = Words.Refusal(refusal.Detail); page = null; return; }
        error = null;
        page = outcome.Value!;
        if (page.Pages > 0 && pageNumber > page.Pages) await Go(page.Pages);
    }

    async Task Filter(Action set)
    {
        set();
        pageNumber = 1;
        await ShowAsync();
    }

    async Task Go(int number)
    {
        pageNumber = Math.Max(1, number);
        await ShowAsync();
    }

    Task SortBy(string key)
    {
        descending = sort == key ? !descending : key is "value" or "created" or "activity";
        sort = key;
        return Filter(() => { });
    }

    Task Clear(string name) => Filter(() =>
    {
        switch (name)
        {
            case "owner": owner = null; break;
            case "team": team = null; break;
            case "region": region = null; break;
            case "step": step = null; break;
            case "working": working = null; break;
            case "overdue": overdue = null; break;
            case "lostAt": lostAt = null; break;
            case "lostTo": lostTo = null; break;
            case "lifecycle": lifecycle = null; break;
            case "entered": entered = null; break;
            case "grade": grade = null; break;
            case "createdFrom": createdFrom = null; break;
            case "createdTo": createdTo = null; break;
            case "won": won = null; break;
            case "tag": tag = null; break;
            default: campaign = null; break;
        }
    });

    /// <summary>A tag as the pool page words it ("Segment: distributor"; a source by its channel's name); an unknown kind as it came.</summary>
    string TagWords(string text)
    {
        var (kind, value) = Domain.Organisations.LeadTagText.Parts(text);
        if (kind is null || !Domain.Organisations.LeadTagText.Kinds.Contains(kind)) return text;
        if (kind == "source" && Enum.TryParse<Channel>(value, ignoreCase: true, out var c) && Enum.IsDefined(c)) value = Words.Of(c);
        return Words["Pool.TagKind." + kind, value];
    }

    string StepWords(string name) => Enum.TryParse<ConversationStep>(name, out var s) ? Words.Of(s) : Words["Deals.Opened"];

    /// <summary>A receivables ageing bucket in the words of the Sales page's chart (an unknown name as it came).</summary>
    string AgeWords(string name) => Enum.TryParse<OverdueAge>(name, ignoreCase: true, out var age) && Enum.IsDefined(age) ? age switch
    {
        OverdueAge.Current => Words["Sales.AgeCurrent"],
        OverdueAge.Days1To30 => Words["Sales.Age1To30"],
        OverdueAge.Days31To60 => Words["Sales.Age31To60"],
        OverdueAge.Days61To90 => Words["Sales.Age61To90"],
        _ => Words["Sales.AgeOver90"],
    } : name;

    /// <summary>"Qualified intent, 1 Mar 08:00 – 8 Mar 08:00": the stage and window of an entered filter (as it came, if it does not read).</summary>
    string EnteredWords(string text) => EnteredWindow.Parse(text) is ({ } stage, var after, var until, null)
        ? Words["Records.EnteredWindow", Words.Of(stage), after is { } a ? Words.DayTime(a) : "…", until is { } u ? Words.DayTime(u) : "…"] : text;
    /// <summary>A time from the address as its day and time in its own offset ("2026-03-01 00:00"); as it came when it is not one.</summary>
    static string TimeWords(string text) =>
        DateTimeOffset.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var at)
            ? at.ToString(at.TimeOfDay == TimeSpan.Zero ? "yyyy-MM-dd" : "yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture) : text;

    static string Day(DateTimeOffset? at) => at?.UtcDateTime.ToString("yyyy-MM-dd") ?? "";

    static string? Text(object? value) => value is string s && !string.IsNullOrWhiteSpace(s) ? s.Trim() : null;
}
