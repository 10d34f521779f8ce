using Growth.Grains.Hosting;
using YamlDotNet.Core;
using YamlDotNet.Serialization;

namespace Growth.Dashboard.Tests;

/// <summary>
/// No Docker engine runs here, so docker/ is checked by its structure against what the hosts actually read.
/// </summary>
public class DeploymentTests
{
    static string Repo()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Growth.sln"))) return dir.FullName;
        throw new InvalidOperationException("Growth.sln not found above the test binaries");
    }

    static Dictionary<object, object> Compose()
    {
        using var reader = new StringReader(File.ReadAllText(Path.Combine(Repo(), "docker", "compose.yaml")));
        return new DeserializerBuilder().Build().Deserialize<Dictionary<object, object>>(new MergingParser(new Parser(reader)));
    }

    static Dictionary<object, object> Service(string name) =>
        (Dictionary<object, object>)((Dictionary<object, object>)Compose()["services"])[name];

    static Dictionary<string, string> Environment(string service) =>
        ((Dictionary<object, object>)Service(service)["environment"]).ToDictionary(e => (string)e.Key, e => e.Value.ToString()!);

    [Fact]
    public void Compose_has_azurite_two_silos_and_the_dashboard()
    {
        var services = ((Dictionary<object, object>)Compose()["services"]).Keys.Cast<string>().ToList();
        Assert.Equal(["azurite", "silo1", "silo2", "dashboard"], services);
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
        Assert.Contains("FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build", text);
        Assert.Contains("FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS final", text);
        Assert.Contains($"dotnet publish {project}", text);
        Assert.Contains("USER app", text);
        Assert.Contains(entry, text);
        Assert.True(File.Exists(Path.Combine(Repo(), project)), $"{project} does not exist");
    }
}
