using Growth.Domain.Journeys;
using Growth.Domain.Organisations;
using Growth.Grains.Errors;
using Growth.Grains.Runtime;

namespace Growth.Grains.Organisations;

/// <summary>A rep's profile: the source the team's roster is built from.</summary>
public sealed class RepGrain(
    [PersistentState("rep", GrainStorage.Name)] IPersistentState<RepRecord> record) : Grain, IRepGrain
{
    public async Task SetProfileAsync(RepProfile profile)
    {
        if (profile.Skills.Length != Enum.GetValues<ConversationStep>().Length)
            throw new DomainException($"rep {profile.Id} needs one skill per conversation step ({Enum.GetValues<ConversationStep>().Length}), got {profile.Skills.Length}");
        if (profile.Skills.Any(s => s is < 0 or > 1)) throw new DomainException($"rep {profile.Id}: skills must be between 0 and 1");
        if (profile.Capacity <= 0) throw new DomainException($"rep {profile.Id}: capacity must be positive (was {profile.Capacity})");
        record.State.Profile = profile;
        await record.WriteStateAsync();
    }

    public Task<RepProfile?> GetProfileAsync() => Task.FromResult(record.State.Profile);
}

[GenerateSerializer]
public sealed class RepRecord
{
    [Id(0)] public RepProfile? Profile { get; set; }
}
