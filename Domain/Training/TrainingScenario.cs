using System.Text.Json.Serialization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Growth.Domain.Journeys;

// Training types live in the model's namespace (not Model.Training) because the silo's JSON codec serialises
// exactly that namespace; a sub-namespace would need a change to GrowthSilo.
namespace Growth.Domain.Training;

/// <summary>Who the trainee sells to in a scenario.</summary>
public enum TrainingMarket { Consumer, Business }

/// <summary>How hard a session is: hidden objections, starting trust, budget and how often a step goes wrong.</summary>
public enum TrainingDifficulty { Easy, Normal, Hard }

/// <summary>How a simulated customer reacts: what wins trust and interest, and how fast a waiting lead cools.</summary>
public enum Temperament { Friendly, Analytical, Skeptical, Impatient }

/// <summary>
/// A training scenario as a manager writes it (one JSON file): the product, the kind of customer, what the customer
/// says at each conversation step, and the responses a trainee can choose from, each with its quality against best
/// practice (0..1) and why.
/// </summary>
public sealed record TrainingScenario
{
    /// <summary>Unique id: lower-case letters, digits and dashes.</summary>
    public string Id { get; init; } = "";
    /// <summary>
    /// The language the scenario's text is written in (<see cref="TrainingLanguages.Known"/>): English unless said.
    /// The catalogue sets it from the file name (<c>id.zh-Hans.json</c> is the Chinese version of <c>id.json</c>).
    /// </summary>
    public string Language { get; init; } = TrainingLanguages.English;
    public string Title { get; init; } = "";
    public TrainingMarket Market { get; init; }
    /// <summary>What is being sold, as the customer hears it.</summary>
    public string Product { get; init; } = "";
    public string Summary { get; init; } = "";
    /// <summary>Price of the order before any discount.</summary>
    public decimal ListPrice { get; init; }
    /// <summary>The default persona seed: the same seed always gives the same customer.</summary>
    public ulong Seed { get; init; }
    public TrainingBudget Budget { get; init; } = new();
    /// <summary>Role of the buyer for consumer scenarios (business buyers get a generated job title).</summary>
    public IReadOnlyList<string> BuyerRoles { get; init; } = [];
    /// <summary>Needs the customer may have; one is drawn per persona.</summary>
    public IReadOnlyList<string> Needs { get; init; } = [];
    /// <summary>Temperaments the customer may have; all four if empty.</summary>
    public IReadOnlyList<Temperament> Temperaments { get; init; } = [];
    /// <summary>Objections this kind of customer may hide; each needs an entry in <see cref="ObjectionHandling"/>.</summary>
    public IReadOnlyList<ObjectionType> Objections { get; init; } = [];
    /// <summary>Largest discount a trainee may offer, 0..0.5 (0 means no discount action).</summary>
    public decimal MaxDiscount { get; init; }
    /// <summary>The low-threshold first experience a trainee may offer (trial lesson, pilot); empty means none.</summary>
    public string Trial { get; init; } = "";
    /// <summary>Opening, rapport, topic, trial close and close: what the customer says and the responses.</summary>
    public IReadOnlyList<TrainingStepContent> Steps { get; init; } = [];
    /// <summary>Per objection type: how the customer raises it and the responses.</summary>
    public IReadOnlyList<TrainingObjectionContent> ObjectionHandling { get; init; } = [];

    public TrainingStepContent StepContent(ConversationStep step) => Steps.First(s => s.Step == step);
    public TrainingObjectionContent ObjectionContent(ObjectionType type) => ObjectionHandling.First(o => o.Type == type);
}

/// <summary>Budgets of this kind of customer: log-normal around a median.</summary>
public sealed record TrainingBudget
{
    public decimal Median { get; init; }
    /// <summary>Log-normal sigma, 0..2.</summary>
    public double Spread { get; init; } = 0.3;
}

/// <summary>One conversation step of a scenario.</summary>
public sealed record TrainingStepContent
{
    public ConversationStep Step { get; init; }
    /// <summary>What the customer says; may use {contact}, {company}, {need}, {product}, {price}, {trial}.</summary>
    public string Customer { get; init; } = "";
    public IReadOnlyList<TrainingResponse> Responses { get; init; } = [];
}

