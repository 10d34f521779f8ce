using System.Globalization;
using System.Net.Http.Headers;
using System.Text;

namespace Growth.Dashboard.Tests;

/// <summary>
/// The Maven CRM sample, found by walking up from the test binaries to the first folder with
/// shared/datasets/maven-crm, read here with the plainest parsing that works for this file (independently of the
/// import), and the deal figures the snapshot contract defines, computed straight from its rows.
/// </summary>
internal static class ImportSample
{
    public static string Folder => Growth.TestSupport.SharedDatasets.MavenCrm;

    public sealed record Deal(string Id, string Agent, string Product, string Stage, string EngageDate, string CloseDate, string CloseValue)
    {
        public DateTime Engaged => Date(EngageDate);
        public DateTime Closed => Date(CloseDate);
        public decimal Value => decimal.Parse(CloseValue, CultureInfo.InvariantCulture);
        public int DaysToClose => (Closed - Engaged).Days;
        static DateTime Date(string text) => DateTime.ParseExact(text, "M/d/yyyy", CultureInfo.InvariantCulture);
    }

    public sealed record Agent(string Name, string Manager, string Office);

    public static IReadOnlyList<Deal> Deals { get; } = Rows("sales_pipeline.csv")
        .Select(f => new Deal(f[0], f[1], f[2], f[4], f[5], f[6], f[7])).ToArray();

    public static IReadOnlyList<Agent> Agents { get; } = Rows("sales_teams.csv").Select(f => new Agent(f[0], f[1], f[2])).ToArray();

    /// <summary>The file's data rows split on commas (the sample quotes nothing).</summary>
    static IEnumerable<string[]> Rows(string file) =>
        File.ReadAllLines(Path.Combine(Folder, file)).Skip(1).Where(l => l.Length > 0).Select(l => l.Split(','));

    /// <summary>Deal figures as the snapshot contract defines them (average won value in cents).</summary>
    public sealed record Figures(long Won, long Lost, double WinRate, decimal WonValue, decimal AverageWonValue, double AverageDaysToClose)
    {
        public static Figures Of(IReadOnlyCollection<Deal> deals)
        {
            var won = deals.Where(d => d.Stage == "Won").ToArray();
            long lost = deals.Count(d => d.Stage == "Lost");
            var wonValue = won.Sum(d => d.Value);
            return new Figures(won.Length, lost,
                won.Length + lost == 0 ? 0 : (double)won.Length / (won.Length + lost),
                wonValue,
                won.Length == 0 ? 0 : Math.Round(wonValue / won.Length, 2),
                won.Length == 0 ? 0 : (double)won.Sum(d => d.DaysToClose) / won.Length);
        }
    }

    /// <summary>A multipart upload of three CSV texts under the field names the import endpoint expects.</summary>
    public static MultipartFormDataContent Upload(string pipeline, string teams, string products, params (string Field, string Value)[] mapping)
    {
        var form = new MultipartFormDataContent();
        foreach (var (field, text, name) in new[] { ("pipeline", pipeline, "sales_pipeline.csv"), ("teams", teams, "sales_teams.csv"), ("products", products, "products.csv") })
        {
            var file = new ByteArrayContent(Encoding.UTF8.GetBytes(text));
            file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
            form.Add(file, field, name);
        }
        foreach (var (field, value) in mapping) form.Add(new StringContent(value), field);
        return form;
    }

    /// <summary>The Maven files as an upload.</summary>
    public static MultipartFormDataContent MavenUpload() => Upload(
        File.ReadAllText(Path.Combine(Folder, "sales_pipeline.csv")),
        File.ReadAllText(Path.Combine(Folder, "sales_teams.csv")),
        File.ReadAllText(Path.Combine(Folder, "products.csv")));
}
