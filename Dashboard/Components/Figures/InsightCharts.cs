using Growth.Domain.Figures;
using Plotly.Blazor;
using Plotly.Blazor.Traces;

namespace Growth.Dashboard.Components.Figures;

/// <summary>The Insight page's charts, built from a snapshot.</summary>
public static class InsightCharts
{
    /// <summary>Each stage's conversion over the recent window against its baseline, in %.</summary>
    public static IList<ITrace> StageHealth(WorkspaceSnapshot s)
    {
        var stages = s.Insight?.Stages ?? [];
        var labels = stages.Select(h => (object)$"{h.From}→{h.To}").ToList();
        return
        [
            new Bar { Name = "Recent", X = labels, Y = stages.Select(h => (object)Math.Round(h.Recent * 100, 1)).ToList() },
            new Bar { Name = "Baseline", X = labels, Y = stages.Select(h => (object)Math.Round(h.Baseline * 100, 1)).ToList() },
        ];
    }

    /// <summary>Lost deals by step; a bar "step unknown" when some losses carry no step (an import that records only the loss).</summary>
    public static IList<ITrace> LostByStep(WorkspaceSnapshot s)
    {
        var bars = s.Losses.ByStep.Select(x => (Label: x.Step.ToString(), x.Count)).ToList();
        if (s.Losses.StepUnknown > 0) bars.Add(("step unknown", s.Losses.StepUnknown));
        return [new Bar { X = bars.Select(x => (object)x.Label).ToList(), Y = bars.Select(x => (object)x.Count).ToList() }];
    }

    /// <summary>Deals lost to each objection; losses at other steps carry no objection and are in the chart by step.</summary>
    public static IList<ITrace> LostToObjection(WorkspaceSnapshot s)
    {
        var objections = s.Losses.ByObjection.Where(x => x.Objection != "Other").ToList();
        return [new Bar { X = objections.Select(x => (object)x.Objection).ToList(), Y = objections.Select(x => (object)x.Count).ToList() }];
    }
}
