namespace Growth.Domain.Setup.Validation;

/// <summary>Rules for targets: a period the company's calendar knows, an id at its level, no target given twice.</summary>
internal static class TargetRules
{
    public static void Check(TargetsSetup targets, CompanySetup company, SetupIndex index, ProblemList problems)
    {
        problems.Defined(SetupPath.Field("targets", "allocation"), targets.Allocation);
        var calendar = new FiscalCalendar(company);
        var seen = new Dictionary<(TargetLevel, string, string), string>();
        for (var i = 0; i < targets.Targets.Count; i++)
        {
            var target = targets.Targets[i];
            var at = SetupPath.Item("targets", "targets", i);
            if (calendar.Find(target.Period ?? "") is null)
                problems.Add(SetupPath.Field(at, "period"),
                    $"unknown fiscal period '{target.Period}' (use FY2027, FY2027-Q1..Q4, FY2027-M01..M12 or a period named in company.fiscalPeriods)");
            problems.AtLeast(SetupPath.Field(at, "amount"), target.Amount, 0m);
            if (!Level(target, at, index, problems)) continue;
            var key = (target.Level, target.Id ?? "", target.Period ?? "");
            if (!seen.TryAdd(key, at))
                problems.Add(at, $"duplicate target for {Describe(target)} in {target.Period} (also at {seen[key]})");
        }
    }

    /// <summary>Checks the level and its id; true when the target's owner is known.</summary>
    static bool Level(TargetSetup target, string at, SetupIndex index, ProblemList problems)
    {
        var idAt = SetupPath.Field(at, "id");
        var ids = target.Level switch
        {
            TargetLevel.Company => null,
            TargetLevel.Region => index.Regions,
            TargetLevel.Team => index.Teams,
            TargetLevel.Rep => index.Reps,
            _ => null,
        };
        if (!Enum.IsDefined(target.Level))
        {
            problems.Defined(SetupPath.Field(at, "level"), target.Level);
            return false;
        }
        if (ids is null)
        {
            if (string.IsNullOrEmpty(target.Id)) return true;
            problems.Add(idAt, $"a company target has no id (was '{target.Id}')");
            return false;
        }
        var kind = target.Level.ToString().ToLowerInvariant();
        if (string.IsNullOrEmpty(target.Id)) { problems.Add(idAt, $"a {kind} target needs the {kind}'s id"); return false; }
        if (ids.Contains(target.Id)) return true;
        problems.Add(idAt, $"unknown {kind} '{target.Id}'");
        return false;
    }

    static string Describe(TargetSetup target) =>
        target.Level == TargetLevel.Company ? "the company" : $"{target.Level.ToString().ToLowerInvariant()} '{target.Id}'";
}
