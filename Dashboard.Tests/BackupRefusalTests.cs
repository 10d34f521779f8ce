using System.Net;

namespace Growth.Dashboard.Tests;

/// <summary>A restore refuses a file that is not a whole backup of this format, says what is wrong, and leaves nothing behind.</summary>
[Collection(DashboardCollection.Name)]
public class BackupRefusalTests(DashboardHost host)
{
    [Fact]
    public async Task A_truncated_damaged_foreign_or_newer_backup_is_refused_with_the_reason_and_leaves_nothing()
    {
        using var exported = await host.Http.GetAsync("/api/admin/workspaces/demo/backup");
        Assert.Equal(HttpStatusCode.OK, exported.StatusCode);
        var backup = await exported.Content.ReadAsByteArrayAsync();
        (string Name, byte[] File, string Reason)[] cases =
        [
            ("truncated", backup[..(backup.Length / 2)], "not a complete zip archive"),
            ("changed", BackupFiles.WithRecordChanged(backup), "records.jsonl: its SHA-256 is"),
            ("newer", BackupFiles.WithManifest(backup, m => m with { FormatVersion = 2 }), "formatVersion is 2; this build reads version 1"),
            ("foreign", BackupFiles.WithManifest(backup, m => m with { Format = "something-else" }), "not a Growth workspace backup"),
            ("recounted", BackupFiles.WithManifest(backup, m => m with { Counts = new(m.Counts) { ["journey"] = m.Counts["journey"] + 1 } }), "journey records, the manifest says"),
            ("json", "{}"u8.ToArray(), "not a complete zip archive"),
            ("empty", [], "the body is empty"),
        ];
        foreach (var (name, file, reason) in cases)
        {
            var workspace = $"restore-{name}";
            using var response = await host.Http.PostAsync($"/api/admin/workspaces/{workspace}/restore", BackupFiles.Zip(file));
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{name}: {(int)response.StatusCode} {body}");
            Assert.Contains(reason, body);
            Assert.Contains("nothing was restored", body);
            await BackupFiles.AssertNothingOfAsync(host, workspace);
        }

        // Nor over an existing workspace, however good the file.
        using var over = await host.Http.PostAsync("/api/admin/workspaces/demo/restore", BackupFiles.Zip(backup));
        Assert.Equal(HttpStatusCode.Conflict, over.StatusCode);
        Assert.Contains("workspace demo already exists", await over.Content.ReadAsStringAsync());
    }
}
