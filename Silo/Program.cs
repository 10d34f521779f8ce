using Growth.Grains.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

// A standalone silo for cluster deployments; the Dashboard hosts one embedded by default.
var builder = Host.CreateApplicationBuilder(args);
builder.Logging.AddFilter("Polly", LogLevel.Warning);
builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(5));
builder.UseOrleans(silo => silo.UseGrowth(builder.Configuration));
await builder.Build().RunAsync();
