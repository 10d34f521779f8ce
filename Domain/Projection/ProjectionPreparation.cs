using Growth.Domain.Journeys;
using Growth.Domain.Randomness;

namespace Growth.Domain.Projection;

/// <summary>Measures a scenario's funnel once and works out what every path needs: flows, quota, target, headcount and costs.</summary>
public static class ProjectionPreparation
{
    /// <summary>Measures the scenario's funnel (its loops run with <paramref name="parallel"/>) and works out its flows, quota, target and costs.</summary>
    public static PreparedProjection Prepare(ProjectionRequest r, ParallelOptions parallel) => Prepare(r, parallel, null);

    /// <summary>
    /// As <see cref="Prepare(ProjectionRequest, ParallelOptions)"/>, with the funnel measured beforehand when
    /// <paramref name="funnel"/> is given (<see cref="MeasureFunnel"/> of a request with the same <see cref="FunnelStore.FunnelKey"/>):
    /// the result is identical to measuring it here.
    /// </summary>
    public static PreparedProjection Prepare(ProjectionRequest r, ParallelOptions parallel, MeasuredFunnel? funnel)
    {
        if (r.Validate() is { } error) throw new ArgumentException(error, nameof(r));
        var (p, sample, channels, hired) = Scenario(r);
        var (kernels, load) = funnel ?? Measure(r, p, sample, channels, parallel);
        var levers = r.Levers;
        var org = r.Organisation;
        var quota = QuotaOf(r);
        return new PreparedProjection
        {
            Request = r,
            Kernels = kernels,
            Channels = channels,
            ReferralEffectiveShare = p.Channels.TryGetValue(Channel.Referral, out var referral) ? referral.EffectiveShare : 0.85,
            Quota = quota,
            Target = TargetOf(r),
            Headcount = org.Teams.Sum(t => t.Reps.Count) + hired,
            LoadRatio = load,
            HireCost = levers.Hires.Sum(h => h.Count * (r.Weeks - h.Week) * levers.CostPerRepWeek),
            // Campaign leads follow the simulation's arrival seasonality week by week (referrals follow their customers).
            SeasonByWeek = Enumerable.Range(0, r.Weeks).Select(t => p.Arrival.MeanWeight(r.Start.AddDays(7 * t), r.Start.AddDays(7 * (t + 1)))).ToArray(),
        };
    }

    /// <summary>
    /// Measures the request's funnel alone: the expensive part of <see cref="Prepare(ProjectionRequest, ParallelOptions)"/>. It depends on
    /// the behaviour parameters, organisation, levers, horizon, calibration leads and seed only (the sample journeys start at a
    /// fixed origin), and on the start date only through the campaigns' leads a week over the horizon (<see cref="CampaignLeadsPerWeek"/>,
    /// which sets the reps' load): not on customers, open pipeline, targets or paths.
    /// </summary>
    public static MeasuredFunnel MeasureFunnel(ProjectionRequest r, ParallelOptions parallel)
    {
        if (r.Validate() is { } error) throw new ArgumentException(error, nameof(r));
        var (p, sample, channels, _) = Scenario(r);
        return Measure(r, p, sample, channels, parallel);
    }

