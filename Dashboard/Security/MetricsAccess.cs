using System.Globalization;
using Growth.Domain.Access;
using Growth.Hosting;
using Microsoft.AspNetCore.Hosting;

namespace Growth.Dashboard.Security;

/// <summary>
/// <c>/metrics</c> on the web host, which faces the public: with <c>Metrics:Port</c> set (compose and Kubernetes set
/// 9464) it answers only on that port, which the host then also listens on and which no ingress or published port
/// exposes (Prometheus scrapes it inside the cluster network); without it, only to a signed-in administrator. On the
/// public port it answers 401 (not signed in) or 403. The silo's <c>/metrics</c> is on its own internal port (8081).
/// </summary>
public static class MetricsAccess
{
    public const string PortKey = "Metrics:Port";
    public const string AddressKey = "Metrics:Address";

    /// <summary>The management port, or null; a value that is not a port refuses to start, naming the key.</summary>
    public static int? PortOf(IConfiguration configuration) =>
        configuration[PortKey] is not { Length: > 0 } text ? null
        : int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is >= 1 and <= 65535 ? port
        : throw new InvalidOperationException($"{PortKey} must be a port number between 1 and 65535 (was '{text}')");

    /// <summary>
    /// The address the management port listens on: every interface (<c>+</c>) unless <c>Metrics:Address</c> names one,
    /// such as 127.0.0.1 for a Prometheus on the same machine; a value that is not an IP address refuses to start.
    /// </summary>
    public static string AddressOf(IConfiguration configuration) =>
        configuration[AddressKey] is not { Length: > 0 } text ? "+"
        : System.Net.IPAddress.TryParse(text, out var address) ? (address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? $"[{address}]" : address.ToString())
        : throw new InvalidOperationException($"{AddressKey} must be an IP address such as 127.0.0.1 (was '{text}')");

    /// <summary>Listens on the management port too, beside the URLs the host was given (ASPNETCORE_URLS or --urls).</summary>
    public static void AddGrowthMetricsPort(this WebApplicationBuilder builder)
    {
        var address = AddressOf(builder.Configuration);
        if (PortOf(builder.Configuration) is not { } port) return;
        var urls = builder.Configuration[WebHostDefaults.ServerUrlsKey] is { Length: > 0 } given ? given : "http://localhost:5000";
        builder.WebHost.UseUrls([.. urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), $"http://{address}:{port}"]);
    }

    /// <summary>Maps <c>/metrics</c> under its rule: the management port, or administrators.</summary>
    public static void MapGrowthMetrics(this WebApplication app)
    {
        var metrics = app.MapGrowthTelemetry();
        if (PortOf(app.Configuration) is { } port)
            metrics.RequireAuthorization(p => p.RequireAssertion(c => c.Resource is HttpContext http && http.Connection.LocalPort == port));
        else metrics.RequireAuthorization(AreaPolicies.Name(Area.Admin));
    }
}
