namespace Growth.Domain.Setup.Validation;

/// <summary>
/// Rules for pay plans: unique ids, known reps, teams, regions, roles and products, tiers contiguous from 0 with rising
/// rates within 0..1, a cap of at least 100 %, no negative amounts, and no two plans in force for the same rep (or
/// two default plans) on the same day.
/// </summary>
internal static class CompensationRules
{
    public static void Check(CompensationSetup compensation, SetupIndex index, ProblemList problems)
    {
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        var plans = compensation.Plans;
        for (var i = 0; i < plans.Count; i++)
        {
            var plan = plans[i];
            var at = SetupPath.Item("compensation", "plans", i);
            if (problems.Id(SetupPath.Field(at, "id"), plan.Id)) problems.Unique(SetupPath.Field(at, "id"), plan.Id, "plan", ids);
            problems.Text(SetupPath.Field(at, "name"), plan.Name);
            problems.Defined(SetupPath.Field(at, "period"), plan.Period);
            problems.Defined(SetupPath.Field(at, "basis"), plan.Basis);
            Scope(plan.AppliesTo, SetupPath.Field(at, "appliesTo"), index, problems);
            if (plan.EffectiveFrom is { } from && plan.EffectiveTo is { } to && to < from)
                problems.Add(SetupPath.Field(at, "effectiveTo"), $"must not be before effectiveFrom ({ProblemList.Show(from)}) (was {ProblemList.Show(to)})");
            problems.AtLeast(SetupPath.Field(at, "basePay"), plan.BasePay, 0m);
            problems.AtLeast(SetupPath.Field(at, "onTargetEarnings"), plan.OnTargetEarnings, 0m);
            problems.AtLeast(SetupPath.Field(at, "draw"), plan.Draw, 0m);
            Tiers(plan.Tiers, SetupPath.Field(at, "tiers"), problems);
            if (plan.Cap is { } cap) problems.AtLeast(SetupPath.Field(at, "cap"), cap, 1.0);
            Spiffs(plan.Spiffs, SetupPath.Field(at, "spiffs"), index, problems);
            problems.AtLeast(SetupPath.Field(at, "teamBonus.amount"), plan.TeamBonus.Amount, 0m);
            problems.Between(SetupPath.Field(at, "teamBonus.threshold"), plan.TeamBonus.Threshold, 0, 10);
            problems.AtLeast(SetupPath.Field(at, "clawback.days"), (double)plan.Clawback.Days, 0);
        }
        Overlaps(plans, problems);
    }

    static void Scope(PlanScopeSetup scope, string at, SetupIndex index, ProblemList problems)
    {
        Known(scope.Reps, SetupPath.Field(at, "reps"), "rep", index.Reps, problems);
        Known(scope.Teams, SetupPath.Field(at, "teams"), "team", index.Teams, problems);
        Known(scope.Regions, SetupPath.Field(at, "regions"), "region", index.Regions, problems);
        var roles = AssignmentRules.Known(index.Roles);
        for (var i = 0; i < scope.Roles.Count; i++)
            if (!index.Roles.Contains(scope.Roles[i] ?? ""))
                problems.Add(SetupPath.Item(SetupPath.Field(at, "roles"), i), $"unknown role '{scope.Roles[i]}' (known: {roles})");
    }

    static void Known(IReadOnlyList<string> ids, string at, string kind, HashSet<string> known, ProblemList problems)
    {
        for (var i = 0; i < ids.Count; i++)
            if (!known.Contains(ids[i] ?? "")) problems.Add(SetupPath.Item(at, i), $"unknown {kind} '{ids[i]}'");
    }

