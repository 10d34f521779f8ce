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
    }
}
