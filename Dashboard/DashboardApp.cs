using System.Text.Json.Serialization;
using Growth.Dashboard.Api;
using Growth.Dashboard.Application;
using Growth.Dashboard.Application.Training;
using Growth.Dashboard.Components;
using Growth.Dashboard.Hosting;
using Growth.Dashboard.Live;
using Growth.Dashboard.Localisation;
using Growth.Dashboard.Security;
using Growth.Domain.Access;
using Growth.Hosting;
using Microsoft.AspNetCore.RateLimiting;
using Orleans.Dashboard;

namespace Growth.Dashboard;

/// <summary>Builds the web host: Blazor pages, the HTTP API and, by default, an embedded silo.</summary>
public static class DashboardApp
{
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        // Named explicitly so static assets resolve when the host is started from another entry point (tests).
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ApplicationName = typeof(DashboardApp).Assembly.GetName().Name,
        });
        builder.Logging.AddFilter("Polly", LogLevel.Warning);
        builder.Services.AddGrowthShutdownTimeout(builder.Configuration, GrowthHostDefaults.WebShutdownTimeout);
        builder.Services.AddGrowthSettingsValidation(builder.Configuration);
        builder.Services.AddGrowthForwardedHeaders(builder.Configuration);
        builder.AddGrowthMetricsPort();
        TableKeyRing.AddGrowthDataProtection(builder.Services, builder.Configuration);

        // Embedded (default): this host is also a silo. Client: it joins a cluster of Silo hosts as an Orleans client.
        switch (builder.Configuration["Cluster:Mode"] ?? "Embedded")
        {
            case "Embedded": builder.UseOrleans(silo => silo.UseGrowth(builder.Configuration)); break;
            case "Client": builder.UseOrleansClient(client => client.UseGrowthClient(builder.Configuration).AddDashboard()); break;
            case var other: throw new InvalidOperationException($"Cluster:Mode '{other}' is not one of Embedded, Client");
        }
        builder.Services.AddGrowthHealthChecks(builder.Configuration);
        builder.Services.AddGrowthTelemetry(builder.Configuration);
        builder.Services.AddHostedService<DemoWorkspace>();
        builder.Services.AddSingleton<LiveBroadcaster>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<LiveBroadcaster>());
        builder.Services.AddSingleton<LiveFigures>();
        builder.Services.AddHostedService<LiveFeedSubscription>();
        builder.Services.AddSignalR().AddJsonProtocol(o => o.PayloadSerializerOptions.Converters.Add(new JsonStringEnumConverter()));

        // Every problem details answer in the reader's language (Localisation/Chinese; English stays as written).
        builder.Services.AddProblemDetails(o => o.CustomizeProblemDetails = c =>
        {
            if (c.ProblemDetails.Title is { } title) c.ProblemDetails.Title = RefusalWords.Title(title);
            if (c.ProblemDetails.Detail is { } detail) c.ProblemDetails.Detail = RefusalWords.Detail(detail);
        });
        builder.Services.AddExceptionHandler<DomainExceptionHandler>();
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Services.AddGrowthLocalisation();
        builder.Services.AddGrowthOpenApi();
        builder.Services.AddTraining(builder.Configuration);
        builder.Services.AddGrowthApplication();
        builder.AddGrowthSecurity();
        configure?.Invoke(builder);

        var app = builder.Build();
        app.UseForwardedHeaders();
        // Before everything that writes words: pages, problem details, the Blazor circuit (it keeps the request's culture).
        app.UseRequestLocalization();
        app.UseExceptionHandler();
        app.UseStatusCodePages(RefusalPage.StatusCodePages());
        app.UseGrowthSecurity();
        app.UseAntiforgery();
        app.MapStaticAssets();
        // Every route of one workspace, under one name check; each keeps its own access rule.
        // Every API route in one group that adds the refusals each kind of route can answer to the API document.
        var api = app.MapGroup("").WithStandardRefusals();
        var workspaces = api.MapWorkspaceRoutes();
        workspaces.MapWorkspaceApi();
        workspaces.MapIngestionApi();
        workspaces.MapImportApi();
        workspaces.MapCalibrationApi();
        workspaces.MapProjectionApi();
        workspaces.MapSetupApi();
        workspaces.MapCompensationApi();
        workspaces.MapTargetsApi();
        workspaces.MapForecastApi();
        workspaces.MapPoolApi();
        workspaces.MapGradesApi();
        workspaces.MapTwinApi();
        workspaces.MapTrainingApi();
        workspaces.MapTrainingScenariosApi();
        api.MapTemplatesApi();
        api.MapLedgerApi().RequireAuthorization(AreaPolicies.Name(Area.Admin));
        api.MapBackupApi();
        api.MapCustomerDataApi();
        api.MapGrowthSecurity();
        app.MapGrowthOpenApi();
        app.MapLanguageSwitch();
        app.MapHub<GrowthHub>("/hubs/growth");
        app.MapGrowthHealthChecks();
        app.MapGrowthMetrics();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode()
            .Add(page => { if (page is RouteEndpointBuilder route && route.RoutePattern.RawText?.Trim('/') == "signin") page.Metadata.Add(new EnableRateLimitingAttribute(SignInRateLimit.Policy)); });
        return app;
    }
}
