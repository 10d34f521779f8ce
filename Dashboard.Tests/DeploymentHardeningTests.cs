using YamlDotNet.Core;
using YamlDotNet.Serialization;
using static Growth.Dashboard.Tests.DeploymentTests;

namespace Growth.Dashboard.Tests;

/// <summary>
/// The operator's checklist, read from docker/ and k8s/ by structure (no Docker engine or cluster runs here):
/// each assertion is a fault that once shipped (curl in images without curl, no restart policy or start order,
/// :latest, no limits, no security context, no startup probe or disruption budget, a shared key ring and affinity
/// for the two dashboard replicas, a grace period shorter than the silo's shutdown timeout).
/// </summary>
public class DeploymentHardeningTests
{
    static Dictionary<object, object> Map(object value) => (Dictionary<object, object>)value;
    static List<object> List(object value) => (List<object>)value;
    static Dictionary<object, object> At(Dictionary<object, object> map, params string[] path) => path.Aggregate(map, (m, key) => Map(m[key]));

    [Theory]
    [InlineData("silo1", "Growth.Silo.dll")]
    [InlineData("silo2", "Growth.Silo.dll")]
    [InlineData("dashboard", "Growth.Dashboard.dll")]
    public void Compose_services_check_health_without_curl_restart_start_in_order_and_are_limited(string name, string entry)
    {
        var service = Service(name);
        var test = List(Map(service["healthcheck"])["test"]).Cast<string>().ToList();
        Assert.Equal(["CMD", "dotnet", entry, "healthcheck"], test);
        Assert.Equal("unless-stopped", service["restart"]);
        var dependsOn = Map(service["depends_on"]);
        Assert.NotEmpty(dependsOn);
        foreach (var dependency in dependsOn.Values) Assert.Equal("service_healthy", Map(dependency)["condition"]);
        var limits = At(service, "deploy", "resources", "limits");
        Assert.True(limits.ContainsKey("cpus") && limits.ContainsKey("memory"), $"{name} has no cpu and memory limits");
        Assert.Matches(@":\d+\.\d+\.\d+$", (string)service["image"]);
    }

    [Fact]
    public void No_compose_image_is_latest_or_untagged_and_no_health_check_calls_curl()
    {
        var services = Map(Compose()["services"]);
        foreach (var (name, value) in services)
        {
            var service = Map(value);
            Assert.Matches(@":v?\d+\.\d+\.\d+$", (string)service["image"]);   // Prometheus tags its images v3.1.0
            Assert.Equal("unless-stopped", service["restart"]);
            Assert.DoesNotContain("curl", string.Join(' ', List(Map(service["healthcheck"])["test"]).Cast<string>()));
        }
        // The silos get longer to stop than their shutdown timeout.
        var silo = Service("silo1");
        Assert.True(Seconds((string)silo["stop_grace_period"]) > int.Parse(Environment("silo1")["Growth__ShutdownTimeoutSeconds"]));
    }

    static int Seconds(string duration) => int.Parse(duration.TrimEnd('s'));

    [Theory]
    [InlineData("Dockerfile.silo", "Silo/Silo.csproj", "Growth.Silo.dll")]
    [InlineData("Dockerfile.dashboard", "Dashboard/Dashboard.csproj", "Growth.Dashboard.dll")]
    public void Dockerfiles_pin_their_images_restore_in_a_layer_of_their_own_and_check_health_without_curl(string file, string project, string entry)
    {
        var lines = File.ReadAllLines(Path.Combine(Repo(), "docker", file));
        foreach (var from in lines.Where(l => l.StartsWith("FROM "))) Assert.Matches(@"^FROM \S+:\d+\.\d+\.\d+ AS \w+$", from);
        var restore = Array.FindIndex(lines, l => l.StartsWith($"RUN dotnet restore {project}"));
        var copyAll = Array.FindIndex(lines, l => l == "COPY . .");
        Assert.True(restore > 0 && copyAll > restore, "restore must run before the sources are copied");
        var copiedFirst = lines[..restore].Where(l => l.StartsWith("COPY ")).SelectMany(l => l.Split(' ')[1..^1]).ToHashSet();
        Assert.Contains("Directory.Packages.props", copiedFirst);
        Assert.Contains("Directory.Build.props", copiedFirst);
        foreach (var needed in ProjectClosure(project)) Assert.Contains(needed, copiedFirst);
        Assert.Contains(lines, l => l.StartsWith("RUN dotnet publish") && l.Contains("--no-restore"));
        Assert.Contains(lines, l => l.StartsWith("HEALTHCHECK") && l.Contains($"\"dotnet\", \"{entry}\", \"healthcheck\""));
        Assert.DoesNotContain(lines, l => !l.StartsWith('#') && l.Contains("curl"));
    }

