using Azure.Data.Tables;
using Growth.Grains.Runtime;
using Growth.Grains.Serialization;
using Growth.Grains.Workspaces;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Dashboard;
using Orleans.Serialization;
using Orleans.Storage;

namespace Growth.Hosting;

/// <summary>Refuses to start a silo whose configured table storage cannot be reached, saying what it tried.</summary>
internal sealed class StorageProbe(GrowthHostingOptions options) : ILifecycleParticipant<ISiloLifecycle>
{
    public void Participate(ISiloLifecycle lifecycle) => lifecycle.Subscribe(nameof(StorageProbe), ServiceLifecycleStage.First, ProbeAsync);

    async Task ProbeAsync(CancellationToken cancellationToken)
    {
        var client = new TableServiceClient(options.StorageConnectionString);
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(10));
            await foreach (var _ in client.QueryAsync(maxPerPage: 1, cancellationToken: timeout.Token).AsPages(pageSizeHint: 1)) break;
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            throw new InvalidOperationException(
                $"Storage:Kind is AzureTable but the table service at {client.Uri} (account {client.AccountName}) could not be reached: {e.Message}", e);
        }
    }
}
