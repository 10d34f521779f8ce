using Growth.Dashboard;

await DashboardApp.Build(args).RunAsync();
