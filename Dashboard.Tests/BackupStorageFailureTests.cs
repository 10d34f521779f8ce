using System.Net;
using Azure;
using Growth.Dashboard.Application.Backup;
using Growth.Grains.Backup;
using Growth.Grains.Runtime;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;

namespace Growth.Dashboard.Tests;

/// <summary>
/// The storage failing while a restore writes (the file itself whole and checked) answers 503 naming the storage
/// failure and that nothing was kept, leaves nothing of the workspace behind, and the same file restores once the
/// storage answers again. The failure is a grain storage that refuses the restored workspace's journey writes with the
/// table service's own exception, switched on and off by the test.
/// </summary>
[Collection(ClusterFailoverTests.Alone)]
public class BackupStorageFailureTests
{
    const string Workspace = "restore-storage-down";

    [Fact]
    public async Task Storage_failing_mid_restore_is_a_503_naming_the_failure_and_nothing_is_kept()
    {
        var storage = new StorageSwitch();
        var host = new DashboardHost(0, DashboardHost.FreePort(), DashboardHost.FreePort(), true,
            builder => FailingStorage.Decorate(builder.Services, Workspace, storage), "--Demo:ExistingCustomers=20");
        await host.InitializeAsync();
        try
        {
            using var exported = await host.Http.GetAsync("/api/admin/workspaces/demo/backup");
            Assert.Equal(HttpStatusCode.OK, exported.StatusCode);
            var backup = await exported.Content.ReadAsByteArrayAsync();

            storage.Failing = true;
            using var refused = await host.Http.PostAsync($"/api/admin/workspaces/{Workspace}/restore", BackupFiles.Zip(backup));
            var body = await refused.Content.ReadAsStringAsync();
            Assert.True(refused.StatusCode == HttpStatusCode.ServiceUnavailable, $"{(int)refused.StatusCode} {body}");
            Assert.Contains("storage or silos failed while the restore wrote workspace " + Workspace, body);
            Assert.Contains(FailingStorage.Message, body);
            Assert.Contains("nothing was kept", body);
            Assert.True(storage.Refused > 0, "the storage refused no write");
            await BackupFiles.AssertNothingOfAsync(host, Workspace);

            storage.Failing = false;
            using var restored = await host.Http.PostAsync($"/api/admin/workspaces/{Workspace}/restore", BackupFiles.Zip(backup));
            Assert.True(restored.StatusCode == HttpStatusCode.OK, await restored.Content.ReadAsStringAsync());
            var report = System.Text.Json.JsonSerializer.Deserialize<RestoreReport>(await restored.Content.ReadAsStringAsync(), BackupMoveTests.Json)!;
            Assert.True(report.Records["journey"] > 0);
        }
        finally { await host.DisposeAsync(); }
    }

    /// <summary>Whether the storage fails, and how many writes it refused.</summary>
    sealed class StorageSwitch
    {
        public volatile bool Failing;
        public int Refused;
    }

    /// <summary>The host's grain storage, refusing writes of one workspace's journeys while the switch says so.</summary>
    sealed class FailingStorage(IGrainStorage inner, string workspace, StorageSwitch state) : IGrainStorage, ILifecycleParticipant<ISiloLifecycle>
    {
        public const string Message = "the table service is unavailable (test)";

        /// <summary>Wraps the registered <see cref="GrainStorage.Name"/> storage.</summary>
        public static void Decorate(IServiceCollection services, string workspace, StorageSwitch state)
        {
            var registered = services.Last(d => d.ServiceType == typeof(IGrainStorage) && d.IsKeyedService && Equals(d.ServiceKey, GrainStorage.Name));
            services.Remove(registered);
            services.AddKeyedSingleton<IGrainStorage>(GrainStorage.Name, (sp, key) => new FailingStorage(
                registered.KeyedImplementationInstance as IGrainStorage
                ?? (IGrainStorage?)registered.KeyedImplementationFactory?.Invoke(sp, key)
                ?? (IGrainStorage)ActivatorUtilities.CreateInstance(sp, registered.KeyedImplementationType!), workspace, state));
        }

        public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) => inner.ReadStateAsync(stateName, grainId, grainState);

        public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
        {
            if (state.Failing && stateName == BackupParts.Journey.StateName && grainId.Key.ToString()!.StartsWith(workspace + "/", StringComparison.Ordinal))
            {
                Interlocked.Increment(ref state.Refused);
                throw new RequestFailedException(503, Message);
            }
            return inner.WriteStateAsync(stateName, grainId, grainState);
        }

        public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) => inner.ClearStateAsync(stateName, grainId, grainState);

        public void Participate(ISiloLifecycle lifecycle) => (inner as ILifecycleParticipant<ISiloLifecycle>)?.Participate(lifecycle);
    }
}
