namespace Growth.Grains.Runtime;

/// <summary>
/// What grains need to know about their silo stopping, for a quiet stop.
/// <see cref="Stopping"/> is set at the very first stop stage, before grains deactivate: timers that would start
/// new work (the simulation's tick, the statistics' refresh) skip it, since the grains they would call are being
/// deactivated and cannot be placed again on a stopping silo.
/// <see cref="WriteWorthwhile"/>: a deactivating grain writes its state, except when this silo is shutting down,
/// storage is in memory and no other silo is active: then the storage dies with this silo (nobody could read the
/// write) and its storage grains may already be gone. Writing anyway made the stop noisy: every journey's write ran
/// into "No active nodes are compatible with grain memorystorage", was retried by placement and logged stack traces
/// at Error (about 100,000 lines after 45 s of the demo; measured).
/// </summary>
public sealed class SiloStop(StorageDurability storage, IClusterMembershipService membership, ILocalSiloDetails local) : ILifecycleParticipant<ISiloLifecycle>
{
    volatile bool stopping;

    public bool Stopping => stopping;

    /// <summary>Refuses new work on a stopping silo (see <see cref="SiloStoppingException"/>).</summary>
    public void ThrowIfStopping()
    {
        if (stopping) throw new SiloStoppingException("the silo is stopping");
    }

    public bool WriteWorthwhile(DeactivationReason reason) =>
        reason.ReasonCode != DeactivationReasonCode.ShuttingDown || storage.Durable || OtherSiloActive();

    bool OtherSiloActive() =>
        membership.CurrentSnapshot.Members.Values.Any(m => m.SiloAddress != local.SiloAddress && m.Status == SiloStatus.Active);

    public void Participate(ISiloLifecycle lifecycle) => lifecycle.Subscribe(nameof(SiloStop), ServiceLifecycleStage.Last,
        _ => Task.CompletedTask,
        _ =>
        {
            stopping = true;
            return Task.CompletedTask;
        });
}

/// <summary>
/// Thrown instead of calling grains that a stopping silo can no longer place; the simulation drops the step
/// (it repeats after the restart from the saved clock, see SimulationGrain).
/// </summary>
[GenerateSerializer]
public sealed class SiloStoppingException(string message) : Exception(message);
