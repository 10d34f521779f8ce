using Growth.Domain.Training;

namespace Growth.Dashboard.Application.Training;

/// <summary>Training in the web host: the scenario catalogue and the application service.</summary>
public static class TrainingSetup
{
    /// <summary>
    /// Reads and validates the training scenarios while the host is built, so an invalid file stops the start with a
    /// message naming the file and the field. The folder is <c>Training:Scenarios</c>, or the one copied with the binaries.
    /// </summary>
    public static IServiceCollection AddTraining(this IServiceCollection services, IConfiguration configuration)
    {
        var folder = configuration["Training:Scenarios"];
        // A configured folder that is not there: the message names the key that points to it.
        if (!string.IsNullOrWhiteSpace(folder) && !Directory.Exists(folder))
            throw new TrainingScenarioException($"Training:Scenarios '{folder}'", "(folder)", "the scenario folder does not exist");
        services.AddSingleton(TrainingCatalogue.Load(string.IsNullOrWhiteSpace(folder) ? null : folder));
        services.AddSingleton<TrainingService>();
        services.AddSingleton<TrainingAssignmentService>();
        services.AddSingleton<TrainingCoachingService>();
        services.AddSingleton<ScenarioAuthoringService>();
        return services;
    }
}
