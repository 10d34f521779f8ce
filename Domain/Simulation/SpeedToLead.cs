namespace Growth.Domain.Simulation;

/// <summary>
/// How a real lead's chance to be qualified falls with the hours to its first contact, grounded in Oldroyd,
/// McElheran and Elkington, "The Short Life of Online Sales Leads" (Harvard Business Review, March 2011): firms that
/// tried to contact a lead within an hour were about 7 times as likely to qualify it as firms that tried an hour later,
/// and more than 60 times as likely as firms that waited 24 hours or longer.
/// </summary>
/// <remarks>
/// The multiplier is 1 through the first hour (the study's reference bin), then falls in two phases: a fast one that
/// brings the second hour's mean to about 1/7, and a slow tail that leaves about 1/60 at 24 hours:
/// <c>f(h) = 1</c> for <c>h ≤ GraceHours</c>, else
/// <c>(1 − TailShare)·e^(−(h − GraceHours)/FastHours) + TailShare·e^(−(h − GraceHours)/TailHours)</c>.
/// With the defaults the second hour averages 0.140 (1/7.1) and f(24 h) = 0.0166 (1/60).
/// </remarks>
public sealed record SpeedToLead
{
    /// <summary>Hours after creation during which a contact counts as immediate (HBR 2011's "within an hour").</summary>
    public double GraceHours { get; init; } = 1;
    /// <summary>Time constant, hours, of the steep fall after the first hour (fitted to HBR 2011's 7× first hour against second).</summary>
    public double FastHours { get; init; } = 0.12;
    /// <summary>Share of the chance that falls only slowly (fitted to HBR 2011's 60× first hour against 24 hours).</summary>
    public double TailShare { get; init; } = 0.0229;
    /// <summary>Time constant, hours, of the slow tail (assumed: 72 hours).</summary>
    public double TailHours { get; init; } = 72;
    /// <summary>False: contact delay costs nothing (a calibration on a history that records no contact times).</summary>
    public bool Enabled { get; init; } = true;

    public static SpeedToLead Default { get; } = new();

    /// <summary>The multiplier (0..1] on a real lead's chance to be qualified after <paramref name="hours"/> to first contact.</summary>
    public double At(double hours)
    {
        if (!Enabled) return 1;
        var late = Math.Max(0, hours) - GraceHours;
        if (late <= 0) return 1;
        var tail = Math.Clamp(TailShare, 0, 1);
        return (1 - tail) * Decay(late, FastHours) + tail * Decay(late, TailHours);
    }

    /// <summary>
    /// The mean multiplier when the hours to first contact are exponential with mean <paramref name="meanHours"/>:
    /// exact (the exponential forgets the grace hours it waited), what a seeded simulation converges to.
    /// </summary>
    public double Expected(double meanHours)
    {
        if (!Enabled) return 1;
        if (meanHours <= 0) return 1;
        var tail = Math.Clamp(TailShare, 0, 1);
        var inGrace = 1 - Math.Exp(-Math.Max(0, GraceHours) / meanHours);
        return inGrace + (1 - inGrace) * ((1 - tail) / (1 + meanHours / Math.Max(1e-9, FastHours)) + tail / (1 + meanHours / Math.Max(1e-9, TailHours)));
    }

    static double Decay(double hours, double constant) => constant <= 0 ? 0 : Math.Exp(-hours / constant);
}
