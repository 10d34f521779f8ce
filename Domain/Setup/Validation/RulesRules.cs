using Growth.Domain.Simulation;

namespace Growth.Domain.Setup.Validation;

/// <summary>The operating rules: a deadline within a month, counts within reason, each intent grade given once.</summary>
internal static class RulesRules
{
    public static void Check(RulesSetup rules, ProblemList problems)
    {
        const string at = "rules";
        if (double.IsNaN(rules.FirstContactDeadlineHours) || rules.FirstContactDeadlineHours is <= 0 or > 720)
            problems.Add(SetupPath.Field(at, "firstContactDeadlineHours"), $"must be more than 0 and at most 720 hours (was {rules.FirstContactDeadlineHours})");
        if (rules.UnansweredFollowUps is < 0 or > 50)
            problems.Add(SetupPath.Field(at, "unansweredFollowUps"), $"must be between 0 (never) and 50 (was {rules.UnansweredFollowUps})");
        if (rules.MaxReturns is < 0 or > 10)
            problems.Add(SetupPath.Field(at, "maxReturns"), $"must be between 0 and 10 (was {rules.MaxReturns})");
        if (rules.InFlightDeals is < 0 or > 100_000)
            problems.Add(SetupPath.Field(at, "inFlightDeals"), $"must be between 0 and 100000 (was {rules.InFlightDeals})");
        if (rules.ArchiveClosedAfterDays is < 0 or > Growth.Domain.Journeys.Archiving.MaxDays)
            problems.Add(SetupPath.Field(at, "archiveClosedAfterDays"), $"must be between 0 and {Growth.Domain.Journeys.Archiving.MaxDays} days (was {rules.ArchiveClosedAfterDays})");
        var seen = new HashSet<IntentGrade>();
        for (var i = 0; i < rules.Grades.Count; i++)
        {
            var g = rules.Grades[i];
            var path = SetupPath.Item(at, "grades", i);
            if (!Enum.IsDefined(g.Grade)) problems.Add(SetupPath.Field(path, "grade"), $"must be one of a, b, c, d (was {g.Grade})");
            else if (!seen.Add(g.Grade)) problems.Add(SetupPath.Field(path, "grade"), $"grade {g.Grade} is given more than once");
            if (double.IsNaN(g.FollowUpDays) || g.FollowUpDays is <= 0 or > 90)
                problems.Add(SetupPath.Field(path, "followUpDays"), $"must be more than 0 and at most 90 days (was {g.FollowUpDays})");
            if (g.FollowUps is < 0 or > 50)
                problems.Add(SetupPath.Field(path, "followUps"), $"must be between 0 and 50 (was {g.FollowUps})");
        }
        CheckContract(rules.Contract, SetupPath.Field(at, "contract"), problems);
        CheckCollections(rules.Collections, SetupPath.Field(at, "collections"), problems);
        CheckCustomers(rules.Customers, SetupPath.Field(at, "customers"), problems);
        CheckLongRun(rules.LongRun, SetupPath.Field(at, "longRun"), problems);
    }

    static void CheckLongRun(LongRunSetup l, string at, ProblemList problems)
    {
        if (double.IsNaN(l.MarketAccountsPerRegion) || l.MarketAccountsPerRegion is < 1 or > 1_000_000_000)
            problems.Add(SetupPath.Field(at, "marketAccountsPerRegion"), $"must be between 1 and 1000000000 (was {ProblemList.Show(l.MarketAccountsPerRegion)})");
        if (double.IsNaN(l.MarketGrowth) || l.MarketGrowth is < -0.5 or > 1)
            problems.Add(SetupPath.Field(at, "marketGrowth"), $"must be between -0.5 and 1 (was {ProblemList.Show(l.MarketGrowth)})");
        if (double.IsNaN(l.RepTenureYears) || l.RepTenureYears is < 0 or > 50)
            problems.Add(SetupPath.Field(at, "repTenureYears"), $"must be between 0 and 50 (was {ProblemList.Show(l.RepTenureYears)})");
        if (double.IsNaN(l.VacancyDays) || l.VacancyDays is < 0 or > 3660)
            problems.Add(SetupPath.Field(at, "vacancyDays"), $"must be between 0 and 3660 days (was {ProblemList.Show(l.VacancyDays)})");
        if (double.IsNaN(l.PlanGrowth) || l.PlanGrowth is < -0.5 or > 1)
            problems.Add(SetupPath.Field(at, "planGrowth"), $"must be between -0.5 and 1 (was {ProblemList.Show(l.PlanGrowth)})");
    }

