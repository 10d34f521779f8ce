using System.Diagnostics.Metrics;
using System.Text.Json;
using System.Text.RegularExpressions;
using Growth.Grains.Runtime;
using Microsoft.Extensions.DependencyInjection;

namespace Growth.Dashboard.Tests;

/// <summary>
/// The observability services of docker/compose.yaml (collector, Prometheus, Grafana) start only with their profile,
/// Prometheus scrapes the ports Growth serves metrics on, and the Grafana dashboard asks only for metrics Growth exports
/// (the names the Prometheus exporter gives Growth's instruments: dots to underscores, the unit, _total for counters).
/// </summary>
public partial class ObservabilityComposeTests
{
    static string Docker(string file) => Path.Combine(DeploymentTests.Repo(), "docker", file);

    [Fact]
    public void The_observability_services_start_only_with_their_profile_and_prometheus_scrapes_growths_metric_ports()
    {
        foreach (var name in new[] { "otel-collector", "prometheus", "grafana" })
            Assert.Equal(["observability"], ((List<object>)DeploymentTests.Service(name)["profiles"]).Cast<string>());
        foreach (var name in new[] { "silo1", "silo2", "dashboard" })
            Assert.False(DeploymentTests.Service(name).ContainsKey("profiles"));
        var prometheus = File.ReadAllText(Docker("prometheus.yml"));
        foreach (var target in new[] { "silo1:8081", "silo2:8081", "dashboard:9464" }) Assert.Contains($"\"{target}\"", prometheus);
        Assert.Equal("9464", DeploymentTests.Environment("dashboard")["Metrics__Port"]);
        foreach (var mounted in new[] { "otel-collector.yaml", "prometheus.yml", "grafana/provisioning/datasources/prometheus.yaml", "grafana/dashboards/growth.json" })
            Assert.True(File.Exists(Docker(mounted)), mounted);
    }

    [Fact]
    public void The_grafana_dashboard_queries_only_metrics_growth_exports()
    {
        var exported = ExportedNames();
        using var dashboard = JsonDocument.Parse(File.ReadAllText(Docker("grafana/dashboards/growth.json")));
        var queries = dashboard.RootElement.GetProperty("panels").EnumerateArray()
            .SelectMany(p => p.GetProperty("targets").EnumerateArray().Select(t => t.GetProperty("expr").GetString()!)).ToList();
        Assert.True(queries.Count >= 4);
        var used = queries.SelectMany(q => MetricName().Matches(q).Select(m => m.Value)).ToHashSet();
        Assert.Equal(exported.Select(e => e.Split('|')[0]).ToHashSet(), used.Select(Family).ToHashSet());
        foreach (var name in used) Assert.True(exported.Any(e => e.Split('|').Contains(name)), $"{name} is not a metric Growth exports ({string.Join(", ", exported)})");
    }

    /// <summary>Each of Growth's instruments as "family|series...": counters end in _total, histograms have _bucket, _sum, _count.</summary>
    static List<string> ExportedNames()
    {
        using var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        List<Instrument> instruments = [];
        using var listener = new MeterListener { InstrumentPublished = (i, _) => { if (i.Meter.Name == GrowthMetrics.MeterName) instruments.Add(i); } };
        listener.Start();
        _ = new GrowthMetrics(services.GetRequiredService<IMeterFactory>());
        return instruments.Select(i =>
        {
            var unit = i.Unit switch { "ms" => "_milliseconds", "s" => "_seconds", _ => "" };
            var family = i.Name.Replace('.', '_') + unit;
            return i switch
            {
                Counter<long> => $"{family}|{family}_total",
                Histogram<double> => $"{family}|{family}_bucket|{family}_sum|{family}_count",
                _ => $"{family}|{family}",
            };
        }).ToList();
    }

    static string Family(string series) => Regex.Replace(series, "_(total|bucket|sum|count)$", "");

    [GeneratedRegex(@"\bgrowth_[a-z_]+")]
    private static partial Regex MetricName();
}