    /// <summary>The scenario's effective parameters, the reps sampled (hires included, by presence) and its channels' flows.</summary>
    static (Simulation.BehaviourParameters P, List<(RepAssignment Rep, double Weight)> Sample, ChannelFlow[] Channels, int Hired) Scenario(ProjectionRequest r)
    {
        var levers = r.Levers;
        var p = LeverEffects.Apply(r.Parameters, levers);
        var org = r.Organisation;
        var allReps = org.Teams.SelectMany(t => t.Reps.Select(rep => (Team: t, Rep: rep))).ToList();
        var quarterlyTarget = allReps.Count == 0 ? 0 : allReps.Average(x => x.Rep.Target);
        var shift = LeverEffects.IncentiveShift(r.CurrentPlan, levers.Incentive, r.Parameters.ListPrice, quarterlyTarget);

        var sample = new List<(RepAssignment Rep, double Weight)>();
        foreach (var (team, rep) in allReps)
            sample.Add((new RepAssignment(team.RegionId, team.Id, rep.Id, rep.Skills, LeverEffects.ShiftedIncentive(rep.Incentive, shift), 0, rep.Capacity), rep.Capacity));
        // Hires join teams in turn; over the horizon they count for the weeks they are present, at their ramped skill.
        var hired = 0;
        var averageCapacity = (int)Math.Round(allReps.Average(x => x.Rep.Capacity));
        foreach (var hire in levers.Hires)
        {
            var present = r.Weeks - hire.Week;
            var ramp = Enumerable.Range(0, present).Average(w => LeverEffects.RampedSkillShare(w + 0.5, levers.RampWeeks));
            for (var i = 0; i < hire.Count; i++, hired++)
            {
                var team = org.Teams.Where(t => t.Reps.Count > 0).ElementAt(hired % org.Teams.Count(t => t.Reps.Count > 0));
                var skills = Enumerable.Range(0, team.Reps[0].Skills.Length).Select(s => team.Reps.Average(x => x.Skills[s]) * ramp).ToArray();
                var incentive = LeverEffects.ShiftedIncentive(team.Reps.Average(x => x.Incentive), shift);
                sample.Add((new RepAssignment(team.RegionId, team.Id, $"{team.Id}-hire-{hired + 1}", skills, incentive, 0, averageCapacity),
                    averageCapacity * (double)present / r.Weeks));
            }
        }

        var channels = ChannelFlow.Of(org, p, r.Start, r.Weeks, levers.BudgetScale);

        return (p, sample, channels, hired);
    }

    static MeasuredFunnel Measure(ProjectionRequest r, Simulation.BehaviourParameters p, List<(RepAssignment Rep, double Weight)> sample, ChannelFlow[] channels,
        ParallelOptions parallel)
    {
        var seed = Prng.Derive(r.Seed, "calibration");
        var reps = sample.Select(x => new SampleRep(x.Rep, x.Weight)).ToList();
        // Open leads per unit of capacity: above 1, reps are overloaded and contact slows (Behaviour.LoadFactor), and the
        // leads are walked again under that load (the existing customers, who carry no load, are walked once).
        var capacity = sample.Sum(x => x.Rep.Capacity * x.Weight / Math.Max(1, x.Rep.Capacity));
        var leadsPerDay = channels.Sum(c => c.LeadsPerWeek) / 7;
        var load = 0.0;
        var kernels = FunnelCalibration.Measure(p, reps, r.Weeks, r.CalibrationLeads, seed, parallel, meanOpenDays =>
        {
            load = capacity <= 0 ? 0 : leadsPerDay * meanOpenDays / capacity;
            return load > 1 ? sample.Select(x => new SampleRep(x.Rep with { Load = (int)Math.Round(load * x.Rep.Capacity) }, x.Weight)).ToList() : null;
        });

        return new MeasuredFunnel(kernels, load);
    }

    /// <summary>
    /// The campaigns' mean leads a week over the request's horizon (under its levers): all the funnel's measurement takes
    /// from the start date (its load), as dated campaigns run in some weeks only. Zero for a request that is not valid.
    /// </summary>
    public static double CampaignLeadsPerWeek(ProjectionRequest r) => r.Validate() is not null ? 0
        : ChannelFlow.Of(r.Organisation, LeverEffects.Apply(r.Parameters, r.Levers), r.Start, r.Weeks, r.Levers.BudgetScale).Sum(c => c.LeadsPerWeek);

    /// <summary>The reps' quarterly targets summed and pro-rated to the horizon.</summary>
    public static decimal QuotaOf(ProjectionRequest r) => Math.Round(r.Organisation.Reps.Sum(x => x.Target) * r.Weeks / 13m, 0);

    /// <summary>The company target: the one asked for, or the quota.</summary>
    public static decimal TargetOf(ProjectionRequest r) => r.Targets.Revenue ?? QuotaOf(r);
}

/// <summary>A measured funnel and the load ratio it was measured under (open leads per unit of rep capacity).</summary>
public sealed record MeasuredFunnel(FunnelKernels Kernels, double LoadRatio);
