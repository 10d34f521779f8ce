using Growth.Domain.Figures;
using Growth.Domain.Journeys;
using Growth.Domain.Organisations;

namespace Growth.Domain.Tests.Figures;

/// <summary>Deadline breaches as notable events: one per team per history point, with the team's count, and never more than their share of the notables.</summary>
public class PoolBreachesTests
{
    static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    static readonly Organisation Organisation = new()
    {
        Teams =
        [
            new TeamProfile { Id = "t1", Name = "North", RegionId = "r", LeaderName = "Lea", Reps = [] },
            new TeamProfile { Id = "t2", Name = "South", RegionId = "r", LeaderName = "Sol", Reps = [] },
        ],
    };

    static JourneyState Lead(string id, string team, int returns) => new()
    {
        Id = id, Status = JourneyStatus.Prospect, RegionId = "r", TeamId = team, RepId = team + "-a", CreatedAt = T0, Returns = returns,
    };

    [Fact]
    public void A_journeys_returns_are_counted_in_an_appended_slot_that_a_stored_tally_without_it_reads_as_zero()
    {
        Assert.Equal((int)Count.ReturnedToPool, Enum.GetValues<Count>().Length - 1);
        var before = Lead("j1", "t1", 0);
        var after = before with { Returns = 1, InPool = true };
        var delta = Assert.Single(TallyDelta.Between(before, after));
        Assert.Equal(1, delta.Change[Count.ReturnedToPool]);
        // Existing customers are not leads: no returns counted.
        Assert.Equal(0, Tally.Of(after with { Existing = true, Status = JourneyStatus.Customer })[Count.ReturnedToPool]);

        // A tally stored before the slot existed: one count shorter, every other slot where it was.
        var stored = Tally.Of(Lead("j2", "t1", 3));
        stored[Count.Leads] = 7;
        var old = new Tally { Counts = stored.Counts[..^1] };
        Assert.Equal(0, old[Count.ReturnedToPool]);
        Assert.Equal(7, old[Count.Leads]);
    }

    [Fact]
    public void Each_team_raises_one_notable_a_point_with_the_returns_since_the_last_and_its_total()
    {
        var figures = new WorkspaceFigures();
        void Apply(JourneyState from, JourneyState to) { foreach (var d in TallyDelta.Between(from, to)) figures.Apply(d); }
        var a = Lead("a", "t1", 0);
        var b = Lead("b", "t1", 0);
        var c = Lead("c", "t2", 0);
        foreach (var j in new[] { a, b, c }) Apply(new JourneyState { Id = j.Id }, j);

        Dictionary<string, long>? seen = null;
        // The first point only takes the counts (returns from before it are not news).
        Apply(a, a = a with { Returns = 1 });
        Assert.Empty(PoolBreaches.Take(ref seen, figures, Organisation, T0));
        Assert.Equal(1, seen!["t1"]);

        // A day later: a returned twice more (reassigned within the team), b once, c once.
        Apply(a, a = a with { Returns = 3, RepId = "t1-b" });
        Apply(b, b = b with { Returns = 1 });
        Apply(c, c = c with { Returns = 1 });
        var day = PoolBreaches.Take(ref seen, figures, Organisation, T0.AddDays(1));
        Assert.Equal(
            [PoolBreaches.Message("North", 3, 4), PoolBreaches.Message("South", 1, 1)],
            day.Select(n => n.Message));
        Assert.All(day, n => Assert.Equal((PoolBreaches.Kind, T0.AddDays(1)), (n.Kind, n.At)));
        Assert.Equal("North: 3 returns to the lead pool in a day (first-contact deadline missed or follow-ups unanswered), 4 in all", day[0].Message);

        // Nothing new, or fewer (a journey erased): no notable.
        Apply(c, new JourneyState { Id = "c" });
        Assert.Empty(PoolBreaches.Take(ref seen, figures, Organisation, T0.AddDays(2)));
    }

    [Fact]
    public void Breaches_keep_at_most_their_share_of_the_notables_so_a_bad_week_does_not_push_the_others_out()
    {
        var review = new WinLossReview();
        review.Note(new NotableEvent("QuotasSet", "Quotas for the fiscal year set from the plan: 1 (last year's revenue 1 × 1.1)", T0));
        for (var day = 1; day <= 30; day++)
            foreach (var team in new[] { "North", "South", "East" })
                review.Note(new NotableEvent(PoolBreaches.Kind, PoolBreaches.Message(team, day, day * 10), T0.AddDays(day)));

        var kept = review.Notables.Where(n => n.Kind == PoolBreaches.Kind).ToList();
        Assert.Equal(WinLossReview.PoolReturnsKept, kept.Count);
        // The newest are kept: the last day's three, then the day before's first two.
        Assert.Equal([30, 30, 30, 29, 29], kept.Select(n => n.At.Subtract(T0).Days));
        Assert.Contains(review.Notables, n => n.Kind == "QuotasSet");
    }
}