    static void CheckCustomers(CustomerRulesSetup c, string at, ProblemList problems)
    {
        if (c.HighValue < 0) problems.Add(SetupPath.Field(at, "highValue"), $"must be 0 (the list price) or more (was {c.HighValue})");
        if (double.IsNaN(c.ActiveDays) || c.ActiveDays is < 1 or > 3660)
            problems.Add(SetupPath.Field(at, "activeDays"), $"must be between 1 and 3660 days (was {c.ActiveDays})");
        var seen = new HashSet<CustomerGrade>();
        for (var i = 0; i < c.Grades.Count; i++)
        {
            var g = c.Grades[i];
            var path = SetupPath.Item(at, "grades", i);
            if (!Enum.IsDefined(g.Grade)) problems.Add(SetupPath.Field(path, "grade"), $"must be one of a, b, c, d (was {g.Grade})");
            else if (!seen.Add(g.Grade)) problems.Add(SetupPath.Field(path, "grade"), $"grade {g.Grade} is given more than once");
            if (double.IsNaN(g.CheckInDays) || g.CheckInDays is < 1 or > 366)
                problems.Add(SetupPath.Field(path, "checkInDays"), $"must be between 1 and 366 days (was {g.CheckInDays})");
            problems.Share(SetupPath.Field(path, "annualChurn"), g.AnnualChurn);
        }
    }

    static void CheckContract(ContractRulesSetup c, string at, ProblemList problems)
    {
        if (double.IsNaN(c.DraftDays) || c.DraftDays is < 0 or > 90)
            problems.Add(SetupPath.Field(at, "draftDays"), $"must be between 0 and 90 days (was {c.DraftDays})");
        if (double.IsNaN(c.ApprovalHours) || c.ApprovalHours is < 0 or > 720)
            problems.Add(SetupPath.Field(at, "approvalHours"), $"must be between 0 and 720 hours (was {c.ApprovalHours})");
        problems.Share(SetupPath.Field(at, "refusalShare"), c.RefusalShare);
    }

    static void CheckCollections(CollectionRulesSetup c, string at, ProblemList problems)
    {
        if (c.Instalments is < 1 or > 60)
            problems.Add(SetupPath.Field(at, "instalments"), $"must be between 1 (one invoice) and 60 (was {c.Instalments})");
        if (c.InstalmentDays is < 1 or > 366)
            problems.Add(SetupPath.Field(at, "instalmentDays"), $"must be between 1 and 366 days (was {c.InstalmentDays})");
        var previous = 0;
        for (var i = 0; i < c.ReminderDays.Count; i++)
        {
            var days = c.ReminderDays[i];
            if (days is < 1 or > 366 || days <= previous)
                problems.Add(SetupPath.Item(at, "reminderDays", i), $"must be 1 to 366 days past due, each after the one before (was {days})");
            previous = Math.Max(previous, days);
        }
        if (c.WriteOffDays is < 0 or > 1000)
            problems.Add(SetupPath.Field(at, "writeOffDays"), $"must be between 0 (never) and 1000 days past due (was {c.WriteOffDays})");
        else if (c.WriteOffDays > 0 && c.ReminderDays.Count > 0 && c.WriteOffDays <= c.ReminderDays.Max())
            problems.Add(SetupPath.Field(at, "writeOffDays"), $"must come after the last reminder ({c.ReminderDays.Max()} days past due; was {c.WriteOffDays})");
        problems.Share(SetupPath.Field(at, "refundShareOnChurn"), c.RefundShareOnChurn);
    }
}
