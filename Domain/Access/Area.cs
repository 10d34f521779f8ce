namespace Growth.Domain.Access;

/// <summary>A part of the product that access is decided for: a page, a group of API routes, the live feed.</summary>
public enum Area
{
    /// <summary>The overview page (revenue formula, funnel, lifecycle).</summary>
    Overview,
    /// <summary>The marketing page: campaigns, spend, ROI.</summary>
    Marketing,
    /// <summary>The sales page: regions, teams, reps (filtered to the viewer's part).</summary>
    Sales,
    /// <summary>The insight page: stage health, win/loss review.</summary>
    Insight,
    /// <summary>A customer's timeline (only journeys in the viewer's part).</summary>
    Customer,
    /// <summary>What-if projections and saved scenarios (reading).</summary>
    WhatIf,
    /// <summary>Saving and deleting what-if scenarios.</summary>
    Scenarios,
    /// <summary>The CSV import page.</summary>
    Import,
    /// <summary>Sales training (role-play against simulated customers).</summary>
    Training,
    /// <summary>A workspace's figures: the snapshot API, the live feed (hub) and the simulation's status.</summary>
    Figures,
    /// <summary>The history of the workspace's figures (the company-wide time series).</summary>
    History,
    /// <summary>Starting, pausing, resetting and calibrating simulations.</summary>
    SimulationControl,
    /// <summary>Users, roles, ingestion keys, the Orleans dashboard.</summary>
    Admin,
    /// <summary>Reading a workspace's setup (organisation, quotas, prices, budgets, pay) and its versions; the Setup page.</summary>
    Setup,
    /// <summary>Changing a workspace's setup (apply, one part, roll back) and creating a workspace from a template.</summary>
    SetupChanges,
    /// <summary>The list of setup templates (workspace-independent: needs a setup role in some workspace).</summary>
    Templates,
    /// <summary>Payout statements under the pay plans: leadership all of them, a manager their team's, a rep their own.</summary>
    Compensation,
    /// <summary>The forecast of the quarter: roll-ups, weighted pipeline, coverage, velocity and the open deals (the Forecast page, its API and CSV).</summary>
    Forecast,
    /// <summary>Setting a manager's own forecast call (a manager for their team or region; leadership for any).</summary>
    ForecastCalls,
    /// <summary>Writing a training workspace's own scenarios: the editor, its versions, import, export and preview play.</summary>
    TrainingAuthoring,
}
