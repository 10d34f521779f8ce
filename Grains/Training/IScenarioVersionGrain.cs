using Orleans.Concurrency;

namespace Growth.Grains.Training;

/// <summary>One version's text, written once. Key: "{workspace}/{id}.{language}.{number}".</summary>
public interface IScenarioVersionGrain : IGrainWithStringKey
{
    Task WriteAsync(string json);

    /// <summary>The text, or null if none was written.</summary>
    [AlwaysInterleave]
    Task<string?> GetAsync();
}
