using Growth.Dashboard.Application.Grades;
using Growth.Dashboard.Components.Shared;
using Growth.Domain.Access;
using Growth.Domain.Figures;
using Growth.Domain.Grades;
using Growth.Domain.Records;
using Microsoft.AspNetCore.Components;

namespace Growth.Dashboard.Components.Pages;

/// <summary>
/// The intent grades the viewer may see (a rep their own leads, a manager their team or region): the mix of open leads by
/// grade now, and the leads created in the picked period by grade, followed to deals and wins (conversion by grade).
/// Every count opens the records it counts (<see cref="IntentGradeView"/>'s queries). Asked of the shards' read model
/// (<see cref="IntentGradeService"/>), so no journey is woken.
/// </summary>
public partial class Grades
{
    [Inject] IntentGradeService Service { get; set; } = null!;

    protected override bool ShowsPeriod => true;

    IntentGradeAnswer? answer;
    string? error;
    (string?, string?)? loadedFor;

    protected override async Task OnParametersSetAsync()
    {
        await base.OnParametersSetAsync();
        if (Problem is null && loadedFor != (Workspace, PeriodQuery))
        {
            loadedFor = (Workspace, PeriodQuery);
            await ShowAsync();
        }
    }

    protected override void OnSnapshot(WorkspaceSnapshot snapshot) { }

    async Task ShowAsync()
    {
        if (!Viewer.Allows(Area.Sales, Workspace)) { error = Words["Pipeline.NotYours", Workspace]; return; }
        // A period the URL could not be read as falls back to the default, as the picker says.
        var outcome = await Service.GradesAsync(Workspace, Scope, PeriodProblem is null ? Choice.PeriodValue : null);
        if (outcome.Refusal is { } refusal) { error = Words.Refusal(refusal.Detail); answer = null; return; }
        error = null;
        answer = outcome.Value!;
    }

    string GradeName(string grade) => grade == IntentGradeView.None ? Words["Grades.None"] : grade;

    /// <summary>A count that opens the records it counts (none when there are none to open).</summary>
    RenderFragment Cell(int count, RecordQuery query, string testId) => builder =>
    {
        if (count == 0) { builder.AddContent(0, "0"); return; }
        builder.OpenElement(1, "a");
        builder.AddAttribute(2, "href", Address(query));
        builder.AddAttribute(3, "data-testid", "grades-link-" + testId);
        builder.AddContent(4, count.ToString("N0"));
        builder.CloseElement();
    };

    /// <summary>The records list of <paramref name="query"/> (the intent grades' filters: kind, grade, status, created from/to, won).</summary>
    string Address(RecordQuery query) => RecordLinks.Of(Workspace, query.Kind, ("grade", query.Grade), ("status", query.Status?.ToString()),
        ("createdFrom", query.CreatedFrom?.ToString("O", System.Globalization.CultureInfo.InvariantCulture)),
        ("createdTo", query.CreatedTo?.ToString("O", System.Globalization.CultureInfo.InvariantCulture)),
        ("won", query.Won is { } w ? (w ? "true" : "false") : null));

    static string Time(DateTimeOffset at) => at.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);
}
