using Growth.Dashboard.Security;
using Growth.Grains.Simulation;
using Microsoft.Extensions.Options;

namespace Growth.Dashboard.Hosting;

/// <summary>
/// Settings checked when the host starts (<c>ValidateOnStart</c>): a wrong value refuses to start with a message
/// naming the key, instead of surfacing at the first request. Storage, clustering and Orleans keys are checked by
/// <see cref="Growth.Hosting.GrowthHostingOptions.From"/>, OpenID Connect by <see cref="OidcSettings.From"/>,
/// the training scenarios by <c>AddTraining</c>, forwarded headers by <see cref="ProxySetup"/>, all while the host is built.
/// </summary>
public static class SettingsValidation
{
    public static IServiceCollection AddGrowthSettingsValidation(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AccessOptions>().Bind(configuration.GetSection(AccessOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<AccessOptions>, AccessValidation>();
        services.AddOptions<SimulationSettings>(DemoWorkspace.Name).Bind(configuration.GetSection(DemoWorkspace.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<SimulationSettings>, DemoValidation>();
        services.AddOptions<Application.Import.ImportOptions>().Bind(configuration.GetSection(Application.Import.ImportOptions.Section))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<Application.Import.ImportOptions>, ImportValidation>();
        if (configuration[$"{DemoWorkspace.Section}:Enabled"] is { } enabled && !bool.TryParse(enabled, out _))
            throw new InvalidOperationException($"{DemoWorkspace.Section}:Enabled must be true or false (was '{enabled}')");
        return services;
    }

    sealed class AccessValidation : IValidateOptions<AccessOptions>
    {
        public ValidateOptionsResult Validate(string? name, AccessOptions o)
        {
            const string s = AccessOptions.Section;
            List<string> wrong = [];
            if (o.Ingestion.PermitLimit < 1) wrong.Add($"{s}:Ingestion:PermitLimit must be at least 1 (was {o.Ingestion.PermitLimit})");
            if (o.Ingestion.Window <= TimeSpan.Zero) wrong.Add($"{s}:Ingestion:Window must be longer than zero (was {o.Ingestion.Window})");
            if (o.SignIn.MaxFailures < 1) wrong.Add($"{s}:SignIn:MaxFailures must be at least 1 (was {o.SignIn.MaxFailures})");
            if (o.SignIn.Window <= TimeSpan.Zero) wrong.Add($"{s}:SignIn:Window must be longer than zero (was {o.SignIn.Window})");
            if (o.SignIn.Lockout < TimeSpan.Zero) wrong.Add($"{s}:SignIn:Lockout must not be negative (was {o.SignIn.Lockout})");
            if (o.SignInRate.PermitLimit < 1) wrong.Add($"{s}:SignInRate:PermitLimit must be at least 1 (was {o.SignInRate.PermitLimit})");
            if (o.SignInRate.Window <= TimeSpan.Zero) wrong.Add($"{s}:SignInRate:Window must be longer than zero (was {o.SignInRate.Window})");
            if (!Enum.IsDefined(o.Demo)) wrong.Add($"{s}:Demo must be one of {string.Join(", ", Enum.GetNames<DemoAccess>())} (was {o.Demo})");
            return wrong.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(wrong);
        }
    }

    sealed class DemoValidation : IValidateOptions<SimulationSettings>
    {
        /// <summary>The simulation's own check, its field name turned into the key (speed → Demo:Speed).</summary>
        public ValidateOptionsResult Validate(string? name, SimulationSettings settings) =>
            name != DemoWorkspace.Name || settings.Validate() is not { } problem ? ValidateOptionsResult.Skip
            : ValidateOptionsResult.Fail($"{DemoWorkspace.Section}:{char.ToUpperInvariant(problem[0])}{problem[1..]}");
    }

    sealed class ImportValidation : IValidateOptions<Application.Import.ImportOptions>
    {
        public ValidateOptionsResult Validate(string? name, Application.Import.ImportOptions o) =>
            o.Validate() is { } wrong ? ValidateOptionsResult.Fail(wrong) : ValidateOptionsResult.Success;
    }
}
