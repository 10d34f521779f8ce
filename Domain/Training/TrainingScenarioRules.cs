using System.Text.RegularExpressions;
using Growth.Domain.Journeys;

namespace Growth.Domain.Training;

/// <summary>One thing wrong with a scenario: where (a JSON path such as <c>steps[2].responses[0].quality</c>) and what.</summary>
public sealed record ScenarioProblem(string Path, string Problem)
{
    public override string ToString() => $"{Path}: {Problem}";
}

/// <summary>The scenario rules, collecting every problem rather than stopping at the first (the editor shows them all).</summary>
public static partial class TrainingScenarios
{
    /// <summary>The placeholders the customer's and the trainee's lines may use; the engine fills them in.</summary>
    public static readonly IReadOnlyList<string> Placeholders = ["contact", "company", "need", "product", "price", "trial"];

    /// <summary>Every rule a scenario breaks, in the order the rules are checked; none for a valid scenario.</summary>
    public static IReadOnlyList<ScenarioProblem> Problems(TrainingScenario s)
    {
        var problems = new List<ScenarioProblem>();
        void Fail(string field, string problem) => problems.Add(new ScenarioProblem(field, problem));

        if (!IdPattern().IsMatch(s.Id ?? "")) Fail("id", "must be 1-40 lower-case letters, digits or dashes");
        if (!TrainingLanguages.Known.Contains(s.Language)) Fail("language", $"'{s.Language}' is not one of {string.Join(", ", TrainingLanguages.Known)}");
        if (string.IsNullOrWhiteSpace(s.Title)) Fail("title", "is required");
        if (string.IsNullOrWhiteSpace(s.Product)) Fail("product", "is required");
        if (s.ListPrice <= 0) Fail("listPrice", $"must be positive (was {s.ListPrice})");
        if (s.Budget is null) Fail("budget", "is required");
        else
        {
            if (s.Budget.Median <= 0) Fail("budget.median", $"must be positive (was {s.Budget.Median})");
            if (s.Budget.Spread is < 0 or > 2) Fail("budget.spread", $"must be between 0 and 2 (was {s.Budget.Spread})");
        }
        var needs = s.Needs ?? [];
        if (needs.Count == 0 || needs.Any(string.IsNullOrWhiteSpace)) Fail("needs", "needs at least one non-empty need");
        var roles = s.BuyerRoles ?? [];
        if (s.Market == TrainingMarket.Consumer && (roles.Count == 0 || roles.Any(string.IsNullOrWhiteSpace)))
            Fail("buyerRoles", "a consumer scenario needs at least one buyer role");
        if (s.MaxDiscount is < 0 or > 0.5m) Fail("maxDiscount", $"must be between 0 and 0.5 (was {s.MaxDiscount})");
        var objections = s.Objections ?? [];
        if (objections.Count == 0) Fail("objections", "needs at least one objection type");
        if (objections.Distinct().Count() != objections.Count) Fail("objections", "lists an objection type twice");

        var ids = new HashSet<string>(StringComparer.Ordinal);
        void Responses(string field, IReadOnlyList<TrainingResponse>? responses)
        {
            responses ??= [];
            if (responses.Count < 2) Fail($"{field}.responses", $"needs at least two responses to choose from (has {responses.Count})");
            for (var i = 0; i < responses.Count; i++)
            {
                var r = responses[i];
                var at = $"{field}.responses[{i}]";
                if (!IdPattern().IsMatch(r.Id ?? "")) Fail($"{at}.id", "must be 1-40 lower-case letters, digits or dashes");
                else if (!ids.Add(r.Id!)) Fail($"{at}.id", $"'{r.Id}' is used twice in the scenario");
                if (string.IsNullOrWhiteSpace(r.Text)) Fail($"{at}.text", "is required");
                if (string.IsNullOrWhiteSpace(r.Why)) Fail($"{at}.why", "is required: the review shows it");
                if (!double.IsFinite(r.Quality) || r.Quality is < 0 or > 1) Fail($"{at}.quality", $"must be between 0 and 1 (was {r.Quality})");
                Placeholder($"{at}.text", r.Text);
            }
            if (responses.Count > 0 && responses.Max(r => r.Quality) < BestPracticeQuality)
                Fail($"{field}.responses", $"needs a best-practice response (quality {BestPracticeQuality} or more)");
        }
        void Placeholder(string field, string? text)
        {
            foreach (Match m in PlaceholderPattern().Matches(text ?? ""))
            {
                var name = m.Groups[1].Value;
                if (!Placeholders.Contains(name, StringComparer.Ordinal))
                    Fail(field, $"placeholder {{{name}}} is not known (known: {string.Join(", ", Placeholders.Select(p => $"{{{p}}}"))})");
                else if (name == "trial" && string.IsNullOrWhiteSpace(s.Trial))
                    Fail(field, "uses {trial} but the scenario has no trial");
            }
        }

        var steps = s.Steps ?? [];
        foreach (var step in Enum.GetValues<ConversationStep>().Where(x => x != ConversationStep.ObjectionHandling))
        {
            var matches = steps.Count(x => x.Step == step);
            if (matches != 1) Fail("steps", $"needs exactly one entry for step {step} (found {matches})");
        }
        for (var i = 0; i < steps.Count; i++)
        {
            var step = steps[i];
            if (step.Step == ConversationStep.ObjectionHandling) Fail($"steps[{i}].step", "objection handling goes in objectionHandling, per objection type");
            if (string.IsNullOrWhiteSpace(step.Customer)) Fail($"steps[{i}].customer", "is required");
            Placeholder($"steps[{i}].customer", step.Customer);
            Responses($"steps[{i}]", step.Responses);
        }
        var handling = s.ObjectionHandling ?? [];
        for (var i = 0; i < handling.Count; i++)
        {
            var o = handling[i];
            if (handling.Take(i).Any(x => x.Type == o.Type)) Fail($"objectionHandling[{i}].type", $"{o.Type} appears twice");
            if (string.IsNullOrWhiteSpace(o.Customer)) Fail($"objectionHandling[{i}].customer", "is required");
            Placeholder($"objectionHandling[{i}].customer", o.Customer);
            Responses($"objectionHandling[{i}]", o.Responses);
        }
        foreach (var type in objections)
            if (!handling.Any(o => o.Type == type)) Fail("objectionHandling", $"has no entry for objection {type}, listed in objections");
        return problems;
    }

