using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Growth.Hosting;

/// <summary>What both web hosts set the same way: where they listen by default and how long a stop may take.</summary>
public static class GrowthHostDefaults
{
    /// <summary>Configuration key of the shutdown timeout, in seconds (environment variable <c>Growth__ShutdownTimeoutSeconds</c>).</summary>
    public const string ShutdownTimeoutKey = "Growth:ShutdownTimeoutSeconds";

    /// <summary>
    /// The standalone silo's default shutdown timeout: 30 s, long enough for a silo to hand its grains over and
    /// leave the membership table during a rolling update (assumed from Orleans' default deactivation timeout of
    /// 30 s; Kubernetes' terminationGracePeriodSeconds in k8s/silo.yaml is longer).
    /// </summary>
    public static readonly TimeSpan SiloShutdownTimeout = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The web host's default shutdown timeout: 5 s (an open browser circuit otherwise holds a stop for the whole
    /// timeout; the embedded silo's in-memory state is lost on stop anyway). Assumed.
    /// </summary>
    public static readonly TimeSpan WebShutdownTimeout = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Sets <see cref="HostOptions.ShutdownTimeout"/> from <see cref="ShutdownTimeoutKey"/> (1 to 600 s) or the given
    /// default; a wrong value refuses to start, naming the key.
    /// </summary>
    public static IServiceCollection AddGrowthShutdownTimeout(this IServiceCollection services, IConfiguration configuration, TimeSpan fallback)
    {
        var timeout = configuration[ShutdownTimeoutKey] is not { } text ? fallback
            : double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds is >= 1 and <= 600 ? TimeSpan.FromSeconds(seconds)
            : throw new InvalidOperationException($"{ShutdownTimeoutKey} must be a number of seconds between 1 and 600 (was '{text}')");
        return services.Configure<HostOptions>(o => o.ShutdownTimeout = timeout);
    }

    /// <summary>
    /// Listens on <paramref name="url"/> unless the operator named addresses (<c>ASPNETCORE_URLS</c>, <c>--urls</c>,
    /// <c>ASPNETCORE_HTTP_PORTS</c>): a default that yields, never an appsettings <c>Urls</c> that would override the
    /// container's <c>ASPNETCORE_URLS=http://+:8081</c> and leave the probes knocking on loopback.
    /// </summary>
    public static WebApplicationBuilder ListenByDefaultOn(this WebApplicationBuilder builder, string url)
    {
        var named = new[] { "urls", "http_ports", "https_ports" }.Any(k => !string.IsNullOrWhiteSpace(builder.Configuration[k]));
        if (!named) builder.WebHost.UseUrls(url);
        return builder;
    }
}
