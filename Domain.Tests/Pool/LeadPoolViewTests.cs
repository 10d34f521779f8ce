using Growth.Domain.Access;
using Growth.Domain.Journeys;
using Growth.Domain.Pool;
using Growth.Domain.Records;

namespace Growth.Domain.Tests.Pool;

/// <summary>The lead pool view cut from the record rows: who waits, who is overdue, who came back and why, per team and tag.</summary>
public class LeadPoolViewTests
{
    static readonly DateTimeOffset Now = new(2027, 3, 10, 12, 0, 0, TimeSpan.Zero);

    static CustomerRecord Lead(string id, string team, double assignedHoursAgo, double? contactedAfterHours = null, bool inPool = false,
        int returns = 0, string? reason = null, string? rep = "rep-1", Channel channel = Channel.Ads, string? campaign = null) => new()
    {
        JourneyId = id, Status = JourneyStatus.Prospect, Stage = FunnelStage.Lead, RegionId = "north", TeamId = team, RepId = rep,
        Channel = channel, CampaignId = campaign, CreatedAt = Now.AddHours(-assignedHoursAgo), AssignedAt = Now.AddHours(-assignedHoursAgo),
        FirstContactAt = contactedAfterHours is { } h ? Now.AddHours(-assignedHoursAgo + h) : null,
        LastActivityAt = Now.AddHours(-assignedHoursAgo + (contactedAfterHours ?? 0)), InPool = inPool, Returns = returns, PoolReason = reason,
    };

    static readonly CustomerRecord[] Rows =
    [
        Lead("fresh", "t1", 2),                                   // within the 24 h deadline
        Lead("late", "t1", 30),                                   // overdue now
        Lead("slow", "t1", 40, contactedAfterHours: 26),          // contacted after the deadline
        Lead("quick", "t2", 40, contactedAfterHours: 3, channel: Channel.Referral),
        Lead("pooled", "t2", 50, inPool: true, returns: 1, reason: "no first contact within the 24 h deadline", campaign: "expo"),
        Lead("bounced", "t2", 70, contactedAfterHours: 1, inPool: true, returns: 2, reason: "3 unanswered follow-ups"),
        Lead("ingested", "t2", 80, returns: 1, rep: "rep-2", contactedAfterHours: 2),  // back with a rep; no reason carried
        Lead("nobody", "t1", 5, rep: null),
        Lead("lost", "t1", 90) with { Status = JourneyStatus.Disqualified },          // closed: neither open nor overdue
        new CustomerRecord { JourneyId = "deal", Status = JourneyStatus.Prospect, OpportunityAt = Now, TeamId = "t1", RepId = "rep-1" },
    ];

    [Fact]
    public void The_pool_counts_waiting_overdue_and_returned_leads_and_each_teams_breaches()
    {
        var pool = LeadPoolView.Slice(Rows, FigureScope.Full, Now, 24, 10);
        Assert.Equal((8, 2, 1, 1, 3), (pool.OpenLeads, pool.InPool, pool.Unassigned, pool.Overdue, pool.Returned));
        Assert.Equal(["late"], pool.OverdueLeads.Select(l => l.JourneyId)); // open, with a rep, uncontacted, past the deadline
        Assert.Equal(["bounced", "pooled", "nobody"], pool.Waiting.Select(l => l.JourneyId));
        Assert.Equal(["ingested", "bounced", "pooled"], pool.ReturnedLeads.Select(l => l.JourneyId));
        Assert.Equal(["unanswered follow-ups", "3 unanswered follow-ups", "no first contact within the 24 h deadline"], pool.ReturnedLeads.Select(l => l.Reason));
        var t1 = pool.Teams.Single(t => t.TeamId == "t1");
        var t2 = pool.Teams.Single(t => t.TeamId == "t2");
        Assert.Equal((1, 1, 0), (t1.OverdueNow, t1.ContactedLate, t1.ReturnedUntouched));
        Assert.Equal((0, 0, 1), (t2.OverdueNow, t2.ContactedLate, t2.ReturnedUntouched));
        Assert.Equal((7, 1, 1), (pool.ByTag["source:ads"], pool.ByTag["source:referral"], pool.ByTag["campaign:expo"])); // open leads only
    }

    [Fact]
    public void A_tighter_deadline_finds_more_breaches_and_scope_and_merge_keep_the_counts_whole()
    {
        var strict = LeadPoolView.Slice(Rows, FigureScope.Full, Now, 1, 10);
        // A one-hour deadline: "fresh" (2 h) is overdue too, and "quick" (contacted after 3 h) was late.
        Assert.Equal(["late", "fresh"], strict.OverdueLeads.Select(l => l.JourneyId));
        Assert.Equal(5, strict.Teams.Sum(t => t.Breaches));
        Assert.Equal(3, LeadPoolView.Slice(Rows, FigureScope.Full, Now, 24, 10).Teams.Sum(t => t.Breaches));

        var onlyT2 = LeadPoolView.Slice(Rows, new FigureScope(false, ["t2"]), Now, 24, 10);
        Assert.All(onlyT2.Waiting.Concat(onlyT2.ReturnedLeads), l => Assert.Equal("t2", l.TeamId));
        Assert.Equal((4, 0), (onlyT2.OpenLeads, onlyT2.Overdue));

        var halves = new[] { Rows[..5], Rows[5..] }.Select(r => LeadPoolView.Slice(r, FigureScope.Full, Now, 24, 1)).ToList();
        var merged = LeadPoolView.Merge(halves, 1);
        var whole = LeadPoolView.Slice(Rows, FigureScope.Full, Now, 24, 1);
        Assert.Equal((whole.OpenLeads, whole.InPool, whole.Overdue, whole.Returned), (merged.OpenLeads, merged.InPool, merged.Overdue, merged.Returned));
        Assert.Equal(whole.ByTag.OrderBy(x => x.Key), merged.ByTag.OrderBy(x => x.Key));
        Assert.Equal(whole.OverdueLeads.Select(l => l.JourneyId), merged.OverdueLeads.Select(l => l.JourneyId)); // the oldest, cut to the limit
    }
}
