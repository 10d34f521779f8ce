using Growth.Domain.Projection;
using Growth.Domain.Simulation;
using Xunit.Abstractions;

namespace Growth.Domain.Tests.Projection;

/// <summary>
/// The projection's campaign leads a week against the model's on each setup template (13 weeks from 4 January 2027, no
/// deals in flight, no existing customers, so the model's leads are its campaigns' and its new customers' referrals).
/// Before the flows followed the campaigns' dates, cost models and junk shares (session 13) the projection expected
/// 172.5 leads a week on industrial equipment against the model's 44.9 (its trade fairs start in April and July), 483.0
/// against 402.1 on consumer education and 178.2 against 159.0 on business software (24 model seeds).
/// </summary>
public class TemplateLeadFlowTests(ITestOutputHelper output)
{
    const int Weeks = 13, Seeds = 12;
    static readonly DateTimeOffset Start = new(2027, 1, 4, 0, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("business-software")]
    [InlineData("consumer-education")]
    [InlineData("industrial-equipment")]
    public void The_projection_expects_the_campaign_leads_the_model_brings(string template)
    {
        var setup = Growth.Domain.Setup.SetupTemplates.Load().Find(template)!.Document;
        var org = Growth.Domain.Setup.SetupCompiler.Organisation(setup, Start);
        var p = Growth.Domain.Setup.SetupCompiler.Parameters(setup, BehaviourParameters.Default);
        p = p with { Rules = p.Rules with { InFlightDeals = 0 } };
        var runs = new PlannerRunResult[Seeds];
        Parallel.For(0, Seeds, i => runs[i] = PlannerSimulation.Run(new PlannerRunSettings { Organisation = org, Parameters = p, Start = Start, Weeks = Weeks, Seed = 7 + (ulong)i }));
        var model = runs.Average(r => (double)(r.Leads - r.Referred)) / Weeks;

        var flows = ChannelFlow.Of(org, p, Start, Weeks);
        var projected = Enumerable.Range(0, Weeks).Sum(t => flows.Sum(c => c.Leads(t)) * p.Arrival.MeanWeight(Start.AddDays(7 * t), Start.AddDays(7 * (t + 1)))) / Weeks;
        var gap = (projected - model) / model;
        output.WriteLine($"{template}: {projected:N1} campaign leads a week projected against {model:N1} in the model ({Seeds} seeds), {gap:P1}");
        Assert.InRange(gap, -0.05, 0.05);
    }
}
