using Growth.Grains.Errors;

namespace Growth.Dashboard.Security;

/// <summary>
/// Start-up task: creates the first administrator from <c>Admin:UserName</c> and <c>Admin:Password</c> (e.g. the
/// environment variables <c>Admin__UserName</c>, <c>Admin__Password</c> from a secret), only if no administrator
/// exists yet. There is no default password: without both settings nothing is created.
/// </summary>
public sealed class AdminBootstrap(UserAccounts accounts, IConfiguration configuration, ILogger<AdminBootstrap> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var name = configuration["Admin:UserName"];
        var password = configuration["Admin:Password"];
        if (string.IsNullOrWhiteSpace(name) && string.IsNullOrEmpty(password)) return;
        if (string.IsNullOrWhiteSpace(name) || string.IsNullOrEmpty(password))
        {
            // E.g. compose with GROWTH_ADMIN_PASSWORD unset: start without creating anyone rather than fail.
            logger.LogWarning("Admin:UserName and Admin:Password go together; only one is set, so no administrator is created");
            return;
        }
        if (UserAccounts.PasswordProblem(password) is { } problem) throw new InvalidOperationException($"Admin:Password is too weak: {problem}");
        try
        {
            if (await accounts.CreateFirstAdminAsync(name, password)) logger.LogInformation("Created the first administrator {User}", name.Trim().ToLowerInvariant());
            else logger.LogInformation("An administrator exists; Admin:UserName and Admin:Password are ignored");
        }
        catch (DomainException e) when (e.Kind == DomainErrorKind.Conflict)
        {
            logger.LogWarning("Admin:UserName names an existing user who is not an administrator; nothing was changed");
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
