using System.Globalization;

namespace Growth.Hosting;

/// <summary>
/// <c>dotnet Growth.Silo.dll healthcheck</c> (or Growth.Dashboard.dll): the container health check. The ASP.NET
/// runtime images ship no curl or wget, so the app itself asks its own <c>/health/ready</c> on the first address of
/// <c>ASPNETCORE_URLS</c> (or <c>ASPNETCORE_HTTP_PORTS</c>) and exits 0 when it answers 2xx within 5 s, 1 otherwise.
/// A second argument picks another path (e.g. <c>/health/live</c>).
/// </summary>
public static class HealthCommand
{
    public const string Name = "healthcheck";

    /// <summary>How long the check waits for an answer: 5 s (assumed; compose's timeout is longer).</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    public static async Task<int> RunAsync(string[] args, TextWriter output, string fallbackUrl)
    {
        var path = args.Length > 1 ? args[1] : "/health/ready";
        var target = new Uri(new Uri(Local(fallbackUrl)), path);
        try
        {
            using var http = new HttpClient { Timeout = Timeout };
            using var response = await http.GetAsync(target);
            await output.WriteLineAsync($"{target}: {(int)response.StatusCode}");
            return response.IsSuccessStatusCode ? 0 : 1;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            await output.WriteLineAsync($"{target}: {e.Message}");
            return 1;
        }
    }

    /// <summary>The host's own address as seen from inside it: the wildcard hosts (+, *, 0.0.0.0, [::]) become 127.0.0.1.</summary>
    public static string Local(string fallbackUrl)
    {
        var urls = Environment.GetEnvironmentVariable("ASPNETCORE_URLS");
        var ports = Environment.GetEnvironmentVariable("ASPNETCORE_HTTP_PORTS");
        var first = !string.IsNullOrWhiteSpace(urls) ? urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)[0]
            : !string.IsNullOrWhiteSpace(ports) ? $"http://+:{ports.Split(';', ',')[0].Trim()}"
            : fallbackUrl;
        var scheme = first.Split("://", 2);
        var rest = scheme.Length == 2 ? scheme[1] : first;
        var port = rest.LastIndexOf(':') is var colon and > 0 && int.TryParse(rest[(colon + 1)..].TrimEnd('/'), NumberStyles.None, CultureInfo.InvariantCulture, out var p) ? p : 80;
        return $"{(scheme.Length == 2 ? scheme[0] : "http")}://127.0.0.1:{port}/";
    }
}
