namespace Growth.Grains.Runtime;

/// <summary>The one grain storage every Growth grain writes to; the host decides what it is (memory or tables).</summary>
public static class GrainStorage
{
    public const string Name = "growth";
}
