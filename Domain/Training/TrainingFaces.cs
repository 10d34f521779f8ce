using Bogus;
using Growth.Domain.Simulation;

namespace Growth.Domain.Training;

/// <summary>Generated names for a training customer (Bogus, through <see cref="PersonaNames"/>), from the persona's seed.</summary>
public static class TrainingFacesFactory
{
    public static TrainingFaces For(TrainingScenario scenario, ulong seed)
    {
        if (scenario.Language == TrainingLanguages.Chinese) return Chinese(TrainingPersonas.PersonaSeed(scenario, seed));
        var names = PersonaNames.For(TrainingPersonas.PersonaSeed(scenario, seed));
        return new TrainingFaces(names.Company, names.Contact, names.Role, names.City);
    }

    /// <summary>The persona of a scenario, difficulty and seed: the same customer every time.</summary>
    public static TrainingPersona Persona(TrainingScenario scenario, TrainingDifficulty difficulty, ulong seed) =>
        TrainingPersonas.Draw(scenario, difficulty, seed, For(scenario, seed));

    // Bogus's Chinese locale has names and cities but no companies or job titles: those are drawn from these (assumed,
    // written for training: common company-name words and the titles of people who buy for a small or mid-sized firm).
    static readonly string[] Brands = ["华信", "恒通", "鼎盛", "启航", "宏达", "金石", "远景", "嘉禾", "瑞丰", "博源", "新锐", "安泰"];
    static readonly string[] CompanyKinds = ["科技有限公司", "实业有限公司", "商贸有限公司", "信息技术有限公司", "服务有限公司"];
    static readonly string[] JobTitles = ["总经理", "运营总监", "采购经理", "行政主管", "业务负责人", "副总经理", "IT 主管", "财务经理"];

    /// <summary>A Chinese face: family name first, no space (as Chinese names are written), a Chinese city and firm.</summary>
    static TrainingFaces Chinese(ulong seed)
    {
        var f = new Faker("zh_CN") { Random = new Randomizer((int)(seed % int.MaxValue)) };
        var contact = f.Name.LastName() + f.Name.FirstName();
        var city = f.Address.City();
        var company = f.PickRandom(Brands) + f.PickRandom(CompanyKinds);
        return new TrainingFaces(company, contact, f.PickRandom(JobTitles), city);
    }
}
