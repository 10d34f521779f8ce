using System.Net.Http.Headers;
using System.Text;
using Growth.TestSupport;

namespace Growth.Dashboard.Tests;

/// <summary>
/// The Maven CRM sample as <see cref="MavenSample"/> reads it (independently of the import), the deal figures the
/// snapshot contract defines, computed straight from its rows, and uploads of it.
/// </summary>
internal static class ImportSample
{
    public static string Folder => MavenSample.Folder;

    public static IReadOnlyList<MavenSample.Deal> Deals => MavenSample.Deals;

    public static IReadOnlyList<MavenSample.Agent> Agents => MavenSample.Agents;

    /// <summary>Deal figures as the snapshot contract defines them (average won value in cents).</summary>
    public sealed record Figures(long Won, long Lost, double WinRate, decimal WonValue, decimal AverageWonValue, double AverageDaysToClose)
    {
        public static Figures Of(IReadOnlyCollection<MavenSample.Deal> deals)
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
