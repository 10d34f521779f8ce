using System.Text.RegularExpressions;
using System.Xml.Linq;
using Growth.Domain.Journeys;

namespace Growth.Domain.Tests.House;

/// <summary>The rules that keep the tree easy to read and change: checked on the sources, so a change that breaks one fails here.</summary>
public class HouseRulesTests
{
    static readonly string Root = RepositoryRoot();

    [Fact]
    public void The_domain_references_neither_Orleans_nor_ASP_NET_Core()
    {
        var project = XDocument.Load(Path.Combine(Root, "Domain", "Domain.csproj"));
        var references = project.Descendants()
            .Where(e => e.Name.LocalName is "PackageReference" or "FrameworkReference" or "ProjectReference")
            .Select(e => (string?)e.Attribute("Include") ?? "").ToList();
        Assert.DoesNotContain(references, r => Forbidden(r) || r.Contains("Grains") || r.Contains("Hosting"));
        var assemblies = typeof(JourneyState).Assembly.GetReferencedAssemblies().Select(a => a.Name ?? "").ToList();
        Assert.DoesNotContain(assemblies, Forbidden);
        Assert.DoesNotContain(SourceFiles("Domain"), f => Regex.IsMatch(File.ReadAllText(f), @"^using (Orleans|Microsoft\.AspNetCore)\b", RegexOptions.Multiline));
    }

    [Fact]
    public void No_hand_written_source_file_is_over_300_lines()
    {
        var long_ = SourceFiles("").Select(f => (File: Path.GetRelativePath(Root, f), Lines: File.ReadLines(f).Count()))
            .Where(f => f.Lines > 300).ToList();
        Assert.True(long_.Count == 0, "over 300 lines: " + string.Join(", ", long_.Select(f => $"{f.File} ({f.Lines})")));
    }

    [Fact]
    public void Each_file_of_the_grains_project_holds_at_most_one_grain_or_grain_interface()
    {
        var grain = new Regex(@"^public (?:sealed |abstract )?(?:class \w+(?:\([^)]*\))?[^\n]*:\s*Grain\b|interface I\w+\s*:\s*(?:IGrain\w*|IGrainObserver))", RegexOptions.Multiline);
        var crowded = SourceFiles("Grains").Where(f => grain.Matches(File.ReadAllText(f)).Count > 1)
            .Select(f => Path.GetRelativePath(Root, f)).ToList();
        Assert.True(crowded.Count == 0, "more than one grain or grain interface: " + string.Join(", ", crowded));
    }

    static bool Forbidden(string name) => name.StartsWith("Microsoft.Orleans", StringComparison.Ordinal)
        || name.StartsWith("Orleans", StringComparison.Ordinal) || name.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal);

    static IEnumerable<string> SourceFiles(string folder) =>
        new[] { "*.cs", "*.razor" }.SelectMany(pattern => Directory.EnumerateFiles(Path.Combine(Root, folder), pattern, SearchOption.AllDirectories))
            .Where(f => !Regex.IsMatch(f, @"[\\/](bin|obj|node_modules|\.azurite|TestResults)[\\/]"));

    static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Growth.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException($"no Growth.sln above {AppContext.BaseDirectory}");
    }
}
