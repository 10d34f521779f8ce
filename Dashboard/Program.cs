using Growth.Dashboard;
using Growth.Dashboard.Security;
using Growth.Hosting;

// "create-admin <name>" creates an administrator and exits; "healthcheck" asks the running host's /health/ready
// (the container health check) and exits 0/1; anything else runs the web host.
if (args.FirstOrDefault() == HealthCommand.Name) return await HealthCommand.RunAsync(args, Console.Out, "http://localhost:5000");
if (args.FirstOrDefault() == AdminCommand.Name) return await AdminCommand.RunAsync(args, Console.In, Console.Out, Console.Error);
await DashboardApp.Build(args).RunAsync();
return 0;
