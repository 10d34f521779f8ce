namespace Growth.Domain.Setup;

/// <summary>What one setup changes against another, field by field (list items matched by their id where they have one).</summary>
public static class SetupDiff
{
    public static IReadOnlyList<SetupChange> Compare(SetupDocument before, SetupDocument after) => throw new NotImplementedException();
}
