using System.Net;
using System.Text.Json;

namespace Growth.Dashboard.Tests;

/// <summary>The import API as the import tests call it.</summary>
internal static class ImportPosts
{
    /// <summary>Posts an import, checks the answer's status (showing its body when it differs) and returns its JSON.</summary>
    public static async Task<JsonElement> PostAsync(HttpClient http, string workspace, MultipartFormDataContent upload, HttpStatusCode expected)
    {
        var response = await http.PostAsync($"/api/workspaces/{workspace}/imports", upload);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"expected {expected}, got {response.StatusCode}: {body[..Math.Min(body.Length, 2000)]}");
        return JsonDocument.Parse(body).RootElement;
    }
}
