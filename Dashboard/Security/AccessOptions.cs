namespace Growth.Dashboard.Security;

/// <summary>When the <c>demo</c> simulation workspace may be viewed without signing in.</summary>
public enum DemoAccess
{
    /// <summary>Public while no user exists; once the first user is created everything needs sign-in (default).</summary>
    WhileNoUsers,
    /// <summary>Always public (read only), even with users.</summary>
    Always,
    /// <summary>Never public.</summary>
    Never,
}

/// <summary>
/// Settings of sign-in, demo access and the ingestion limits, section <c>Access</c>:
/// <c>Access:Demo</c> (WhileNoUsers | Always | Never),
/// <c>Access:Ingestion:PermitLimit</c> and <c>Access:Ingestion:Window</c> (requests per key per window),
/// <c>Access:SignIn:MaxFailures</c>, <c>Access:SignIn:Window</c>, <c>Access:SignIn:Lockout</c>,
/// <c>Access:SignInRate:PermitLimit</c> and <c>Access:SignInRate:Window</c> (password attempts per client address per window).
/// </summary>
public sealed class AccessOptions
{
    public const string Section = "Access";

    public DemoAccess Demo { get; set; } = DemoAccess.WhileNoUsers;
    public IngestionLimits Ingestion { get; set; } = new();
    public SignInLimits SignIn { get; set; } = new();
    public SignInRateLimits SignInRate { get; set; } = new();
}

/// <summary>
/// Requests one ingestion key may make per window (fixed window; more are refused with 429 and Retry-After). The
/// default, 200 a second, carries a million events a second in batches of 5,000: far above what one feed sends.
/// </summary>
public sealed class IngestionLimits
{
    public int PermitLimit { get; set; } = 200;
    public TimeSpan Window { get; set; } = TimeSpan.FromSeconds(1);
}

/// <summary>After <see cref="MaxFailures"/> failed sign-ins within <see cref="Window"/> for one user name or one client address, further attempts are refused for <see cref="Lockout"/>.</summary>
public sealed class SignInLimits
{
    public int MaxFailures { get; set; } = 5;
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(15);
    public TimeSpan Lockout { get; set; } = TimeSpan.FromMinutes(15);
}

/// <summary>
/// Password attempts (<c>POST /signin</c>, <c>POST /api/session</c>) one client address may make per window, right
/// or wrong; more are refused with 429 and Retry-After (see <see cref="SignInRateLimit"/>). Default 10 a minute,
/// assumed: a person retyping a password needs a handful, and each attempt costs a PBKDF2 hash.
/// </summary>
public sealed class SignInRateLimits
{
    public int PermitLimit { get; set; } = 10;
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);
}
