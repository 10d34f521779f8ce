using Growth.Domain.Privacy;
using Growth.Grains.Runtime;

namespace Growth.Grains.Privacy;

/// <summary>The customer-data audit grain's state: every entry, oldest first (requests are rare and never dropped).</summary>
[GenerateSerializer]
public sealed class CustomerRequestLogRecord
{
    [Id(0)] public List<CustomerRequest> Entries { get; set; } = [];
}

/// <summary>Keeps one workspace's customer-data audit (see <see cref="ICustomerRequestLogGrain"/>).</summary>
public sealed class CustomerRequestLogGrain(
    [PersistentState("customer-requests", GrainStorage.Name)] IPersistentState<CustomerRequestLogRecord> record) : Grain, ICustomerRequestLogGrain
{
    public async Task RecordAsync(CustomerRequest request)
    {
        record.State.Entries.Add(request);
        await record.WriteStateAsync();
    }

    public Task<IReadOnlyList<CustomerRequest>> ListAsync(string? journeyId = null) =>
        Task.FromResult<IReadOnlyList<CustomerRequest>>(record.State.Entries
            .Where(e => journeyId is null || e.JourneyId == journeyId).Reverse().ToList());
}
