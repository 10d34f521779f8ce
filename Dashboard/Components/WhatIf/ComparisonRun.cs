using Growth.Domain.Projection;

namespace Growth.Dashboard.Components.WhatIf;

/// <summary>One row of a comparison: the baseline (no outcome) or a scenario with how it did against the baseline.</summary>
public sealed record ComparisonRun(string Name, ProjectionResult Run, ScenarioOutcome? Outcome)
{
    /// <summary>The baseline first, then each scenario.</summary>
    public static IReadOnlyList<ComparisonRun> Of(ProjectionComparison c) =>
        c.Scenarios.Select(s => new ComparisonRun(s.Name, s.Result, s)).Prepend(new ComparisonRun("baseline", c.Baseline, null)).ToList();
}
