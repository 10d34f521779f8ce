namespace Growth.Domain.Access;

/// <summary>
/// A person who signs in: their name (the key, lower case), the password hash (ASP.NET Core's password hasher
/// format; never the password), their grants, and a stamp that changes with the password so old sign-ins end.
/// </summary>
public sealed record UserAccount
{
    public required string Name { get; init; }
    public required string PasswordHash { get; init; }
    public IReadOnlyList<Grant> Grants { get; init; } = [];
    public required string Stamp { get; init; }
    public DateTimeOffset Created { get; init; }

    public bool IsAdministrator => AccessRules.IsAdministrator(Grants);
}

/// <summary>A user as the admin functions list it: no hash, no stamp.</summary>
public sealed record UserSummary(string Name, IReadOnlyList<Grant> Grants, DateTimeOffset Created);

/// <summary>
/// An ingestion key as stored: only the SHA-256 of its secret. The key itself (<c>gk_{id}_{secret}</c>) is shown
/// once, when it is created.
/// </summary>
public sealed record IngestionKeyRecord
{
    public required string Id { get; init; }
    public required string Workspace { get; init; }
    public string Label { get; init; } = "";
    /// <summary>SHA-256 of the secret, lower-case hex.</summary>
    public required string SecretHash { get; init; }
    public required DateTimeOffset Created { get; init; }
    public string CreatedBy { get; init; } = "";
    public DateTimeOffset? Revoked { get; init; }
}

/// <summary>An ingestion key as the admin functions list it (no hash).</summary>
public sealed record IngestionKeySummary(string Id, string Workspace, string Label, DateTimeOffset Created, string CreatedBy, DateTimeOffset? Revoked);
