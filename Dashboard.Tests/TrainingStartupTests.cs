using Growth.Domain.Training;

namespace Growth.Dashboard.Tests;

/// <summary>The host refuses to start with an invalid scenario file, naming the file and the field.</summary>
public class TrainingStartupTests
{
    [Fact]
    public void An_invalid_scenario_file_stops_the_start_naming_the_file_and_the_field()
    {
        var folder = Directory.CreateTempSubdirectory("growth-training-startup-").FullName;
        try
        {
            var shipped = Path.Combine(AppContext.BaseDirectory, "Training", "Scenarios");
            foreach (var file in Directory.GetFiles(shipped, "*.json")) File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
            var broken = Path.Combine(folder, "home-solar.json");
            File.WriteAllText(broken, File.ReadAllText(broken).Replace("\"listPrice\": 9800", "\"listPrice\": 0"));

            var e = Assert.Throws<TrainingScenarioException>(() => DashboardApp.Build(["--Training:Scenarios", folder, "--Demo:Enabled=false"]));
            Assert.Equal("home-solar.json", e.File);
            Assert.Equal("listPrice", e.Field);
            Assert.Equal("training scenario home-solar.json: listPrice: must be positive (was 0)", e.Message);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
