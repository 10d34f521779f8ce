using Growth.Dashboard.Components.Shared;
using Growth.Domain.Figures;
using Plotly.Blazor;
using Plotly.Blazor.Traces;

namespace Growth.Dashboard.Components.Figures;

/// <summary>The Insight page's charts, built from a snapshot.</summary>
public static class InsightCharts
{
    /// <summary>Each stage's conversion over the recent window against its baseline, in %.</summary>
    public static IList<ITrace> StageHealth(WorkspaceSnapshot s, Words words)
    {
        var stages = s.Insight?.Stages ?? [];
        var labels = stages.Select(h => (object)words.Stages(h.From, h.To)).ToList();
        return
        [
            new Bar { Name = words["Insight.Recent"], X = labels, Y = stages.Select(h => (object)Math.Round(h.Recent * 100, 1)).ToList() },
            new Bar { Name = words["Insight.Baseline"], X = labels, Y = stages.Select(h => (object)Math.Round(h.Baseline * 100, 1)).ToList() },
        ];
    }

    /// <summary>Lost deals by step; a bar "step unknown" when some losses carry no step (an import that records only the loss).</summary>
    public static IList<ITrace> LostByStep(WorkspaceSnapshot s, Words words)
    {
        var bars = s.Losses.ByStep.Select(x => (Label: words.Of(x.Step), x.Count)).ToList();
        if (s.Losses.StepUnknown > 0) bars.Add((words["Common.StepUnknown"], s.Losses.StepUnknown));
        return [new Bar { X = bars.Select(x => (object)x.Label).ToList(), Y = bars.Select(x => (object)x.Count).ToList() }];
    }

    /// <summary>Deals lost to each objection; losses at other steps carry no objection and are in the chart by step.</summary>
    public static IList<ITrace> LostToObjection(WorkspaceSnapshot s, Words words)
    {
        var objections = s.Losses.ByObjection.Where(x => x.Objection != "Other").ToList();
        return [new Bar { X = objections.Select(x => (object)words.Objection(x.Objection)).ToList(), Y = objections.Select(x => (object)x.Count).ToList() }];
    }
}
