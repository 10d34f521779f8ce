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
    PlanComparisonResponse? result;
    string? error;
    bool running;

    /// <summary>The plan's starting name in the reader's words.</summary>
    protected override void OnInitialized() => form.Name = Words["Plans.DefaultName"];

    protected override async Task OnParametersSetAsync()
    {
        try
        {
            products = await Plans.ProductsAsync(Workspace);
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

    async Task CompareAsync()
    {
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
            error = e.Message;
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
        Spiffs = string.IsNullOrEmpty(SpiffProduct) || SpiffAmount <= 0 ? [] : [new SpiffSetup { Product = SpiffProduct, Amount = SpiffAmount }],
        TeamBonus = new TeamBonusSetup { Amount = TeamBonus, Threshold = TeamThresholdPercent / 100 },
        Clawback = new ClawbackSetup { Days = ClawbackDays },
        Draw = Draw,
    }]);
}