    /// <summary>The project and every project it references, transitively (paths from the repository root).</summary>
    static IEnumerable<string> ProjectClosure(string project)
    {
        var seen = new HashSet<string>();
        var queue = new Queue<string>([project]);
        while (queue.TryDequeue(out var next))
        {
            if (!seen.Add(next)) continue;
            var folder = Path.GetDirectoryName(next)!;
            foreach (var reference in System.Xml.Linq.XDocument.Load(Path.Combine(Repo(), next)).Descendants("ProjectReference"))
                queue.Enqueue(Path.GetRelativePath(Repo(), Path.GetFullPath(Path.Combine(Repo(), folder, reference.Attribute("Include")!.Value.Replace('\\', '/')))).Replace('\\', '/'));
        }
        return seen;
    }

    [Fact]
    public void The_build_context_leaves_out_build_output_test_results_azurite_and_git()
    {
        var ignored = File.ReadAllLines(Path.Combine(Repo(), ".dockerignore")).Where(l => l.Length > 0 && !l.StartsWith('#')).ToHashSet();
        foreach (var entry in new[] { "**/bin/", "**/obj/", ".azurite/", "**/node_modules/", "TestResults/", "results/", ".git/" }) Assert.Contains(entry, ignored);
    }

    [Theory]
    [InlineData("silo.yaml", "growth-silo")]
    [InlineData("dashboard.yaml", "growth-dashboard")]
    public void Kubernetes_pods_are_limited_locked_down_probed_at_start_and_kept_through_disruptions(string file, string app)
    {
        var docs = Manifests(file);
        var deployment = docs.Single(d => (string)d["kind"] == "Deployment");
        var pod = At(deployment, "spec", "template", "spec");
        Assert.Equal("true", At(pod, "securityContext")["runAsNonRoot"]);
        var container = Container(deployment);
        Assert.Matches(@":\d+\.\d+\.\d+$", (string)container["image"]);
        var security = Map(container["securityContext"]);
        Assert.Equal("true", security["readOnlyRootFilesystem"]);
        Assert.Equal("false", security["allowPrivilegeEscalation"]);
        Assert.Equal(["ALL"], List(Map(security["capabilities"])["drop"]).Cast<string>());
        foreach (var kind in new[] { "requests", "limits" })
        {
            var resources = At(container, "resources", kind);
            Assert.True(resources.ContainsKey("cpu") && resources.ContainsKey("memory"), $"{file}: no {kind}");
        }
        Assert.Equal("/health/live", At(container, "startupProbe", "httpGet")["path"]);
        var budget = docs.Single(d => (string)d["kind"] == "PodDisruptionBudget");
        Assert.Equal(app, At(budget, "spec", "selector", "matchLabels")["app"]);
        // The read-only root leaves /tmp writable for .NET.
        Assert.Contains(List(container["volumeMounts"]).Cast<Dictionary<object, object>>(), m => (string)m["mountPath"] == "/tmp");
    }

    [Fact]
    public void Kubernetes_silos_get_longer_to_stop_than_their_shutdown_timeout()
    {
        var deployment = Manifests("silo.yaml").Single(d => (string)d["kind"] == "Deployment");
        var grace = int.Parse((string)At(deployment, "spec", "template", "spec")["terminationGracePeriodSeconds"]);
        var timeout = int.Parse((string)Env(Container(deployment))["Growth__ShutdownTimeoutSeconds"]["value"]);
        Assert.True(timeout >= 30 && grace > timeout, $"shutdown timeout {timeout} s, grace period {grace} s");
    }

    [Fact]
    public void The_two_dashboard_replicas_keep_a_browser_on_one_pod_and_trust_the_ingress_forwarded_headers()
    {
        var docs = Manifests("dashboard.yaml");
        Assert.Equal(2, int.Parse((string)At(docs.Single(d => (string)d["kind"] == "Deployment"), "spec")["replicas"]));
        Assert.Equal("ClientIP", At(docs.Single(d => (string)d["kind"] == "Service"), "spec")["sessionAffinity"]);
        var annotations = At(docs.Single(d => (string)d["kind"] == "Ingress"), "metadata", "annotations");
        Assert.Equal("cookie", annotations["nginx.ingress.kubernetes.io/affinity"]);
        var env = Env(Container(docs.Single(d => (string)d["kind"] == "Deployment")));
        Assert.True(System.Net.IPNetwork.TryParse((string)env["ForwardedHeaders__KnownNetworks__0"]["value"], out _));
        // The shared key ring lives in table storage: the replicas must store there.
        Assert.Equal("AzureTable", env["Storage__Kind"]["value"]);
    }
}