    /// <summary>
    /// Reads a scenario file's text and names every problem: the shape first (JSON syntax, unknown fields, values of the
    /// wrong kind, names that are not one of the allowed ones, listing them), then the rules. The scenario is null
    /// whenever a problem is found.
    /// </summary>
    public static (TrainingScenario? Scenario, IReadOnlyList<ScenarioProblem> Problems) Check(string? json)
    {
        if (string.IsNullOrWhiteSpace(json)) return (null, [new ScenarioProblem("(root)", "the file is empty")]);
        var shape = TrainingScenarioShape.Problems(json);
        if (shape.Count > 0) return (null, shape);
        TrainingScenario? scenario;
        try
        {
            scenario = System.Text.Json.JsonSerializer.Deserialize<TrainingScenario>(json, Options);
        }
        catch (System.Text.Json.JsonException e)
        {
            var field = string.IsNullOrEmpty(e.Path) || e.Path == "$" ? FieldFromMessage(e.Message) : e.Path.TrimStart('$', '.');
            return (null, [new ScenarioProblem(field, $"unreadable ({FirstSentence(e.Message)})")]);
        }
        if (scenario is null) return (null, [new ScenarioProblem("(root)", "the file is empty")]);
        var problems = Problems(scenario);
        return problems.Count == 0 ? (scenario, []) : (null, problems);
    }

    /// <summary>The scenario as a file: indented camel-case JSON with enum names, as the shipped files are written.</summary>
    public static string ToJson(TrainingScenario scenario) => System.Text.Json.JsonSerializer.Serialize(scenario, IndentedOptions);

    static readonly System.Text.Json.JsonSerializerOptions IndentedOptions = new(WriteOptions)
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    [GeneratedRegex(@"\{([^{}\s]*)\}")]
    private static partial Regex PlaceholderPattern();
}
