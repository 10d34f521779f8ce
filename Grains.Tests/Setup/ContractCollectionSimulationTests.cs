using System.Globalization;
using Growth.Domain.Setup;
using Growth.Grains.Figures;
using Growth.Grains.Setup;
using Growth.Grains.Simulation;
using Growth.Grains.Tests.Cluster;
using Xunit.Abstractions;

namespace Growth.Grains.Tests.Setup;

/// <summary>A template with the contract stage and collection rules, run 60 simulated days in the actor simulation, leaves visible figures.</summary>
[Collection(ClusterCollection.Name)]
public class ContractCollectionSimulationTests(ClusterFixture fixture, ITestOutputHelper output)
{
    static readonly DateTimeOffset Start = new(2026, 1, 5, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task The_consumer_education_template_after_60_days_shows_approvals_instalments_reminders_write_offs_and_dso()
    {
        const string ws = "rules-template";
        var template = SetupTemplates.Load().All.Single(t => t.Id == "consumer-education").Document;
        Assert.True(template.Rules.Contract.Enabled);
        await fixture.Grains.GetGrain<ISetupGrain>(ws).ApplyAsync(template, "leader", "template");
        var sim = fixture.Grains.GetGrain<ISimulationGrain>(ws);
        await sim.CreateAsync(new SimulationSettings { Seed = 42, Start = Start, ExistingCustomers = 0 });
        await sim.RunForAsync(TimeSpan.FromDays(60));
        var s = (await fixture.Grains.GetGrain<IWorkspaceStatisticsGrain>(ws).RefreshAsync())!;
        var c = s.Collections;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"won {s.Deals.Won}, orders {s.Revenue.Orders}, revenue {s.Revenue.Total:N0}, billed {s.Receivables.Billed:N0}, collected {s.Receivables.Collected:N0}, outstanding {s.Receivables.Outstanding:N0}, overdue {s.Receivables.Overdue:N0}"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"approvals asked {c.ApprovalsRequested}, refused {c.ApprovalsRefused}, waiting {c.ApprovalsWaiting} ({c.ApprovalsWaitingValue:N0}); days to order {c.AverageDaysToOrder:N1}, cycle {s.Deals.AverageDaysToClose:N1}"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"instalments {c.Instalments}, reminders {c.Reminders}, written off {c.WrittenOff:N0} ({c.WriteOffs} customers), dso {c.DaysSalesOutstanding:N1}"));

        Assert.True(c.ApprovalsRequested > 0 && c.ApprovalsRefused > 0, "approvals");
        Assert.True(c.Instalments > s.Revenue.Orders, "every order is invoiced in instalments, most have more than one by now");
        Assert.True(c.Reminders > 0 && c.WriteOffs > 0 && c.WrittenOff > 0, "reminders and write-offs");
        Assert.NotNull(c.DaysSalesOutstanding);
        // The template grades its customers (rules.customers): the mix is visible after 60 days.
        var g = s.CustomerGrades;
        output.WriteLine($"customer grades A {g.A}, B {g.B}, C {g.C}, D {g.D}");
        Assert.True(g.Graded > 0 && g.A + g.B > 0, "customers graded");
        // Cash follows the instalments: well under the revenue booked; receivables exclude what was written off.
        Assert.True(s.Receivables.Billed < s.Revenue.Total);
        Assert.Equal(s.Receivables.Billed - s.Receivables.Collected - c.WrittenOff, s.Receivables.Outstanding);
    }
}
