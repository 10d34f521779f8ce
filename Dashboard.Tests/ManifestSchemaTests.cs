using System.Diagnostics;

namespace Growth.Dashboard.Tests;

/// <summary>
/// docker/compose.yaml against the Compose Specification's JSON schema and every manifest in k8s/ against the
/// Kubernetes OpenAPI schemas, by tools/schemas/validate.mjs (Ajv; schemas from the npm packages dclint and
/// kubernetes-models, installed by test.sh). Broken copies prove the check refuses with file, line, path and message.
/// </summary>
public class ManifestSchemaTests
{
    static readonly string Repo = DeploymentTests.Repo();

    /// <summary>Runs the validator on the files; its exit code and what it printed.</summary>
    internal static async Task<(int Exit, string Output)> ValidateAsync(params string[] files)
    {
        var tool = Path.Combine(Repo, "tools", "schemas");
        if (!File.Exists(Path.Combine(tool, "node_modules", ".package-lock.json")))
            throw new InvalidOperationException($"{tool}/node_modules is missing: ./test.sh installs it (npm ci --prefix tools/schemas)");
        var start = new ProcessStartInfo("node", [Path.Combine(tool, "validate.mjs"), .. files])
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = Repo,
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        await process.WaitForExitAsync(limit.Token);
        return (process.ExitCode, await output + await error);
    }

    static string[] DeploymentFiles() =>
        [Path.Combine("docker", "compose.yaml"), .. Directory.GetFiles(Path.Combine(Repo, "k8s"), "*.yaml").Order().Select(f => Path.GetRelativePath(Repo, f))];

    /// <summary>A copy of a repository file with text replaced (each replacement must apply), in a fresh folder.</summary>
    static string BrokenCopy(string relative, params (string From, string To)[] changes)
    {
        var text = File.ReadAllText(Path.Combine(Repo, relative));
        foreach (var (from, to) in changes)
        {
            Assert.Contains(from, text);
            text = text.Replace(from, to);
        }
        var folder = Directory.CreateTempSubdirectory("growth-schema-").FullName;
        var copy = Path.Combine(folder, Path.GetFileName(relative));
        File.WriteAllText(copy, text);
        return copy;
    }

    static int LineOf(string file, string text) => Array.FindIndex(File.ReadAllLines(file), l => l.Contains(text)) + 1;

    [Fact]
    public async Task The_compose_file_and_every_kubernetes_manifest_validate_against_their_published_schemas()
    {
        var files = DeploymentFiles();
        Assert.Contains(Path.Combine("k8s", "silo.yaml"), files);
        Assert.Contains(Path.Combine("k8s", "dashboard.yaml"), files);
        var (exit, output) = await ValidateAsync(files);
        Assert.True(exit == 0, output);
        Assert.Contains($"valid: {Path.Combine("docker", "compose.yaml")} (Compose Specification)", output);
        foreach (var manifest in files.Skip(1)) Assert.Contains($"valid: {manifest} (Kubernetes OpenAPI)", output);
    }

    [Fact]
    public async Task A_compose_file_with_an_unknown_key_or_a_wrong_type_is_refused_naming_file_line_path_and_message()
    {
        var copy = BrokenCopy(Path.Combine("docker", "compose.yaml"),
            ("    ports: [\"8080:8080\"]", "    port: [\"8080:8080\"]"),
            ("      interval: 5s", "      interval: [5s]"));
        var (exit, output) = await ValidateAsync(copy);
        Assert.Equal(1, exit);
        Assert.Contains($"{copy}:{LineOf(copy, "port: [\"8080:8080\"]")}: /services/dashboard: must NOT have additional properties (port)", output);
        Assert.Contains($"{copy}:{LineOf(copy, "interval: [5s]")}: /services/azurite/healthcheck/interval: must be string", output);
        Assert.DoesNotContain("valid:", output);
    }

    [Fact]
    public async Task A_kubernetes_manifest_with_a_wrong_type_a_missing_field_or_an_unknown_kind_is_refused_naming_each()
    {
        var copy = BrokenCopy(Path.Combine("k8s", "silo.yaml"),
            ("  replicas: 3", "  replicas: three"),
            ("        - name: silo\n", "        - nam: silo\n"),
            ("apiVersion: policy/v1", "apiVersion: policy/v9"));
        var (exit, output) = await ValidateAsync(copy);
        Assert.Equal(1, exit);
        Assert.Contains($"{copy}:{LineOf(copy, "replicas: three")}: /spec/replicas: Deployment growth-silo: must be integer", output);
        Assert.Contains($"{copy}:{LineOf(copy, "- nam: silo")}: /spec/template/spec/containers/0: Deployment growth-silo: must have required property name", output);
        Assert.Contains($"{copy}:{LineOf(copy, "apiVersion: policy/v9")}: /: no Kubernetes schema for apiVersion 'policy/v9' kind 'PodDisruptionBudget'", output);
    }
}
