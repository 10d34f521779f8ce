using System.Diagnostics;
using Growth.Domain.Journeys;
using Growth.Domain.Setup;
using Growth.Domain.Simulation;

namespace Growth.Benchmarks;

/// <summary>
/// A setup of 10,000 reps (20 regions × 25 teams × 20 reps, 50 products, 40 campaigns) written and read as YAML and
/// JSON, compared against a copy with 100 quota changes, validated and compiled for the simulation (its organisation
/// and parameters): the issue asks that such a setup loads,
/// validates and applies in seconds. Quick runs time each step once after a warm-up, at the same size.
/// </summary>
public static class SetupScenario
{
    public const int Regions = 20, TeamsPerRegion = 25, RepsPerTeam = 20, Products = 50, Campaigns = 40, QuotaChanges = 100;

    public static async Task<IReadOnlyList<Row>> RunAsync(bool quick)
    {
        var document = Build();
        var reps = Regions * TeamsPerRegion * RepsPerTeam;
        var yaml = SetupFormat.Write(document, SetupFileFormat.Yaml);
        var json = SetupFormat.Write(document, SetupFileFormat.Json);
        var changed = WithQuotaChanges(document);
        var label = $"({reps:N0} reps)";
        var rows = new List<Row>
        {
            new("setup-10k-reps", $"YAML file size {label}", yaml.Length / 1_048_576.0, "MB", "", null),
            new("setup-10k-reps", $"write YAML {label}", await TimeAsync(quick, () => SetupFormat.Write(document, SetupFileFormat.Yaml)), "ms", "", null),
        };
        var readYaml = await TimeAsync(quick, () => SetupFormat.Read(yaml, SetupFileFormat.Yaml));
        rows.Add(new("setup-10k-reps", $"read YAML {label}", readYaml, "ms", "", null));
        rows.Add(new("setup-10k-reps", $"write JSON {label}", await TimeAsync(quick, () => SetupFormat.Write(document, SetupFileFormat.Json)), "ms", "", null));
        rows.Add(new("setup-10k-reps", $"read JSON {label}", await TimeAsync(quick, () => SetupFormat.Read(json, SetupFileFormat.Json)), "ms", "", null));
        var diff = await TimeAsync(quick, () => SetupDiff.Compare(document, changed));
        rows.Add(new("setup-10k-reps", $"diff against {QuotaChanges} quota changes {label}", diff, "ms", "", null));
        var validate = await TimeAsync(quick, () => SetupValidator.Validate(document));
        rows.Add(new("setup-10k-reps", $"validate {label}", validate, "ms", "", null));
        // Applying: what the simulation runs on (the organisation with each rep's quarter target, and the parameters).
        var compile = await TimeAsync(quick, () => (SetupCompiler.Organisation(document, DateTimeOffset.UnixEpoch), SetupCompiler.Parameters(document, BehaviourParameters.Default)));
        rows.Add(new("setup-10k-reps", $"compile for the simulation {label}", compile, "ms", "", null));
        var load = readYaml + validate + compile;
        rows.Add(new("setup-10k-reps", $"read YAML + validate + compile {label}", load, "ms", "< 5,000", load < 5_000));

        // The figures mean something only if the work was right: same document back, exactly the changes made, no problems.
        if (SetupFormat.Write(SetupFormat.Read(yaml, SetupFileFormat.Yaml), SetupFileFormat.Json) != json)
            throw new InvalidOperationException("the 10,000-rep setup did not survive YAML");
        if (SetupDiff.Compare(document, changed).Count != QuotaChanges)
            throw new InvalidOperationException("the diff did not find the quota changes");
        if (SetupValidator.Validate(document) is { Count: > 0 } problems)
            throw new InvalidOperationException($"the 10,000-rep setup is invalid: {problems[0]}");
        return rows;
    }

    /// <summary>Milliseconds of <paramref name="work"/> after a warm-up: the median of <see cref="Measure.Runs"/> runs, or one run when quick.</summary>
    static async Task<double> TimeAsync(bool quick, Func<object> work)
    {
        Task<double> Once(int _)
        {
            var watch = Stopwatch.StartNew();
            GC.KeepAlive(work());
            return Task.FromResult(watch.Elapsed.TotalMilliseconds);
        }
        if (!quick) return await Measure.MedianAsync(Once);
        await Once(-1);
        return await Once(0);
    }

    public static SetupDocument Build()
    {
        var n = 0;
        var regionIds = Enumerable.Range(1, Regions).Select(r => $"region-{r}").ToList();
        return new SetupDocument
        {
            Company = new CompanySetup { Name = "Benchmark Corp", FiscalYearStartMonth = 4 },
            Organisation = new OrganisationSetup
            {
                Regions = regionIds.Select((regionId, r) => new RegionSetup
                {
                    Id = regionId, Name = $"Region {r + 1}",
                    Teams = Enumerable.Range(1, TeamsPerRegion).Select(t => new TeamSetup
                    {
                        Id = $"{regionId}-team-{t}", Name = $"Team {r + 1}.{t}", Leader = $"Leader {r + 1}.{t}",
                        Reps = Enumerable.Range(1, RepsPerTeam).Select(_ =>
                        {
                            n++;
                            var skill = 0.3 + n % 50 / 100.0;
                            return new RepSetup
                            {
                                Id = $"rep-{n}", Name = $"Rep {n}", Capacity = 30 + n % 20, Incentive = 0.3 + n % 5 / 10.0,
                                Skills = new SkillsSetup { Opening = skill, Rapport = skill, Topic = skill, TrialClose = skill, ObjectionHandling = skill, Close = skill },
                                Quota = 60_000m + 10_000m * (n % 5),
                                HireDate = n % 17 == 0 ? new DateOnly(2026, 1 + n % 12, 1) : null,
                                Territory = new TerritorySetup { Regions = [regionId] },
                            };
                        }).ToList(),
                    }).ToList(),
                }).ToList(),
            },
            Catalogue = new CatalogueSetup
            {
                Products = Enumerable.Range(1, Products).Select(p => new ProductSetup
                {
                    Id = $"product-{p}", Name = $"Product {p}", Series = $"Series {1 + p % 5}", ListPrice = 1_000m * p, UnitCost = 400m * p,
                }).ToList(),
            },
            Channels = new ChannelsSetup
            {
                Campaigns = Enumerable.Range(1, Campaigns).Select(c => new CampaignSetup
                {
                    Id = $"campaign-{c}", Name = $"Campaign {c}", Channel = (Channel)(c % 5), Budget = 20_000m + 1_000m * c,
                    Regions = [regionIds[c % Regions]],
                }).ToList(),
            },
            Targets = new TargetsSetup
            {
                Targets = Enumerable.Range(1, 4).Select(q => new TargetSetup { Period = $"FY2027-Q{q}", Amount = 700_000_000m }).ToList(),
            },
        };
    }

    /// <summary>The document with the quota of every 100th rep raised by 5,000.</summary>
    static SetupDocument WithQuotaChanges(SetupDocument document)
    {
        var n = 0;
        return document with
        {
            Organisation = new OrganisationSetup
            {
                Regions = document.Organisation.Regions.Select(r => r with
                {
                    Teams = r.Teams.Select(t => t with
                    {
                        Reps = t.Reps.Select(rep => n++ % (Regions * TeamsPerRegion * RepsPerTeam / QuotaChanges) == 0 ? rep with { Quota = rep.Quota + 5_000m } : rep).ToList(),
                    }).ToList(),
                }).ToList(),
            },
        };
    }
}
