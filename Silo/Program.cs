using Growth.Hosting;

// A standalone silo for cluster deployments (the Dashboard hosts one embedded by default).
// It serves /health/live and /health/ready on its HTTP port (ASPNETCORE_URLS or --urls; default http://localhost:8081).
var builder = WebApplication.CreateBuilder(args);
builder.Logging.AddFilter("Polly", LogLevel.Warning);
builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(5));
builder.UseOrleans(silo => silo.UseGrowth(builder.Configuration));
builder.Services.AddGrowthHealthChecks(builder.Configuration);
builder.Services.AddGrowthTelemetry();
var app = builder.Build();
app.MapGrowthHealthChecks();
app.MapGrowthTelemetry();
await app.RunAsync();
