using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Growth.Domain.Journeys;
using Growth.Domain.Training;
using Growth.Grains.Journeys;
using Growth.Grains.Simulation;
using Growth.Grains.Workspaces;
using Growth.TestSupport;

namespace Growth.Dashboard.Tests;

/// <summary>
/// Coaching from real deals over HTTP: a rep's losses in a simulated workspace give the recommendation the domain
/// computes from the same journeys, and one of their lost deals becomes a session with its objections; another rep's
/// deal, or a deal outside a manager's part, is refused.
/// </summary>
[Collection(DashboardCollection.Name)]
public class TrainingCoachingApiTests(DashboardHost host, Xunit.Abstractions.ITestOutputHelper output)
{
    const string Deals = "coaching-deals";
    const string Training = "coaching-training";
    const string Base = $"/api/workspaces/{Training}/training";

    static async Task<JsonElement> Json(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement;
    }

    static async Task<string> Refusal(HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"{(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.GetProperty("detail").GetString()!;
    }

    [Fact]
    public async Task A_reps_real_losses_give_the_advice_and_a_lost_deal_becomes_a_session_with_its_objections()
    {
        var sim = host.Grains.GetGrain<ISimulationGrain>(Deals);
        await sim.CreateAsync(new SimulationSettings { Seed = 19, Regions = 2, TeamsPerRegion = 1, RepsPerTeam = 3, Campaigns = 2, ExistingCustomers = 0 });
        await sim.RunForAsync(TimeSpan.FromDays(45));
        var states = (await Task.WhenAll(Enumerable.Range(0, Keys.ShardCount)
            .Select(i => host.Grains.GetGrain<IJourneyShardGrain>(Keys.Shard(Deals, i)).StatesAsync()))).SelectMany(s => s).ToList();
        var lost = states.Where(s => s.Status == JourneyStatus.Lost && s.OpportunityAt is not null && s.RepId is not null).OrderBy(s => s.Id, StringComparer.Ordinal).ToList();
        Assert.NotEmpty(lost);
        var deal = lost[0];
        var rep = deal.RepId!;
        var other = lost.First(s => s.RepId != rep);

        var session = await host.SignInAsAsync($"{Deals}:Rep:{rep}", $"{Training}:Trainee");
        // The advice is the domain's on the same journeys: the rep's own decided deals, the step and objection of most losses.
        var advice = await Json(await session.Http.GetAsync($"{Base}/coaching?from={Deals}"));
        var expected = TrainingCoaching.Advise(states, rep, TrainingPlay.Catalogue.Scenarios);
        Assert.Equal((expected.Deals, expected.Lost, expected.LostThere, expected.ScenarioId, expected.Message),
            (advice.GetProperty("deals").GetInt32(), advice.GetProperty("lost").GetInt32(), advice.GetProperty("lostThere").GetInt32(),
             advice.GetProperty("scenarioId").GetString(), advice.GetProperty("message").GetString()));
        Assert.Equal(rep, advice.GetProperty("repId").GetString());
        Assert.Contains("outside your part", await Refusal(await session.Http.GetAsync($"{Base}/coaching?from={Deals}&rep={other.RepId}"), HttpStatusCode.Forbidden));

        // One click: the lost deal becomes a session whose customer raises the objections the deal met.
        var journey = (await host.Grains.GetGrain<IJourneyGrain>(Keys.Of(Deals, deal.Id)).GetAsync())!;
        var practice = LostDealScenarios.Build(LostDealScenarios.Of(Deals, journey.State, journey.Recent).Deal!, TrainingPlay.Catalogue.Scenarios);
        var started = await Json(await session.Http.PostAsJsonAsync($"{Base}/lost-deals", new { workspace = Deals, journeyId = deal.Id, cohort = "losses" }));
        var view = started.GetProperty("session");
        Assert.Equal((LostDealScenarios.IdOf(deal.Id), practice.Scenario.Title, practice.Difficulty.ToString(), session.UserName),
            (view.GetProperty("scenarioId").GetString(), view.GetProperty("scenarioTitle").GetString(), view.GetProperty("difficulty").GetString(), view.GetProperty("trainee").GetString()));
        Assert.Equal(deal.LostStep?.ToString(), started.GetProperty("deal").GetProperty("lostStep").GetString());
        Assert.Equal("InProgress", view.GetProperty("outcome").GetString());
        output.WriteLine($"{rep}: {expected.Message} | lost deal {deal.Id} at {deal.LostStep} ({deal.LostReason}), objections {string.Join(", ", practice.Deal.Objections)} -> {practice.Scenario.Id} from {practice.Scenario.Title} on {practice.Difficulty}, list price {practice.Scenario.ListPrice}");

        // Another rep's deal is outside a rep's part; a journey that is not a lost deal is refused, naming why.
        Assert.Contains("outside your part", await Refusal(await session.Http.PostAsJsonAsync($"{Base}/lost-deals", new { workspace = Deals, journeyId = other.Id }), HttpStatusCode.Forbidden));
        var open = states.First(s => s.RepId == rep && s.Status != JourneyStatus.Lost);
        Assert.Contains("is not a lost deal", await Refusal(await session.Http.PostAsJsonAsync($"{Base}/lost-deals", new { workspace = Deals, journeyId = open.Id }), HttpStatusCode.Conflict));
        // A trainee without the deals' workspace reads no deals.
        var trainee = await host.SignInAsAsync($"{Training}:Trainee");
        await Refusal(await trainee.Http.PostAsJsonAsync($"{Base}/lost-deals", new { workspace = Deals, journeyId = deal.Id }), HttpStatusCode.Forbidden);
    }
}
