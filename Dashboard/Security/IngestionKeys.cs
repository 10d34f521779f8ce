using System.Security.Cryptography;
using System.Text;
using Growth.Domain.Access;
using Growth.Domain.Workspaces;
using Growth.Grains.Access;
using Growth.Grains.Errors;
using Growth.Grains.Workspaces;

namespace Growth.Dashboard.Security;

/// <summary>A key as created: the whole key is in <see cref="Key"/>, shown this once and never stored.</summary>
public sealed record CreatedIngestionKey(string Id, string Workspace, string Label, string Key);

/// <summary>
/// Ingestion keys: <c>gk_{id}_{secret}</c>, a 12-hex-digit id and 256 random bits. Only the SHA-256 of the secret
/// is stored (a random 256-bit secret needs no slow hash). Every request checks the key's grain, so a revocation
/// holds from the next request on, on every host.
/// </summary>
public sealed class IngestionKeys(IGrainFactory grains, TimeProvider clock)
{
    public const string Prefix = "gk_";

    public async Task<CreatedIngestionKey> CreateAsync(string workspace, string? label, string createdBy)
    {
        if (!Keys.IsValidWorkspace(workspace)) throw new DomainException(Names.InvalidWorkspace(workspace));
        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));
        var secret = Base64Url(RandomNumberGenerator.GetBytes(32));
        var record = new IngestionKeyRecord
        {
            Id = id, Workspace = workspace, Label = (label ?? "").Trim(), SecretHash = Hash(secret),
            Created = clock.GetUtcNow(), CreatedBy = createdBy,
        };
        await grains.GetGrain<IIngestionKeyDirectoryGrain>(0).CreateAsync(record);
        return new CreatedIngestionKey(id, workspace, record.Label, $"{Prefix}{id}_{secret}");
    }

    public Task<IngestionKeySummary?> RevokeAsync(string id) => grains.GetGrain<IIngestionKeyDirectoryGrain>(0).RevokeAsync(id, clock.GetUtcNow());

    public Task<IReadOnlyList<IngestionKeySummary>> ListAsync() => grains.GetGrain<IIngestionKeyDirectoryGrain>(0).ListAsync();

    /// <summary>The key's id and workspace if the key is valid and not revoked; null otherwise.</summary>
    public async Task<(string Id, string Workspace)?> VerifyAsync(string? key)
    {
        if (Parse(key) is not { } parts) return null;
        var workspace = await grains.GetGrain<IIngestionKeyGrain>(parts.Id).VerifyAsync(Hash(parts.Secret));
        return workspace is null ? null : (parts.Id, workspace);
    }

    /// <summary>Splits a key into id and secret; null if it is not shaped like one.</summary>
    public static (string Id, string Secret)? Parse(string? key)
    {
        if (key is null || !key.StartsWith(Prefix, StringComparison.Ordinal) || key.Length > 200) return null;
        var rest = key[Prefix.Length..];
        var underscore = rest.IndexOf('_');
        if (underscore != 12 || rest.Length - underscore - 1 < 32) return null;
        var id = rest[..underscore];
        return id.All(Uri.IsHexDigit) ? (id.ToLowerInvariant(), rest[(underscore + 1)..]) : null;
    }

    public static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
