using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Growth.Dashboard.Hosting;

/// <summary>
/// Behind a TLS ingress or reverse proxy: <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c> from a trusted proxy
/// become the request's client address (what the sign-in throttle counts) and scheme (https: cookies get the
/// Secure flag). Trusted: loopback always, plus <c>ForwardedHeaders:KnownProxies</c> (addresses) and
/// <c>ForwardedHeaders:KnownNetworks</c> (CIDR such as 10.0.0.0/8, the pod network in k8s/dashboard.yaml);
/// <c>ForwardedHeaders:ForwardLimit</c> proxies in a row (default 1). Headers from anyone else are ignored.
/// </summary>
public static class ProxySetup
{
    public const string Section = "ForwardedHeaders";

    public static IServiceCollection AddGrowthForwardedHeaders(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(Section);
        var proxies = section.GetSection("KnownProxies").GetChildren().Select(c =>
            IPAddress.TryParse(c.Value, out var ip) ? ip : throw new InvalidOperationException($"{c.Path} must be an IP address (was '{c.Value}')")).ToList();
        var networks = section.GetSection("KnownNetworks").GetChildren().Select(c =>
            System.Net.IPNetwork.TryParse(c.Value ?? "", out var net) ? net : throw new InvalidOperationException($"{c.Path} must be a network such as 10.0.0.0/8 (was '{c.Value}')")).ToList();
        var limit = section["ForwardLimit"] is not { } text ? 1
            : int.TryParse(text, out var n) && n is >= 1 and <= 10 ? n
            : throw new InvalidOperationException($"{Section}:ForwardLimit must be a whole number between 1 and 10 (was '{text}')");
        return services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            o.ForwardLimit = limit;
            foreach (var ip in proxies) o.KnownProxies.Add(ip);
            foreach (var net in networks) o.KnownIPNetworks.Add(net);
        });
    }
}
