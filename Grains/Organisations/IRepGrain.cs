using Growth.Domain.Organisations;

namespace Growth.Grains.Organisations;

/// <summary>A sales rep: profile, skills per conversation step, capacity, incentive. Key: "{workspace}/{repId}".</summary>
public interface IRepGrain : IGrainWithStringKey
{
    Task SetProfileAsync(RepProfile profile);
    Task<RepProfile?> GetProfileAsync();
}