/// <summary>How a customer raises one objection type, and the responses to it.</summary>
public sealed record TrainingObjectionContent
{
    public ObjectionType Type { get; init; }
    public string Customer { get; init; } = "";
    public IReadOnlyList<TrainingResponse> Responses { get; init; } = [];
}

/// <summary>A response a trainee can give.</summary>
public sealed record TrainingResponse
{
    /// <summary>Unique within the scenario.</summary>
    public string Id { get; init; } = "";
    public string Text { get; init; } = "";
    /// <summary>Quality against best practice, 0 (harmful) to 1 (best practice).</summary>
    public double Quality { get; init; }
    /// <summary>Why it is good or bad: shown in the review.</summary>
    public string Why { get; init; } = "";
}

/// <summary>A scenario file was refused: <see cref="File"/> and <see cref="Field"/> say where.</summary>
public sealed class TrainingScenarioException(string file, string field, string problem)
    : Exception($"training scenario {file}: {field}: {problem}")
{
    public string File { get; } = file;
    public string Field { get; } = field;
    public string Problem { get; } = problem;
}

/// <summary>Reads and validates scenario files. Pure: text in, scenario or an exception naming file and field out.</summary>
public static partial class TrainingScenarios
{
    /// <summary>A best-practice answer must exist at every step, or the review could not show a better one.</summary>
    public const double BestPracticeQuality = 0.8;

    static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        PropertyNameCaseInsensitive = true,
        // A misspelt field is refused rather than silently ignored: a manager sees the typo at start-up.
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        Converters = { new JsonStringEnumConverter(allowIntegerValues: false) },
    };

    static readonly JsonSerializerOptions WriteOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>
    /// Validates a scenario that arrived as an object rather than a file (a call may carry a hand-made one) by the
    /// same rules, <paramref name="file"/> naming it in the <see cref="TrainingScenarioException"/>.
    /// </summary>
    public static void Recheck(TrainingScenario scenario, string file) => Parse(file, JsonSerializer.Serialize(scenario, WriteOptions));

    /// <summary>Parses and validates one scenario file's text.</summary>
    public static TrainingScenario Parse(string file, string json)
    {
        TrainingScenario? scenario;
        try
        {
            scenario = JsonSerializer.Deserialize<TrainingScenario>(json, Options);
        }
        catch (JsonException e)
        {
            var field = string.IsNullOrEmpty(e.Path) || e.Path == "$" ? FieldFromMessage(e.Message) : e.Path.TrimStart('$', '.');
            throw new TrainingScenarioException(file, field, $"unreadable ({FirstSentence(e.Message)})");
        }
        if (scenario is null) throw new TrainingScenarioException(file, "(root)", "the file is empty");
        Validate(file, scenario);
        return scenario;
    }

    /// <summary>Validates a set of parsed scenarios together: ids must be unique across files.</summary>
    public static IReadOnlyList<TrainingScenario> Catalogue(IEnumerable<(string File, string Json)> files)
    {
        var result = new List<TrainingScenario>();
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (file, json) in files.OrderBy(f => f.File, StringComparer.Ordinal))
        {
            var s = Parse(file, json);
            if (seen.TryGetValue(s.Id, out var other)) throw new TrainingScenarioException(file, "id", $"'{s.Id}' is already used by {other}");
            seen[s.Id] = file;
            result.Add(s);
        }
        return result;
    }

    static void Validate(string file, TrainingScenario s)
    {
        // Every problem is collected (TrainingScenarioRules); a file read at start-up stops at the first.
        if (Problems(s) is [var first, ..]) throw new TrainingScenarioException(file, first.Path, first.Problem);
    }

    static string FirstSentence(string message)
    {
        var dot = message.IndexOf(". ", StringComparison.Ordinal);
        return dot < 0 ? message : message[..dot];
    }

    // Unmapped-member errors name the property in the message rather than in the path.
    static string FieldFromMessage(string message)
    {
        var m = QuotedName().Match(message);
        return m.Success ? m.Groups[1].Value : "(root)";
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,39}$")]
    private static partial Regex IdPattern();

    [GeneratedRegex("'([^']+)'")]
    private static partial Regex QuotedName();
}
