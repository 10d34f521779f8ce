using Growth.Dashboard.Application.Pool;
using Growth.Domain.Access;
using Growth.Domain.Figures;
using Growth.Domain.Journeys;
using Growth.Domain.Pool;
using Microsoft.AspNetCore.Components;

namespace Growth.Dashboard.Components.Pages;

/// <summary>
/// The lead pool the viewer may see (a rep their own leads, a manager their team or region): counts of leads waiting,
/// overdue for first contact and returned, each team's first-contact deadline breaches, open leads by tag, and the
/// oldest leads of each list. Asked of the shards' read model (<see cref="LeadPoolService"/>), so no journey is woken.
/// </summary>
public partial class Pool
{
    [Inject] LeadPoolService Pools { get; set; } = null!;

    LeadPoolAnswer? answer;
    string? error, loadedFor;

    protected override async Task OnParametersSetAsync()
    {
        await base.OnParametersSetAsync();
        if (Problem is null && loadedFor != Workspace)
        {
            loadedFor = Workspace;
            await ShowAsync();
        }
    }

    protected override void OnSnapshot(WorkspaceSnapshot snapshot) { }

    async Task ShowAsync()
    {
        if (!Viewer.Allows(Area.Sales, Workspace)) { error = Words["Pipeline.NotYours", Workspace]; return; }
        var outcome = await Pools.PoolAsync(Workspace, Scope);
        if (outcome.Refusal is { } refusal) { error = refusal.Detail; answer = null; return; }
        error = null;
        answer = outcome.Value!;
    }

    /// <summary>A simulated reason in the page's language; an ingested one as it came.</summary>
    string ReasonWords(string? reason) => reason switch
    {
        null => "",
        _ when reason.StartsWith("no first contact", StringComparison.Ordinal) => Words["Pool.Reason.NoContact"],
        _ when reason.EndsWith("unanswered follow-ups", StringComparison.Ordinal) => Words["Pool.Reason.Unanswered"],
        _ => reason,
    };

    /// <summary>"source:referral" as "Source: Referral"; a campaign by its name (its id when the workspace has no such campaign).</summary>
    string TagWords(string tag)
    {
        var (kind, value) = tag.IndexOf(':') is var i and > 0 ? (tag[..i], tag[(i + 1)..]) : ("tag", tag);
        if (kind == "source" && Enum.TryParse<Channel>(value, ignoreCase: true, out var channel)) value = Words.Of(channel);
        else if (kind == "campaign" && answer?.Campaigns.GetValueOrDefault(value) is { } name) value = name;
        return Words["Pool.TagKind." + kind, value];
    }

    /// <summary>The record list a by-tag count opens: the open leads carrying the tag (<see cref="LeadPoolView.TagQuery"/>).</summary>
    string TagLink(string tag)
    {
        var query = LeadPoolView.TagQuery(tag);
        return Shared.RecordLinks.Of(Workspace, query.Kind, ("status", query.Status?.ToString()), ("tag", query.Tag));
    }

    static string Day(DateTimeOffset? at) => at?.UtcDateTime.ToString("yyyy-MM-dd HH:mm") ?? "";
}
