using Growth.Domain.Privacy;

namespace Growth.Grains.Privacy;

/// <summary>
/// A workspace's customer-data audit: every export and every erasure of a customer's data, who asked and when. Kept
/// apart from the workspace's data, so a simulation reset does not clear it. Key: workspace; the log keyed "*" holds
/// every workspace's entries too (the Admin page's list).
/// </summary>
public interface ICustomerRequestLogGrain : IGrainWithStringKey
{
    /// <summary>Adds an entry (written before the call returns).</summary>
    Task RecordAsync(CustomerRequest request);

    /// <summary>Every entry, newest first; only those about <paramref name="journeyId"/> when given.</summary>
    Task<IReadOnlyList<CustomerRequest>> ListAsync(string? journeyId = null);
}
