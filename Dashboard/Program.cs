using Growth.Dashboard;
using Growth.Dashboard.Security;

// "create-admin <name>" creates an administrator and exits; anything else runs the web host.
if (args.FirstOrDefault() == AdminCommand.Name) return await AdminCommand.RunAsync(args, Console.In, Console.Out, Console.Error);
await DashboardApp.Build(args).RunAsync();
return 0;
