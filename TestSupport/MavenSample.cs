using System.Globalization;

namespace Growth.TestSupport;

/// <summary>
/// The Maven CRM sample, found by walking up from the test binaries to the first folder that has
/// shared/datasets/maven-crm (beside the repository here and in CI), and read a second time, independently of the
/// import, with the plainest parsing that works for this file: so the tests compare the import with the data,
/// not with itself. Linked into the test projects that read the sample.
/// </summary>
internal static class MavenSample
{
    public static string Folder => SharedDatasets.MavenCrm;

    /// <summary>One pipeline row as the file has it.</summary>
    public sealed record Deal(string Id, string Agent, string Product, string Account, string Stage, string EngageDate, string CloseDate, string CloseValue)
    {
        public DateTime Engaged => Date(EngageDate);
        public DateTime Closed => Date(CloseDate);
        public decimal Value => decimal.Parse(CloseValue, CultureInfo.InvariantCulture);
        public int DaysToClose => (Closed - Engaged).Days;
        static DateTime Date(string text) => DateTime.ParseExact(text, "M/d/yyyy", CultureInfo.InvariantCulture);
    }

    public sealed record Agent(string Name, string Manager, string Office);

    public static IReadOnlyList<Deal> Deals { get; } = Rows("sales_pipeline.csv", "opportunity_id,sales_agent,product,account,deal_stage,engage_date,close_date,close_value")
        .Select(f => new Deal(f[0], f[1], f[2], f[3], f[4], f[5], f[6], f[7])).ToArray();

    public static IReadOnlyList<Agent> Agents { get; } = Rows("sales_teams.csv", "sales_agent,manager,regional_office")
        .Select(f => new Agent(f[0], f[1], f[2])).ToArray();

    public static IReadOnlyDictionary<string, decimal> ListPrices { get; } = Rows("products.csv", "product,series,sales_price")
        .ToDictionary(f => f[0], f => decimal.Parse(f[2], CultureInfo.InvariantCulture));

    /// <summary>The file's rows split on commas: the sample quotes nothing, which this checks.</summary>
    static IEnumerable<string[]> Rows(string file, string expectedHeader)
    {
        var lines = File.ReadAllLines(Path.Combine(Folder, file)).Where(l => l.Length > 0).ToArray();
        Assert.Equal(expectedHeader, lines[0].TrimStart('\uFEFF'));
        Assert.DoesNotContain(lines, l => l.Contains('"'));
        var width = expectedHeader.Split(',').Length;
        foreach (var line in lines.Skip(1))
        {
            var fields = line.Split(',');
            Assert.Equal(width, fields.Length);
            yield return fields;
        }
    }
}
