using Growth.Domain.Calibration;
using Growth.Domain.Compensation;
using Growth.Domain.Organisations;
using Growth.Domain.Projection;
using Growth.Domain.Setup;
using Growth.Domain.Simulation;
using Growth.Domain.Tests.Compensation;
using Growth.Domain.Tests.Import;
using Xunit.Abstractions;

namespace Growth.Domain.Tests.Projection;

/// <summary>
/// The plan levers on a workspace calibrated on the Maven history, where contact decay is off and won values are
/// fitted: a plan still moves the figures, through follow-ups, deal timing and discounts.
/// </summary>
public class PlanComparisonMavenTests(ITestOutputHelper output)
{
    internal static readonly Lazy<CalibrationResult> Fitted = new(() =>
    {
        var import = MavenImportTests.Sample.Value;
        return HistoryCalibration.Fit(import.Journeys.Select(SmallExport.Apply).ToList(), import.Organisation,
            import.Products.Select(p => (p.Name, p.ListPrice)).ToList());
    });

    static ProjectionRequest Request(Organisation? organisation = null) => new()
    {
        Organisation = organisation ?? Fitted.Value.Organisation, Parameters = Fitted.Value.Parameters,
        Weeks = 26, Paths = 400, Seed = 11, CalibrationLeads = 6000, Start = Fitted.Value.To,
    };

    static PlanOption Everyone(Organisation org, string name, CompensationPlanSetup plan) => new(name, org.Reps.ToDictionary(r => r.Id, _ => plan));

    [Fact]
    public void More_effort_wins_more_deals_even_with_contact_decay_switched_off()
    {
        var p = Fitted.Value.Parameters;
        Assert.False(p.SpeedToLead.Enabled);
        var rep = Fitted.Value.Organisation.Reps.First();
        var quality = new ChannelQuality(0.6, 1m, 1);
        Assert.True(PlanPaths.WinMultiplier(p, quality, rep, 1.2) > 1.01);
        Assert.True(PlanPaths.WinMultiplier(p, quality, rep, 0.5) < 0.97);
    }

    [Fact]
    public void On_the_calibrated_workspace_a_cap_at_quota_and_a_richer_rate_move_revenue()
    {
        // Quarterly targets about what each rep sells under the flat plan, so the plans' thresholds are in play.
        var flatRun = PlanComparison.Compare(Request(), [Everyone(Fitted.Value.Organisation, "flat", CompensationPlanSetup.Flat)], new Dictionary<string, double>());
        var sold = flatRun.Options[0].Reps.ToDictionary(r => r.RepId, r => r.Payout.Mean / 0.08 / 2);
        var org = Fitted.Value.Organisation;
        org = org with { Teams = org.Teams.Select(t => t with { Reps = t.Reps.Select(r => r with { Target = Math.Max(1000m, Math.Round((decimal)sold[r.Id], 0)) }).ToList() }).ToList() };
        var capped = CompensationPlanSetup.Flat with { Id = "capped", Cap = 1 };
        var richer = CompensationPlanSetup.Flat with { Id = "richer", Tiers = [new() { From = 0, Rate = 0.12 }] };
        var result = PlanComparison.Compare(Request(org),
            [Everyone(org, "flat", CompensationPlanSetup.Flat), Everyone(org, "capped", capped), Everyone(org, "richer", richer), Everyone(org, "accelerated", PlanResponseTests.Accelerated)],
            new Dictionary<string, double>());
        var (flat, cap, rich, accel) = (result.Options[0], result.Options[1], result.Options[2], result.Options[3]);
        output.WriteLine(string.Join("; ", result.Options.Select(o => $"{o.Name}: new business {o.NewBusiness.Mean:N0}, cost {o.CostOfSales.Mean:N0}, at quota {o.RepsAtQuota.Mean:N1}")));
        Assert.True(cap.NewBusiness.Mean < flat.NewBusiness.Mean * 0.98, "past a cap at quota, reps hold deals back");
        Assert.True(rich.NewBusiness.Mean > flat.NewBusiness.Mean * 1.01, "12 % raises effort");
        Assert.NotEqual(flat.RepsAtQuota.Mean, accel.RepsAtQuota.Mean);
    }
}
