using Bogus;

namespace Growth.Domain.Simulation;

/// <summary>
/// The human face of a simulated customer, derived from its seed on demand so it costs no memory: in English, or in
/// Chinese (Bogus's zh_CN locale) for a workspace whose culture is Chinese. The same seed and locale give the same face.
/// </summary>
public sealed record PersonaNames(string Company, string Contact, string Role, string City)
{
    /// <summary>Bogus's English locale: the default.</summary>
    public const string EnglishLocale = "en";
    /// <summary>Bogus's Simplified Chinese locale.</summary>
    public const string ChineseLocale = "zh_CN";

    public static PersonaNames For(ulong seed) => For(seed, EnglishLocale);

    public static PersonaNames For(ulong seed, string locale)
    {
        if (locale == ChineseLocale) return Chinese(seed);
        var f = new Faker("en") { Random = new Randomizer((int)(seed % int.MaxValue)) };
        return new PersonaNames(f.Company.CompanyName(), f.Name.FullName(), f.Name.JobTitle(), f.Address.City());
    }

    /// <summary>
    /// The locale a workspace's faces are drawn in from its culture (the setup's currency culture, such as "zh-CN"): any
    /// Chinese culture ("zh", "zh-CN", "zh-Hans-CN", "zh-TW") gives <see cref="ChineseLocale"/>, anything else (or none) English.
    /// </summary>
    public static string LocaleOf(string? culture) =>
        culture is { } c && (c.Equals("zh", StringComparison.OrdinalIgnoreCase) || c.StartsWith("zh-", StringComparison.OrdinalIgnoreCase))
            ? ChineseLocale : EnglishLocale;

    /// <summary>
    /// Draws the contact and company of faces in one locale with one Bogus faker, reseeded per face: the same names as
    /// <see cref="For(ulong, string)"/> without building a faker for each (a shard drawing its customers' names when it
    /// hands rows out). Not for use by two threads at once: one per shard activation.
    /// </summary>
    public sealed class Drawer(string locale)
    {
        readonly Faker faker = new(locale == ChineseLocale ? ChineseLocale : EnglishLocale);

        public string Locale => locale;

        public (string Contact, string Company) Names(ulong seed)
        {
            faker.Random = new Randomizer((int)(seed % int.MaxValue));
            if (locale != ChineseLocale)
            {
                // The order For draws in: the company, then the contact.
                var company = faker.Company.CompanyName();
                return (faker.Name.FullName(), company);
            }
            var contact = faker.Name.LastName() + faker.Name.FirstName();
            faker.Address.City();
            return (contact, faker.PickRandom(Brands) + faker.PickRandom(CompanyKinds));
        }
    }

    // Bogus's Chinese locale has names and cities but no companies or job titles: those are drawn from these (assumed,
    // written for training: common company-name words and the titles of people who buy for a small or mid-sized firm).
    static readonly string[] Brands = ["华信", "恒通", "鼎盛", "启航", "宏达", "金石", "远景", "嘉禾", "瑞丰", "博源", "新锐", "安泰"];
    static readonly string[] CompanyKinds = ["科技有限公司", "实业有限公司", "商贸有限公司", "信息技术有限公司", "服务有限公司"];
    static readonly string[] JobTitles = ["总经理", "运营总监", "采购经理", "行政主管", "业务负责人", "副总经理", "IT 主管", "财务经理"];

    /// <summary>A Chinese face: family name first, no space (as Chinese names are written), a Chinese city and firm.</summary>
    static PersonaNames Chinese(ulong seed)
    {
        var f = new Faker("zh_CN") { Random = new Randomizer((int)(seed % int.MaxValue)) };
        var contact = f.Name.LastName() + f.Name.FirstName();
        var city = f.Address.City();
        var company = f.PickRandom(Brands) + f.PickRandom(CompanyKinds);
        return new PersonaNames(company, contact, f.PickRandom(JobTitles), city);
    }
}
