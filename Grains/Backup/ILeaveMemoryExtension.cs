namespace Growth.Grains.Backup;

/// <summary>
/// Makes any grain leave memory (a grain extension, registered on every silo by the host): a restore calls it on the
/// grains of the records it writes, so a grain woken before (a page opened on the name) reads the restored record when
/// next called. Orleans' public extension route, in place of its internal management extension.
/// </summary>
public interface ILeaveMemoryExtension : IGrainExtension
{
    Task LeaveMemoryAsync();
}

/// <summary>Deactivates the grain it is attached to once the current call ends.</summary>
public sealed class LeaveMemoryExtension(IGrainContext context) : ILeaveMemoryExtension
{
    public Task LeaveMemoryAsync()
    {
        context.Deactivate(new DeactivationReason(DeactivationReasonCode.ApplicationRequested, "its stored record was restored from a backup"));
        return Task.CompletedTask;
    }
}
