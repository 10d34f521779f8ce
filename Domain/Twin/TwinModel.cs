namespace Growth.Domain.Twin;

/// <summary>The funnel steps the twin counts entries into.</summary>
public enum TwinStep
{
    /// <summary>New leads.</summary>
    Leads,
    /// <summary>Leads whose intent was recognised as real.</summary>
    Qualified,
    /// <summary>Sales opportunities opened.</summary>
    Opportunities,
    /// <summary>Deals won.</summary>
    Won,
}

/// <summary>What a twin series counts over: the whole company, one team, or one lead channel.</summary>
public enum TwinScope
{
    Company,
    Team,
    Channel,
}

/// <summary>A team in the twin: its share of the leads, its rates and the journeys it has open at the start.</summary>
/// <param name="LeadShare">Share of all new leads routed to the team (0..1).</param>
/// <param name="Qualify">Chance a lead of the team is qualified once decided.</param>
/// <param name="Open">Chance a qualified lead of the team becomes an opportunity.</param>
/// <param name="Win">Chance an opportunity of the team closes won.</param>
/// <param name="CycleDays">Mean days from opportunity to close.</param>
/// <param name="OpenLeads">Leads of the team not yet qualified or dropped at the start.</param>
/// <param name="OpenQualified">Qualified leads of the team with no opportunity yet at the start.</param>
/// <param name="OpenOpportunities">Open opportunities of the team at the start.</param>
public sealed record TwinTeam(string Id, string Name, double LeadShare, double Qualify, double Open, double Win, double CycleDays,
    long OpenLeads, long OpenQualified, long OpenOpportunities)
{
    /// <summary>
    /// Observations each rate rests on (decided leads, decided qualified leads, closed deals, plus the shrinkage's
    /// pseudo-observations): each run draws the rate from them (<see cref="TwinDraws.Share"/>). 0: taken as known.
    /// </summary>
    public double QualifyBasis { get; init; }
    public double OpenBasis { get; init; }
    public double WinBasis { get; init; }
}

/// <summary>A lead channel in the twin.</summary>
/// <param name="Id">The channel's name (or "other" for campaigns of no known channel).</param>
/// <param name="LeadsPerDay">New leads per day from the channel.</param>
/// <param name="QualifyFactor">The channel's qualification rate against the company's (1: same).</param>
public sealed record TwinChannel(string Id, double LeadsPerDay, double QualifyFactor)
{
    /// <summary>Leads counted in the window the rate was fitted on: each run draws the rate from them (<see cref="TwinDraws.LeadRate"/>). 0: taken as known.</summary>
    public double WindowLeads { get; init; }
    /// <summary>Variance ÷ mean of the channel's daily leads (<see cref="TwinDispersion"/>): 1 Poisson (the default), more when days vary more.</summary>
    public double Dispersion { get; init; } = 1;
}

/// <summary>One parameter of the twin as it was set: fitted on the workspace's own figures, or assumed.</summary>
/// <param name="Name">What it is, e.g. "qualification rate".</param>
/// <param name="Scope">"company", a team's name or a channel.</param>
/// <param name="Unit">e.g. "share", "leads/day", "days".</param>
/// <param name="Source">How it was fitted (the counts it rests on), or "assumed" and why.</param>
public sealed record TwinParameter(string Name, string Scope, double Value, string Unit, bool Fitted, string Source);

/// <summary>Everything the twin's runs draw from: teams, channels, the delays between steps and how each was set.</summary>
public sealed record TwinModel
{
    public required IReadOnlyList<TwinTeam> Teams { get; init; }
    public required IReadOnlyList<TwinChannel> Channels { get; init; }
    /// <summary>Mean days from a lead's arrival to the decision whether it qualifies.</summary>
    public double QualifyDays { get; init; } = TwinCalibration.AssumedQualifyDays;
    /// <summary>Mean days from qualification to the decision whether an opportunity opens.</summary>
    public double OpenDays { get; init; } = TwinCalibration.AssumedOpenDays;
    /// <summary>Every parameter, fitted or assumed, for the page and the API.</summary>
    public IReadOnlyList<TwinParameter> Parameters { get; init; } = [];

    /// <summary>The first thing wrong with the model, or null.</summary>
    public string? Validate()
    {
        if (Teams.Count == 0) return "the twin needs at least one team";
        if (Teams.FirstOrDefault(t => !(t.LeadShare is >= 0 and <= 1) || !(t.Qualify is >= 0 and <= 1) || !(t.Open is >= 0 and <= 1)
                || !(t.Win is >= 0 and <= 1) || !(t.CycleDays > 0) || t.OpenLeads < 0 || t.OpenQualified < 0 || t.OpenOpportunities < 0) is { } bad)
            return $"team {bad.Id}: shares and rates must be between 0 and 1, cycle days above 0 and open counts 0 or more";
        if (Channels.FirstOrDefault(c => !(c.LeadsPerDay >= 0) || !(c.QualifyFactor >= 0)) is { } badChannel)
            return $"channel {badChannel.Id}: leads per day and qualification factor must be 0 or more";
        if (!(QualifyDays > 0) || !(OpenDays > 0)) return "qualifyDays and openDays must be above 0";
        return null;
    }
}

/// <summary>How many runs, how far and from which seed.</summary>
/// <param name="Paths">Monte Carlo runs, 50..1000 (<see cref="DefaultPaths"/>).</param>
/// <param name="Days">Days simulated forward, 1..180 (<see cref="DefaultDays"/>).</param>
public sealed record TwinRun(int Paths = TwinRun.DefaultPaths, int Days = TwinRun.DefaultDays, ulong Seed = 1)
{
    /// <summary>Runs of the twin: enough for the 5th and 95th percentiles to rest on 10 runs each side. Assumed.</summary>
    public const int DefaultPaths = 200;
    /// <summary>Days the twin looks ahead: a quarter, the span leadership judges a funnel over. Assumed.</summary>
    public const int DefaultDays = 91;
    /// <summary>Runs per chunk: the unit of seeding (each chunk draws from its own derived seed).</summary>
    public const int ChunkPaths = 50;

    public string? Validate() =>
        Paths is < 50 or > 1000 ? $"paths must be between 50 and 1000 (was {Paths})"
        : Days is < 1 or > 180 ? $"days must be between 1 and 180 (was {Days})"
        : null;
}
