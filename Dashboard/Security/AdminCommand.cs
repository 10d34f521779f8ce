using Growth.Domain.Access;
using Growth.Grains.Errors;
using Growth.Hosting;

namespace Growth.Dashboard.Security;

/// <summary>
/// <c>dotnet run --project Dashboard -- create-admin &lt;name&gt;</c>: creates an administrator in the configured
/// storage and exits. The password comes from the environment variable <c>GROWTH_ADMIN_PASSWORD</c> or, if that is
/// not set, from the first line of standard input; it is never an argument (arguments show in process lists).
/// Run it with the same storage settings as the hosts; with Cluster:Mode=Client it joins the running cluster.
/// </summary>
public static class AdminCommand
{
    public const string Name = "create-admin";
    public const string PasswordVariable = "GROWTH_ADMIN_PASSWORD";

    public static async Task<int> RunAsync(string[] args, TextReader input, TextWriter output, TextWriter error)
    {
        if (args.Length < 2 || args[1].StartsWith('-'))
        {
            await error.WriteLineAsync($"usage: {Name} <user name>   (password from ${PasswordVariable} or the first line of stdin)");
            return 2;
        }
        var name = args[1];
        var password = Environment.GetEnvironmentVariable(PasswordVariable) ?? await input.ReadLineAsync();
        if (UserAccounts.PasswordProblem(password) is { } problem) { await error.WriteLineAsync($"refused: {problem}"); return 2; }

        var builder = Host.CreateApplicationBuilder(args[2..]);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        switch (builder.Configuration["Cluster:Mode"] ?? "Embedded")
        {
            case "Client": builder.UseOrleansClient(client => client.UseGrowthClient(builder.Configuration)); break;
            default: builder.UseOrleans(silo => silo.UseGrowth(builder.Configuration)); break;
        }
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddKeyedSingleton(SignInThrottle.ClockKey, TimeProvider.System);
        builder.Services.Configure<AccessOptions>(builder.Configuration.GetSection(AccessOptions.Section));
        builder.Services.AddSingleton<SignInThrottle>();
        builder.Services.AddSingleton<UserAccounts>();
        using var host = builder.Build();
        await host.StartAsync();
        try
        {
            var user = await host.Services.GetRequiredService<UserAccounts>().CreateAsync(name, password!, [new Grant(Grant.AllWorkspaces, Role.Admin)]);
            await output.WriteLineAsync($"created administrator {user.Name}");
            return 0;
        }
        catch (DomainException e)
        {
            await error.WriteLineAsync($"refused: {e.Message}");
            return 1;
        }
        finally { await host.StopAsync(); }
    }
}