    static void Tiers(IReadOnlyList<CommissionTierSetup> tiers, string at, ProblemList problems)
    {
        if (tiers.Count == 0) { problems.Add(at, "must hold at least one tier (a tier from 0 with rate 0 pays no commission)"); return; }
        for (var i = 0; i < tiers.Count; i++)
        {
            var tier = tiers[i];
            var tierAt = SetupPath.Item(at, i);
            problems.Share(SetupPath.Field(tierAt, "rate"), tier.Rate);
            if (i == 0 && tier.From != 0) problems.Add(SetupPath.Field(tierAt, "from"), $"the first tier must start at 0 (was {ProblemList.Show(tier.From)})");
            if (i > 0 && tiers[i - 1].To is { } end && tier.From != end)
                problems.Add(SetupPath.Field(tierAt, "from"), $"must start where the tier before ends ({ProblemList.Show(end)}) (was {ProblemList.Show(tier.From)})");
            if (i > 0 && tiers[i - 1].To is null)
                problems.Add(tierAt, "follows a tier without an end (only the last tier may leave 'to' out)");
            if (tier.To is { } to && !(to > tier.From))
                problems.Add(SetupPath.Field(tierAt, "to"), $"must be above from ({ProblemList.Show(tier.From)}) (was {ProblemList.Show(to)})");
            if (i > 0 && tier.Rate < tiers[i - 1].Rate)
                problems.Add(SetupPath.Field(tierAt, "rate"), $"must not be below the rate of the tier before ({ProblemList.Show(tiers[i - 1].Rate)}) (was {ProblemList.Show(tier.Rate)})");
        }
    }

    static void Spiffs(IReadOnlyList<SpiffSetup> spiffs, string at, SetupIndex index, ProblemList problems)
    {
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < spiffs.Count; i++)
        {
            var spiffAt = SetupPath.Item(at, i);
            var product = spiffs[i].Product ?? "";
            var channel = spiffs[i].Channel?.Trim() ?? "";
            var kind = $"{product}|{spiffs[i].ChannelKind}";
            if (product.Length == 0 && channel.Length == 0) problems.Add(spiffAt, "needs a product or a channel (the kind of deal it is paid on)");
            else if (product.Length > 0 && !index.Products.Contains(product)) problems.Add(SetupPath.Field(spiffAt, "product"), $"unknown product '{product}'");
            else if (channel.Length > 0 && spiffs[i].ChannelKind is null)
                problems.Add(SetupPath.Field(spiffAt, "channel"), $"unknown channel '{channel}' (use {string.Join(", ", Enum.GetNames<Growth.Domain.Journeys.Channel>().Select(n => n.ToLowerInvariant()))})");
            else if (!seen.TryAdd(kind, spiffAt)) problems.Add(SetupPath.Field(spiffAt, "product"), $"product '{product}' already has a spiff (at {seen[kind]})");
            problems.AtLeast(SetupPath.Field(spiffAt, "amount"), spiffs[i].Amount, 0m);
        }
    }

    /// <summary>Two plans in force on a common day may not both name the same rep, team, region or role, nor both be default plans.</summary>
    static void Overlaps(IReadOnlyList<CompensationPlanSetup> plans, ProblemList problems)
    {
        for (var j = 1; j < plans.Count; j++)
            for (var i = 0; i < j; i++)
            {
                if (!DatesOverlap(plans[i], plans[j])) continue;
                var shared = Shared(plans[i].AppliesTo, plans[j].AppliesTo);
                if (shared is null) continue;
                problems.Add(SetupPath.Field(SetupPath.Item("compensation", "plans", j), "effectiveFrom"),
                    $"plan '{plans[j].Id}' is in force on the same days as plan '{plans[i].Id}' for {shared}; give them dates that do not overlap");
            }
    }

    static bool DatesOverlap(CompensationPlanSetup a, CompensationPlanSetup b) =>
        (a.EffectiveFrom is not { } af || b.EffectiveTo is not { } bt || af <= bt) &&
        (b.EffectiveFrom is not { } bf || a.EffectiveTo is not { } at || bf <= at);

    static string? Shared(PlanScopeSetup a, PlanScopeSetup b)
    {
        if (a.IsDefault() && b.IsDefault()) return "everyone (both are default plans)";
        if (a.Reps.Intersect(b.Reps, StringComparer.Ordinal).FirstOrDefault() is { } rep) return $"rep '{rep}'";
        if (a.Teams.Intersect(b.Teams, StringComparer.Ordinal).FirstOrDefault() is { } team) return $"team '{team}'";
        if (a.Regions.Intersect(b.Regions, StringComparer.Ordinal).FirstOrDefault() is { } region) return $"region '{region}'";
        if (a.Roles.Intersect(b.Roles, StringComparer.Ordinal).FirstOrDefault() is { } role) return $"role '{role}'";
        return null;
    }
}
