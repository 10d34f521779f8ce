using System.Diagnostics;
using System.Globalization;
using Growth.Domain.Forecast;
using Growth.Domain.Setup;
using Growth.Domain.Simulation;

// The forecast accuracy trial: simulates the demo organisation and each setup template for N fiscal quarters
// (AccuracyTrial, pure domain), takes every method's forecast each week as the Forecast page builds it, and prints
// each method's MAPE and bias, overall and per week-of-quarter bucket, as the README's Markdown table.
//   dotnet run -c Release --project ForecastTrial -- [--quarters 8] [--seed 42] [--runs 1000] [--only demo|business-software|...]
var quarters = Arg("--quarters", 8);
var seed = (ulong)Arg("--seed", 42);
var runs = Arg("--runs", 1000);
var only = args.SkipWhile(a => a != "--only").Skip(1).FirstOrDefault();
var start = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
var p = BehaviourParameters.Default;

var companies = new List<(string Name, Func<AccuracyTrialSettings> Settings)>
{
    ("demo", () =>
    {
        var org = OrganisationFactory.Build(seed, 3, 2, 10, 5);
        return new AccuracyTrialSettings { Setup = SetupFromOrganisation.Build(org, p), Organisation = org, Parameters = p, ExistingCustomers = 200, Start = start };
    }),
};
foreach (var template in SetupTemplates.Load().All)
    companies.Add((template.Id, () => new AccuracyTrialSettings
    {
        Setup = template.Document, Organisation = SetupCompiler.Organisation(template.Document, start),
        Parameters = SetupCompiler.Parameters(template.Document, p), ExistingCustomers = 200, Start = start,
    }));

Console.WriteLine($"Forecast accuracy over {quarters} fiscal quarters per company (seed {seed}, {runs} Monte Carlo runs a week, 60 warm-up days from {start:yyyy-MM-dd})");
Console.WriteLine();
Console.WriteLine("| Company | Method | Forecasts | MAPE | Bias | MAPE weeks 1-4 | MAPE weeks 5-8 | MAPE weeks 9+ | Bias weeks 1-4 | Bias weeks 9+ |");
Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|");
foreach (var (name, make) in companies.Where(c => only is null || c.Name == only))
{
    var clock = Stopwatch.StartNew();
    var (weeks, actuals) = AccuracyTrial.Run(make() with { Seed = seed, Quarters = quarters, MonteCarloRuns = runs });
    var report = ForecastAccuracy.Of(weeks, actuals);
    foreach (var m in report.Overall)
    {
        string B(string bucket, bool bias) => Pct(report.ByBucket.Single(b => b.Method == m.Method && b.Bucket == bucket) is var a ? (bias ? a.Bias : a.Mape) : null, bias);
        Console.WriteLine($"| {name} | {m.Method} | {m.Count} | {Pct(m.Mape, false)} | {Pct(m.Bias)} | {B("1-4", false)} | {B("5-8", false)} | {B("9+", false)} | {B("1-4", true)} | {B("9+", true)} |");
    }
    // --weeks: every weekly forecast against its quarter's actual (where a method's error comes from, week by week).
    if (args.Contains("--weeks"))
        foreach (var w in weeks)
        {
            var actual = actuals.FirstOrDefault(a => a.Period == w.Period)?.Won;
            Console.Error.WriteLine($"{name} {w.Period} week {w.Week,2}: actual {actual:N0}, closed {w.Closed:N0}, run rate {w.RunRate:N0}, weighted {w.WeightedPipeline:N0}, reps {w.RepsCall:N0}, Monte Carlo {w.MonteCarlo:N0}");
        }
    Console.Error.WriteLine($"{name}: {report.Periods.Count} quarters closed ({string.Join(", ", report.Periods.Select(a => $"{a.Period} {a.Won:N0}"))}), {weeks.Count} weekly forecasts, {clock.Elapsed.TotalSeconds:N1} s");
}

int Arg(string name, int fallback)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length && int.TryParse(args[i + 1], CultureInfo.InvariantCulture, out var v) ? v : fallback;
}

static string Pct(double? v, bool signed = true) => v is { } x ? (x * 100).ToString(signed ? "+0.0;-0.0;0.0" : "0.0", CultureInfo.InvariantCulture) + " %" : "–";
