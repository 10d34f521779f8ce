using Growth.Domain.Organisations;

namespace Growth.Domain.Tests.Organisations;

public class LeadAssignmentTests
{
    static RepProfile Rep(string id, double skill, int capacity = 10) =>
        new() { Id = id, Name = id, TeamId = "t", Skills = Enumerable.Repeat(skill, 6).ToArray(), Capacity = capacity };

    [Fact]
    public void Least_loaded_picks_the_rep_with_the_lowest_load_for_their_capacity()
    {
        var reps = new[] { Rep("a", 0.5), Rep("b", 0.5, capacity: 20), Rep("c", 0.5) };
        Assert.Equal(1, LeadAssignment.Pick(AssignmentRule.LeastLoaded, reps, [5, 8, 6], 0)); // 8/20 < 5/10
        Assert.Equal(0, LeadAssignment.Pick(AssignmentRule.LeastLoaded, reps, [2, 4, 2], 0));  // tie goes to roster order
    }

    [Fact]
    public void Round_robin_cycles_through_the_roster()
    {
        var reps = new[] { Rep("a", 0.5), Rep("b", 0.5), Rep("c", 0.5) };
        Assert.Equal([0, 1, 2, 0], Enumerable.Range(0, 4).Select(i => LeadAssignment.Pick(AssignmentRule.RoundRobin, reps, [9, 0, 0], i)));
    }

    [Fact]
    public void Skill_match_prefers_the_best_rep_with_room()
    {
        var reps = new[] { Rep("a", 0.4), Rep("b", 0.9), Rep("c", 0.7) };
        Assert.Equal(1, LeadAssignment.Pick(AssignmentRule.SkillMatch, reps, [0, 0, 0], 0));
        Assert.Equal(2, LeadAssignment.Pick(AssignmentRule.SkillMatch, reps, [0, 10, 0], 0));
        Assert.Equal(0, LeadAssignment.Pick(AssignmentRule.SkillMatch, reps, [10, 12, 11], 0)); // nobody has room: least loaded
    }
}
