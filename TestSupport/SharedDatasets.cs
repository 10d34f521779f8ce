namespace Growth.TestSupport;

/// <summary>
/// Data sets in the team's shared/ folder, found by walking up from the test binaries to the first folder that
/// has shared/datasets (beside the repository here and in CI). Linked into every test project that reads them.
/// </summary>
internal static class SharedDatasets
{
    public static string MavenCrm { get; } = Locate(Path.Combine("shared", "datasets", "maven-crm"));

    /// <summary>The repository's own import samples (docs/import-samples: one per CRM preset, made by the project).</summary>
    public static string ImportSamples { get; } = Locate(Path.Combine("docs", "import-samples"));

    static string Locate(string relative)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, relative);
            if (Directory.Exists(candidate)) return candidate;
        }
        throw new DirectoryNotFoundException($"no {relative} above {AppContext.BaseDirectory}");
    }
}
