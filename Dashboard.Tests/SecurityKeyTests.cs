using System.Net.Http.Json;
using System.Net;
using System.Text.Json;
using Growth.Grains.Figures;
using Growth.Grains.Journeys;
using Growth.Grains.Workspaces;

namespace Growth.Dashboard.Tests;

/// <summary>Ingestion keys as a feed and an administrator use them: created once, scoped to a workspace, revoked at once.</summary>
[Collection(DashboardCollection.Name)]
public class SecurityKeyTests(DashboardHost host)
{
    static object[] Events(string journey) =>
        [new { journeyId = journey, id = $"{journey}:1", kind = "LeadCreated", at = "2026-03-02T09:00:00Z", regionId = "north" }];

    static async Task<JsonElement> Json(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"expected {expected}, got {response.StatusCode}: {body}");
        return body.Length == 0 ? default : JsonDocument.Parse(body).RootElement;
    }

    [Fact]
    public async Task A_key_writes_to_its_workspace_until_revoked_and_not_one_request_after()
    {
        var created = await Json(await host.Admin!.Http.PostAsJsonAsync("/api/admin/keys", new { workspace = "keys-a", label = "crm feed" }), HttpStatusCode.Created);
        var key = created.GetProperty("key").GetString()!;
        var id = created.GetProperty("id").GetString()!;
        Assert.Matches($"^gk_{id}_[A-Za-z0-9_-]{{43}}$", key);
        var feed = host.KeyClient(key);

        await Json(await feed.PostAsJsonAsync("/api/workspaces/keys-a/events", Events("k-1")), HttpStatusCode.OK);
        // The same key as X-Api-Key works too.
        using (var request = new HttpRequestMessage(HttpMethod.Post, "/api/workspaces/keys-a/events") { Content = JsonContent.Create(Events("k-2")) })
        {
            request.Headers.Add("X-Api-Key", key);
            await Json(await host.Anonymous.SendAsync(request), HttpStatusCode.OK);
        }

        // The list shows the key without its secret or hash.
        var listed = await host.Admin.Http.GetStringAsync("/api/admin/keys");
        Assert.Contains(id, listed);
        Assert.DoesNotContain(key.Split('_', 3)[2], listed);
        Assert.DoesNotContain("secretHash", listed, StringComparison.OrdinalIgnoreCase);

        var revoked = await Json(await host.Admin.Http.DeleteAsync($"/api/admin/keys/{id}"), HttpStatusCode.OK);
        Assert.NotEqual(JsonValueKind.Null, revoked.GetProperty("revoked").ValueKind);
        var refused = await feed.PostAsJsonAsync("/api/workspaces/keys-a/events", Events("k-3"));
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Contains("Bearer", refused.Headers.WwwAuthenticate.ToString());
        Assert.Null(await host.Grains.GetGrain<IJourneyGrain>(Keys.Of("keys-a", "k-3")).GetAsync());
    }

    [Fact]
    public async Task A_key_of_another_workspace_is_forbidden_and_no_key_or_a_forged_one_is_unauthorized()
    {
        var key = await host.CreateKeyAsync("keys-b");
        Assert.Equal(HttpStatusCode.Forbidden, (await host.KeyClient(key).PostAsJsonAsync("/api/workspaces/keys-c/events", Events("x-1"))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.Anonymous.PostAsJsonAsync("/api/workspaces/keys-b/events", Events("x-2"))).StatusCode);
        // A signed-in administrator without a key cannot post either: writes need a key.
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.Admin!.Http.PostAsJsonAsync("/api/workspaces/keys-b/events", Events("x-3"))).StatusCode);
        var forged = key[..^4] + (key.EndsWith("AAAA", StringComparison.Ordinal) ? "BBBB" : "AAAA");
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.KeyClient(forged).PostAsJsonAsync("/api/workspaces/keys-b/events", Events("x-4"))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.KeyClient("not-a-key").PostAsJsonAsync("/api/workspaces/keys-b/events", Events("x-5"))).StatusCode);
        Assert.Null(await host.Grains.GetGrain<IJourneyGrain>(Keys.Of("keys-c", "x-1")).GetAsync());
    }

    [Fact]
    public async Task The_import_api_needs_the_workspace_s_key()
    {
        var upload = ImportSample.MavenUpload();
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.Admin!.Http.PostAsync("/api/workspaces/keys-import/imports", upload)).StatusCode);
        var wrong = host.KeyClient(await host.CreateKeyAsync("keys-elsewhere"));
        Assert.Equal(HttpStatusCode.Forbidden, (await wrong.PostAsync("/api/workspaces/keys-import/imports", ImportSample.MavenUpload())).StatusCode);
        Assert.Null(await host.Grains.GetGrain<IWorkspaceStatisticsGrain>("keys-import").GetSnapshotAsync());
    }

    [Fact]
    public async Task Only_an_administrator_creates_or_revokes_keys()
    {
        var leader = await host.SignInAsAsync("keys-d:Leadership");
        Assert.Equal(HttpStatusCode.Forbidden, (await leader.Http.PostAsJsonAsync("/api/admin/keys", new { workspace = "keys-d" })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.Anonymous.PostAsJsonAsync("/api/admin/keys", new { workspace = "keys-d" })).StatusCode);
        var key = await host.CreateKeyAsync("keys-d");
        var id = key.Split('_')[1];
        Assert.Equal(HttpStatusCode.Forbidden, (await leader.Http.DeleteAsync($"/api/admin/keys/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await host.KeyClient(key).PostAsJsonAsync("/api/workspaces/keys-d/events", Events("d-1"))).StatusCode);
    }
}
