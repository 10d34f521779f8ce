using Growth.Domain.Journeys;
using Growth.Domain.Randomness;

namespace Growth.Domain.Training;

/// <summary>The human face of a training customer (generated names), supplied by the caller so the model stays pure.</summary>
public sealed record TrainingFaces(string Company, string Contact, string JobTitle, string City);

/// <summary>
/// A simulated customer for one training session. Company, role, region and need are what a rep would know
/// before the call; budget, temperament and objections are hidden until the review.
/// </summary>
public sealed record TrainingPersona
{
    public required string Contact { get; init; }
    /// <summary>Null for a consumer.</summary>
    public string? Company { get; init; }
    public required string Role { get; init; }
    public required string Region { get; init; }
    public required string Need { get; init; }
    /// <summary>Hidden: what the customer can spend.</summary>
    public required decimal Budget { get; init; }
    /// <summary>Hidden: how the customer reacts.</summary>
    public required Temperament Temperament { get; init; }
    /// <summary>Hidden: the objections the customer will raise, in order.</summary>
    public required IReadOnlyList<ObjectionType> HiddenObjections { get; init; }
}

/// <summary>Draws a persona from a scenario and a seed: same scenario, seed and difficulty, same customer.</summary>
public static class TrainingPersonas
{
    /// <summary>The seed a persona's draws start from; the caller derives the faces from it too.</summary>
    public static ulong PersonaSeed(TrainingScenario scenario, ulong seed) => Prng.Derive(seed, "training-persona:" + scenario.Id);

    public static TrainingPersona Draw(TrainingScenario scenario, TrainingDifficulty difficulty, ulong seed, TrainingFaces faces)
    {
        // Difficulty does not enter the stream: the same seed is the same person at every difficulty, only
        // tougher (less budget, more objections).
        var rng = new Prng(PersonaSeed(scenario, seed));
        var tuning = TrainingTuning.Default;
        var need = scenario.Needs[rng.Next(scenario.Needs.Count)];
        var temperaments = scenario.Temperaments.Count > 0 ? scenario.Temperaments : Enum.GetValues<Temperament>();
        var temperament = temperaments[rng.Next(temperaments.Count)];
        var budget = Math.Round(scenario.Budget.Median * (decimal)rng.LogNormal(1, scenario.Budget.Spread) * (decimal)tuning.BudgetFactor.For(difficulty), 0);
        var role = scenario.Market == TrainingMarket.Consumer ? scenario.BuyerRoles[rng.Next(scenario.BuyerRoles.Count)] : faces.JobTitle;

        // Shuffle the pool with the persona's stream, then take as many as the difficulty asks for; a customer who
        // cannot afford the list price always raises budget if the scenario knows that objection.
        var pool = scenario.Objections.ToList();
        for (var i = pool.Count - 1; i > 0; i--)
        {
            var j = rng.Next(i + 1);
            (pool[i], pool[j]) = (pool[j], pool[i]);
        }
        if (budget < scenario.ListPrice && pool.Remove(ObjectionType.BudgetEnvironment)) pool.Insert(0, ObjectionType.BudgetEnvironment);
        var hidden = pool.Take(Math.Min(tuning.ObjectionCount.For(difficulty), pool.Count)).ToList();

        return new TrainingPersona
        {
            Contact = faces.Contact,
            Company = scenario.Market == TrainingMarket.Business ? faces.Company : null,
            Role = role,
            Region = faces.City,
            Need = need,
            Budget = budget,
            Temperament = temperament,
            HiddenObjections = hidden,
        };
    }
}
