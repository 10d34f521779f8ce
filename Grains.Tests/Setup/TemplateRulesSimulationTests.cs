using System.Globalization;
using Growth.Domain.Access;
using Growth.Domain.Pool;
using Growth.Domain.Setup;
using Growth.Grains.Figures;
using Growth.Grains.Journeys;
using Growth.Grains.Setup;
using Growth.Grains.Simulation;
using Growth.Grains.Tests.Cluster;
using Growth.Grains.Workspaces;
using Xunit.Abstractions;

namespace Growth.Grains.Tests.Setup;

/// <summary>
/// Issue 18's "the templates exercise every rule, and each leaves visible figures after 60 simulated days": each shipped
/// template turns every operating rule on, and after 60 simulated days in the actor simulation every rule has left a
/// figure a page shows (the lead pool's deadline breaches and tags, the contract stage's approvals, collections'
/// instalments, customer grades, the long run's leavers and hires across the three). Leads carry source, campaign and
/// product tags; no template yet uses segment or custom tags or tag routing rules.
/// </summary>
[Collection(ClusterCollection.Name)]
public class TemplateRulesSimulationTests(ClusterFixture fixture, ITestOutputHelper output)
{
    static readonly DateTimeOffset Start = new(2026, 1, 5, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Every_template_turns_every_rule_on_and_each_rule_leaves_visible_figures_after_60_days()
    {
        var (turnover, withWins) = (0, 0);
        foreach (var template in SetupTemplates.Load().All)
        {
            var rules = template.Document.Rules;
            Assert.True(rules.Contract.Enabled && (rules.Collections.Instalments > 1 || rules.Collections.ReminderDays.Count > 0) && rules.Customers.Enabled && rules.LongRun.Enabled, $"{template.Id} leaves a rule off");
            // Not yet: no template tags leads with segments or custom tags, or routes them by tag rules (issue 18 stays open on it).
            output.WriteLine($"{template.Id}: segment tags {rules.Tags.Segments.Count}, custom tags {rules.Tags.Custom.Count}, tag rules {rules.Assignment.Count}");

            var ws = "template-rules-" + template.Id;
            await fixture.Grains.GetGrain<ISetupGrain>(ws).ApplyAsync(template.Document, "leader", "template");
            var sim = fixture.Grains.GetGrain<ISimulationGrain>(ws);
            await sim.CreateAsync(new SimulationSettings { Seed = 42, Start = Start, ExistingCustomers = 0 });
            await sim.RunForAsync(TimeSpan.FromDays(60));
            var s = (await fixture.Grains.GetGrain<IWorkspaceStatisticsGrain>(ws).RefreshAsync())!;
            var now = (await sim.GetStatusAsync()).SimulatedNow!.Value;
            var pool = LeadPoolView.Merge(await Task.WhenAll(Enumerable.Range(0, Keys.ShardCount).Select(i =>
                fixture.Grains.GetGrain<IJourneyShardGrain>(Keys.Shard(ws, i)).PoolAsync(new FigureScope(true, [], All: true), now, rules.FirstContactDeadlineHours, 10))), 10);
            var org = (await fixture.Grains.GetGrain<IWorkspaceGrain>(ws).GetOrganisationAsync())!;
            var c = s.Collections;
            var left = org.Departed.Count;
            var hired = org.Reps.Count(r => r.Id.StartsWith("rep-hire-", StringComparison.Ordinal));
            turnover += left + hired;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{template.Id}: leads {s.Leads}, won {s.Deals.Won}, revenue {s.Revenue.Total:N0}; pool: open {pool.OpenLeads}, returned {pool.Returned}, breaches {pool.Teams.Sum(t => t.Breaches)}, tags {pool.ByTag.Count}; " +
                $"approvals {c.ApprovalsRequested}/{c.ApprovalsRefused}, instalments {c.Instalments}, reminders {c.Reminders}, written off {c.WriteOffs}; customer grades {s.CustomerGrades.Graded}; " +
                $"reps left {left}, hired {hired}, reps {org.Reps.Count()}"));

            // Lead pool, deadline and tags: breaches per team and open leads by tag.
            Assert.True(pool.Teams.Sum(t => t.Breaches) + pool.Returned > 0, $"{template.Id}: no deadline breach or return");
            Assert.Contains(pool.ByTag.Keys, k => k.StartsWith("source:", StringComparison.Ordinal));
            // Contract stage, collections and customer grades need a won deal: industrial equipment's 90-day cycle
            // (assumed) wins none in 60 days from an empty pipeline, so it shows none of them yet (issue 18 stays open on it).
            if (s.Deals.Won == 0) continue;
            withWins++;
            Assert.True(c.ApprovalsRequested > 0, $"{template.Id}: no approval asked");
            Assert.True(c.Instalments > 0, $"{template.Id}: no instalment invoiced");
            Assert.NotNull(c.DaysSalesOutstanding);
            // Customer grades.
            Assert.True(s.CustomerGrades.Graded > 0, $"{template.Id}: no customer graded");
        }
        Assert.True(withWins >= 2, $"only {withWins} templates won a deal in 60 days");
        // The long run: reps leave and seats are filled (mean tenure 1.5 years: about 11 % of the reps in 60 days).
        Assert.True(turnover > 0, "no rep left or joined in any template");
    }
}
