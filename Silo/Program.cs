using Growth.Hosting;

// A standalone silo for cluster deployments (the Dashboard hosts one embedded by default).
// It serves /health/live and /health/ready on its HTTP port: ASPNETCORE_URLS or --urls (containers: http://+:8081),
// http://localhost:8081 when neither is set. "healthcheck" asks that endpoint and exits 0/1 (the container check).
const string DefaultUrl = "http://localhost:8081";
if (args.FirstOrDefault() == HealthCommand.Name) return await HealthCommand.RunAsync(args, Console.Out, DefaultUrl);
var builder = WebApplication.CreateBuilder(args);
builder.ListenByDefaultOn(DefaultUrl);
builder.Logging.AddFilter("Polly", LogLevel.Warning);
builder.Services.AddGrowthShutdownTimeout(builder.Configuration, GrowthHostDefaults.SiloShutdownTimeout);
builder.UseOrleans(silo => silo.UseGrowth(builder.Configuration));
builder.Services.AddGrowthHealthChecks(builder.Configuration);
builder.Services.AddGrowthTelemetry(builder.Configuration);
var app = builder.Build();
app.MapGrowthHealthChecks();
app.MapGrowthTelemetry();
await app.RunAsync();
return 0;
