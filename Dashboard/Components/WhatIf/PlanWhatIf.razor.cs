using Growth.Dashboard.Application.Projection;
using Growth.Dashboard.Components.Shared;
using Growth.Domain.Projection;
using Growth.Domain.Setup;
using Growth.Grains.Errors;
using Microsoft.AspNetCore.Components;

namespace Growth.Dashboard.Components.WhatIf;

/// <summary>The What-if page's plan section: a plan edited as percentages, compared with the workspace's current plans.</summary>
public partial class PlanWhatIf : IDisposable
{
    [Parameter, EditorRequired] public string Workspace { get; set; } = "";

    readonly PlanForm form = new();
    IReadOnlyList<string> products = [];
    PlanScopeChoices scope = new([], [], [], []);
    PlanComparisonResponse? result;
    string? error;
    bool running;

    [Inject] ILogger<PlanWhatIf> Log { get; set; } = default!;

    /// <summary>The plan's starting name in the reader's words.</summary>
    protected override void OnInitialized() => form.Name = Words["Plans.DefaultName"];

    /// <summary>
    /// Once the page shows, the workspace's funnel is measured in the background while the leader reads and edits the plan,
    /// so the first comparison runs only its paths (a comparison asked meanwhile waits for that measurement, not a second one).
    /// </summary>
    protected override void OnAfterRender(bool firstRender)
    {
        if (firstRender) _ = WarmAsync();
    }

    async Task WarmAsync()
    {
        try
        {
            await Plans.WarmAsync(Workspace, form.Weeks);
        }
        catch (Exception e)
        {
            // Only a head start: an ask measures the funnel itself and says what went wrong.
            Log.LogInformation(e, "measuring the funnel of {Workspace} ahead of a plan comparison failed", Workspace);
        }
    }

    protected override async Task OnParametersSetAsync()
    {
        try
        {
            products = await Plans.ProductsAsync(Workspace);
            scope = await Plans.ScopeAsync(Workspace);
            if (form.SpiffProduct is null && products.Count > 0) form.SpiffProduct = products[0];
        }
        catch (DomainException)
        {
            // A workspace without an organisation to project: the comparison says why when asked.
            products = [];
        }
    }

    // The comparison going on (cancelled by Cancel or by leaving the page), how far it has got, and what was last said.
    CancellationTokenSource? run;
    Growth.Domain.Progress.RunProgress? progress;
    string? announcement;

    /// <summary>The roles, teams, regions or reps the plan may name, as (id, shown name).</summary>
    IEnumerable<(string Id, string Name)> ScopeOptions() => form.ScopeKind switch
    {
        "Roles" => scope.Roles.Select(r => (r, r)),
        "Teams" => scope.Teams,
        "Regions" => scope.Regions,
        "Reps" => scope.Reps.Select(r => (r.Id, $"{r.Name} ({r.Id})")),
        _ => [],
    };

    async Task CompareAsync()
    {
        if (form.ScopeKind != PlanForm.Everyone && form.ScopeIds.Length == 0)
        {
            // Named by the field's label: nothing is asked of the projection.
            error = Words["Plans.ScopeEmpty", Words["Plans.AppliesTo"], Words["Plans.Scope" + form.ScopeKind]];
            return;
        }
        (error, running, progress, announcement) = (null, true, null, null);
        using var cancel = new CancellationTokenSource();
        run = cancel;
        try
        {
            var report = new Progress<Growth.Domain.Progress.RunProgress>(p => _ = InvokeAsync(() => { progress = progress?.Advance(p) ?? p; StateHasChanged(); }));
            result = await Plans.CompareAsync(Workspace, form.Body(), report, cancel.Token);
            announcement = Words["Progress.Done"];
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
            announcement = Words["Progress.PlansCancelled"];
        }
        catch (DomainException e)
        {
            error = Words.Refusal(e.Message) ?? e.Message;
        }
        finally
        {
            running = false;
            run = null;
        }
    }

    public void Dispose() => run?.Cancel();

    /// <summary>Cost of sales by part, each a row (its resource key after "Plans.Pay").</summary>
    static readonly (string Key, Func<PayBreakdown, double> Part)[] Parts =
    [
        ("Base", p => p.BasePay), ("Commission", p => p.Commission), ("Spiffs", p => p.Spiffs),
        ("Bonus", p => p.TeamBonus), ("Clawbacks", p => p.Clawbacks), ("Draws", p => p.Draws),
    ];

    /// <summary>An option's name; the first (the workspace's current plans) in the reader's words.</summary>
    string NameOf(PlanComparisonResult c, PlanOutcome o) => ReferenceEquals(o, c.Options[0]) ? Words["Plans.Current"] : o.Name;

