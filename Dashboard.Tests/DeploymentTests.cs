using Growth.Hosting;
using YamlDotNet.Core;
using YamlDotNet.Serialization;

namespace Growth.Dashboard.Tests;

/// <summary>
/// No Docker engine runs here, so docker/ is checked by its structure against what the hosts actually read.
/// </summary>
public class DeploymentTests
{
    internal static string Repo()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Growth.sln"))) return dir.FullName;
        throw new InvalidOperationException("Growth.sln not found above the test binaries");
    }

    internal static Dictionary<object, object> Compose()
    {
        using var reader = new StringReader(File.ReadAllText(Path.Combine(Repo(), "docker", "compose.yaml")));
        return new DeserializerBuilder().Build().Deserialize<Dictionary<object, object>>(new MergingParser(new Parser(reader)));
    }

    internal static Dictionary<object, object> Service(string name) =>
        (Dictionary<object, object>)((Dictionary<object, object>)Compose()["services"])[name];

    internal static Dictionary<string, string> Environment(string service) =>
        ((Dictionary<object, object>)Service(service)["environment"]).ToDictionary(e => (string)e.Key, e => e.Value.ToString()!);

    [Fact]
    public void Compose_has_azurite_two_silos_and_the_dashboard()
    {
        var services = ((Dictionary<object, object>)Compose()["services"]).Keys.Cast<string>().ToList();
        Assert.Equal(["azurite", "silo1", "silo2", "dashboard", "otel-collector", "prometheus", "grafana"], services);
        Assert.Contains("8080:8080", ((List<object>)Service("dashboard")["ports"]).Cast<string>());
        Assert.Contains("10002:10002", ((List<object>)Service("azurite")["ports"]).Cast<string>());
    }

    [Theory]
    [InlineData("silo1")]
    [InlineData("silo2")]
    [InlineData("dashboard")]
    public void Every_environment_key_is_one_the_hosts_read_and_selects_durable_storage(string service)
    {
        var environment = Environment(service);
        foreach (var key in environment.Keys)
            Assert.Contains(key.Replace("__", ":"), GrowthHostingOptions.Keys);
        Assert.Equal("AzureTable", environment["Storage__Kind"]);
        Assert.Equal("AzureTable", environment["Clustering__Kind"]);
        Assert.Contains("TableEndpoint=http://azurite:10002/", environment["Storage__ConnectionString"]);
        if (service == "dashboard") Assert.Equal("Client", environment["Cluster__Mode"]);
        else Assert.Equal("30000", environment["Orleans__GatewayPort"]);
    }

    [Theory]
    [InlineData("Dockerfile.silo", "Silo/Silo.csproj", "Growth.Silo.dll")]
    [InlineData("Dockerfile.dashboard", "Dashboard/Dashboard.csproj", "Growth.Dashboard.dll")]
    public void Dockerfiles_build_with_the_net10_sdk_and_run_as_a_non_root_user(string file, string project, string entry)
    {
        var text = File.ReadAllText(Path.Combine(Repo(), "docker", file));
        Assert.Contains("FROM mcr.microsoft.com/dotnet/sdk:10.0.", text);
        Assert.Contains("FROM mcr.microsoft.com/dotnet/aspnet:10.0.", text);
        Assert.Contains($"dotnet publish {project}", text);
        Assert.Contains("USER app", text);
        Assert.Contains(entry, text);
        Assert.True(File.Exists(Path.Combine(Repo(), project)), $"{project} does not exist");
    }

    [Fact]
    public void The_dashboard_image_keeps_a_pooled_send_buffer_per_live_viewer_for_thousands_of_them()
    {
        var lines = File.ReadAllLines(Path.Combine(Repo(), "docker", "Dockerfile.dashboard"));
        const string cap = "ENV DOTNET_SYSTEM_BUFFERS_SHAREDARRAYPOOL_MAXARRAYSPERPARTITION=";
        var line = Assert.Single(lines, l => l.StartsWith(cap));
        // 5,000 viewers on a 2-core node have about 2,500 WebSocket sends in flight per core (README, fan-out full size).
        Assert.True(int.Parse(line[cap.Length..]) >= 2_500, $"{line}: fewer pooled buffers than 5,000 viewers on 2 cores need");
        Assert.True(Array.IndexOf(lines, line) < Array.FindIndex(lines, l => l.StartsWith("ENTRYPOINT")), "the cap must be set before the app starts");
    }

    internal static List<Dictionary<object, object>> Manifests(string file)
    {
        using var reader = new StringReader(File.ReadAllText(Path.Combine(Repo(), "k8s", file)));
        var parser = new Parser(reader);
        var deserializer = new DeserializerBuilder().Build();
        var documents = new List<Dictionary<object, object>>();
        parser.Consume<YamlDotNet.Core.Events.StreamStart>();
        while (parser.Accept<YamlDotNet.Core.Events.DocumentStart>(out _))
            documents.Add(deserializer.Deserialize<Dictionary<object, object>>(parser));
        return documents;
    }

    internal static Dictionary<object, object> Container(Dictionary<object, object> deployment) =>
        (Dictionary<object, object>)((List<object>)((Dictionary<object, object>)((Dictionary<object, object>)((Dictionary<object, object>)deployment["spec"])["template"])["spec"])["containers"])[0];

    internal static Dictionary<string, Dictionary<object, object>> Env(Dictionary<object, object> container) =>
        ((List<object>)container["env"]).Cast<Dictionary<object, object>>().ToDictionary(e => (string)e["name"], e => e);

    [Fact]
    public void Kubernetes_silos_use_pod_based_hosting_with_the_labels_and_pod_fields_it_needs()
    {
        var docs = Manifests("silo.yaml");
        Assert.Equal(["ServiceAccount", "Role", "RoleBinding", "Deployment", "PodDisruptionBudget"], docs.Select(d => (string)d["kind"]));
        var deployment = docs.Single(d => (string)d["kind"] == "Deployment");
        var labels = (Dictionary<object, object>)((Dictionary<object, object>)((Dictionary<object, object>)((Dictionary<object, object>)deployment["spec"])["template"])["metadata"])["labels"];
        Assert.Equal("growth", labels["orleans/serviceId"]);
        Assert.Equal("growth", labels["orleans/clusterId"]);
        var env = Env(Container(deployment));
        foreach (var pod in new[] { "POD_NAME", "POD_NAMESPACE", "POD_IP", "ORLEANS_SERVICE_ID", "ORLEANS_CLUSTER_ID" }) Assert.True(env.ContainsKey(pod), $"{pod} missing");
        Assert.Equal("true", env["Orleans__Kubernetes"]["value"]);
        Assert.Equal("AzureTable", env["Clustering__Kind"]["value"]);
        foreach (var key in env.Keys.Where(k => k.Contains("__"))) Assert.Contains(key.Replace("__", ":"), GrowthHostingOptions.Keys);
        var rules = (List<object>)docs.Single(d => (string)d["kind"] == "Role")["rules"];
        Assert.Contains("pods", ((List<object>)((Dictionary<object, object>)rules[0])["resources"]).Cast<string>());
    }

    [Fact]
    public void The_kubernetes_dashboard_is_a_client_probed_on_the_health_endpoints()
    {
        var docs = Manifests("dashboard.yaml");
        var container = Container(docs.Single(d => (string)d["kind"] == "Deployment"));
        var env = Env(container);
        Assert.Equal("Client", env["Cluster__Mode"]["value"]);
        foreach (var key in env.Keys) Assert.Contains(key.Replace("__", ":"), GrowthHostingOptions.Keys);
        Assert.Equal("/health/ready", ((Dictionary<object, object>)((Dictionary<object, object>)container["readinessProbe"])["httpGet"])["path"]);
        Assert.Equal("/health/live", ((Dictionary<object, object>)((Dictionary<object, object>)container["livenessProbe"])["httpGet"])["path"]);
    }
}
