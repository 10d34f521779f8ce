namespace Growth.Domain.Setup;

/// <summary>One thing wrong with a setup: where (a path such as <c>organisation.regions[1].teams[0].reps[3].quota</c>) and what.</summary>
public sealed record SetupProblem(string Path, string Message)
{
    public override string ToString() => $"{Path}: {Message}";
}

/// <summary>A setup that cannot be applied: every problem found, each naming its place. Nothing of it was applied.</summary>
public sealed class InvalidSetupException(IReadOnlyList<SetupProblem> problems)
    : Exception(problems.Count == 0 ? "the setup is invalid" : string.Join("; ", problems.Take(20)) + (problems.Count > 20 ? $"; and {problems.Count - 20} more" : ""))
{
    public IReadOnlyList<SetupProblem> Problems { get; } = problems;
}