    /// <summary>The question's answer in one sentence: the change in revenue and cost of sales (means, and as a share) and reps at quota, against the current plans.</summary>
    string Answer(PlanComparisonResult c, PlanOutcome o)
    {
        var now = c.Options[0];
        static string Signed(double d) => (d < 0 ? "−" : "+") + Format.Money((decimal)Math.Abs(d));
        static string Share(double d, double of) => of == 0 ? "–" : (d < 0 ? "−" : "+") + Format.Percent(Math.Abs(d / of));
        var revenue = o.Revenue.Mean - now.Revenue.Mean;
        var cost = o.CostOfSales.Mean - now.CostOfSales.Mean;
        return Words["Plans.Answer", o.Name, Signed(revenue), Share(revenue, now.Revenue.Mean), Signed(cost), Share(cost, now.CostOfSales.Mean),
            Math.Round(now.RepsAtQuota.Mean, 1), Math.Round(o.RepsAtQuota.Mean, 1), c.Reps];
    }

    static string Range(Band b) => $"{Format.Money((decimal)b.P50)} ({Format.Money((decimal)b.P10)} – {Format.Money((decimal)b.P90)})";

    string Count(Band b, int of) => Words["Plans.OfReps", Math.Round(b.Mean, 1), Math.Round(b.P10), Math.Round(b.P90), of];
}

/// <summary>A plan as the page edits it: percentages for attainment and rates; the demo's plan to start with.</summary>
public sealed class PlanForm
{
    public sealed class Tier
    {
        public double FromPercent { get; set; }
        public double? ToPercent { get; set; }
        public double RatePercent { get; set; }
    }

    public string Name { get; set; } = "6 % / 10 %, cap 200 %";
    public double? CapPercent { get; set; } = 200;
    public string? SpiffProduct { get; set; }
    /// <summary>The channel (lower case) a spiff's deals come from; empty: any channel.</summary>
    public string SpiffChannel { get; set; } = "";

    public const string Everyone = "Everyone";
    /// <summary>Who the plan may apply to (each a resource key after "Plans.Scope").</summary>
    public static readonly string[] ScopeKinds = [Everyone, "Roles", "Teams", "Regions", "Reps"];
    /// <summary>Every rep, or the roles, teams, regions or reps in <see cref="ScopeIds"/> (the others keep their current plan).</summary>
    public string ScopeKind { get; set; } = Everyone;
    public string[] ScopeIds { get; set; } = [];

    /// <summary>A new kind of scope starts with nothing chosen.</summary>
    public void ClearScope() => ScopeIds = [];

    PlanScopeSetup Scope() => ScopeKind switch
    {
        "Roles" => new() { Roles = ScopeIds },
        "Teams" => new() { Teams = ScopeIds },
        "Regions" => new() { Regions = ScopeIds },
        "Reps" => new() { Reps = ScopeIds },
        _ => new(),
    };
    public decimal SpiffAmount { get; set; } = 2000;
    public decimal TeamBonus { get; set; }
    public double TeamThresholdPercent { get; set; } = 100;
    public int ClawbackDays { get; set; }
    public decimal Draw { get; set; }
    public int Weeks { get; set; } = 52;
    public int Paths { get; set; } = 2000;
    public List<Tier> Tiers { get; } = [new() { FromPercent = 0, ToPercent = 100, RatePercent = 6 }, new() { FromPercent = 100, RatePercent = 10 }];

    public void AddTier()
    {
        var last = Tiers[^1];
        last.ToPercent ??= last.FromPercent + 50;
        Tiers.Add(new Tier { FromPercent = last.ToPercent.Value, RatePercent = last.RatePercent });
    }

    public PlanComparisonBody Body() => new(Weeks, Paths, 1, [new CompensationPlanSetup
    {
        Id = "edited", Name = string.IsNullOrWhiteSpace(Name) ? "edited" : Name.Trim(),
        Tiers = Tiers.Select(t => new CommissionTierSetup { From = t.FromPercent / 100, To = t.ToPercent / 100, Rate = t.RatePercent / 100 }).ToList(),
        Cap = CapPercent / 100,
        AppliesTo = Scope(),
        // A spiff on a product, on deals from a channel, or on a product's deals from a channel; neither: no spiff.
        Spiffs = string.IsNullOrEmpty(SpiffProduct) && string.IsNullOrEmpty(SpiffChannel) || SpiffAmount <= 0 ? []
            : [new SpiffSetup { Product = SpiffProduct ?? "", Channel = string.IsNullOrEmpty(SpiffChannel) ? null : SpiffChannel, Amount = SpiffAmount }],
        TeamBonus = new TeamBonusSetup { Amount = TeamBonus, Threshold = TeamThresholdPercent / 100 },
        Clawback = new ClawbackSetup { Days = ClawbackDays },
        Draw = Draw,
    }]);
}
