using System.Buffers;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Protocol;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Growth.Benchmarks;

/// <summary>How many times the hub serialised a "snapshot" message, and how many bytes the last one had.</summary>
public sealed class SnapshotWrites
{
    long count, bytes;
    public long Count => Interlocked.Read(ref count);
    public long LastBytes => Interlocked.Read(ref bytes);
    internal void Add(long size) { Interlocked.Increment(ref count); Interlocked.Exchange(ref bytes, size); }
}

/// <summary>
/// The hub's JSON protocol, counting each serialisation of a snapshot: the fan-out benchmark shows whether an update is
/// serialised once per group (SignalR caches a group send's bytes per protocol) or once per connection.
/// </summary>
public sealed class CountingHubProtocol(JsonHubProtocol inner, SnapshotWrites writes) : IHubProtocol
{
    /// <summary>Puts the counting protocol in place of the JSON protocol the web host registered.</summary>
    public static void Replace(IServiceCollection services, SnapshotWrites writes)
    {
        services.RemoveWhere<IHubProtocol>(d => d.ImplementationType == typeof(JsonHubProtocol));
        services.AddSingleton<IHubProtocol>(sp => new CountingHubProtocol(new JsonHubProtocol(sp.GetRequiredService<IOptions<JsonHubProtocolOptions>>()), writes));
    }

    public string Name => inner.Name;
    public int Version => inner.Version;
    public TransferFormat TransferFormat => inner.TransferFormat;
    public bool IsVersionSupported(int version) => inner.IsVersionSupported(version);

    public bool TryParseMessage(ref ReadOnlySequence<byte> input, IInvocationBinder binder, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out HubMessage? message) =>
        inner.TryParseMessage(ref input, binder, out message);

    public void WriteMessage(HubMessage message, IBufferWriter<byte> output)
    {
        if (message is InvocationMessage { Target: "snapshot" }) writes.Add(-1);
        inner.WriteMessage(message, output);
    }

    public ReadOnlyMemory<byte> GetMessageBytes(HubMessage message)
    {
        var bytes = inner.GetMessageBytes(message);
        if (message is InvocationMessage { Target: "snapshot" }) writes.Add(bytes.Length);
        return bytes;
    }
}

static class ServiceCollectionRemoval
{
    public static void RemoveWhere<T>(this IServiceCollection services, Func<ServiceDescriptor, bool> which)
    {
        foreach (var d in services.Where(d => d.ServiceType == typeof(T) && which(d)).ToList()) services.Remove(d);
    }
}
