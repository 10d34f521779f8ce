using System.Globalization;
using Growth.Domain.Progress;

namespace Growth.Dashboard.Components.Shared;

public sealed partial class Words
{
    /// <summary>A run's progress in words: "1,250 of 10,000 paths", "52,000 of 610,000 characters read", "step 2 of 4".</summary>
    public string Progress(RunProgress p)
    {
        var culture = CultureInfo.CurrentCulture;
        return text[$"Progress.{p.Unit}", p.Done.ToString("N0", culture), p.Total.ToString("N0", culture)];
    }
}
