using Growth.Domain.Training;

namespace Growth.Dashboard.Api;

/// <summary>Training content for the web host.</summary>
public static class TrainingApi
{
    /// <summary>
    /// Reads and validates the training scenarios while the host is built, so an invalid file stops the start with a
    /// message naming the file and the field. The folder is <c>Training:Scenarios</c>, or the one copied with the binaries.
    /// </summary>
    public static IServiceCollection AddTrainingCatalogue(this IServiceCollection services, IConfiguration configuration)
    {
        var folder = configuration["Training:Scenarios"];
        services.AddSingleton(TrainingCatalogue.Load(string.IsNullOrWhiteSpace(folder) ? null : folder));
        return services;
    }
}
