using Growth.Domain.Setup;
using Microsoft.AspNetCore.Components;

namespace Growth.Dashboard.Components.Setup;

/// <summary>One part of the Setup page: edits the draft and tells the page (which re-renders Preview and Apply).</summary>
public abstract class SetupSection : ComponentBase
{
    [Parameter, EditorRequired] public SetupDraft Draft { get; set; } = null!;
    [Parameter] public EventCallback Changed { get; set; }
    /// <summary>Shown but not editable (the viewer may read the setup but not change it).</summary>
    [Parameter] public bool ReadOnly { get; set; }

    protected SetupDocument Doc => Draft.Document;

    protected Task Edit(Func<SetupDocument, SetupDocument> edit)
    {
        if (ReadOnly) return Task.CompletedTask;
        Draft.Update(edit);
        return Changed.InvokeAsync();
    }

    /// <summary>The text an input changed to.</summary>
    protected static string Text(ChangeEventArgs e) => e.Value?.ToString() ?? "";

    /// <summary>The CSS class of an input whose path has a problem.</summary>
    protected string Invalid(string path) => Draft.ProblemAt(path) is null ? "" : "invalid";
}
