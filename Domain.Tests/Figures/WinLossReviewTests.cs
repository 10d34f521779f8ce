using Growth.Domain.Figures;
using Growth.Domain.Journeys;
using Growth.Domain.Organisations;

namespace Growth.Domain.Tests.Figures;

public class WinLossReviewTests
{
    static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    static readonly Organisation Organisation = new()
    {
        Teams =
        [
            new TeamProfile
            {
                Id = "team-1", Name = "North", RegionId = "region-1", LeaderName = "Lea",
                Reps = [new RepProfile { Id = "rep-1", Name = "Ana Lima", TeamId = "team-1", Skills = [0.5, 0.5] }],
            },
        ],
    };

    /// <summary>A history whose last point has <paramref name="won"/> wins worth <paramref name="wonValue"/> in all.</summary>
    static WorkspaceHistory History(long won, decimal wonValue)
    {
        var figures = new WorkspaceFigures();
        var t = new Tally();
        t[Count.Won] = won;
        t[Money.WonValue] = wonValue;
        figures.Apply(new TallyDelta(default, t));
        var history = new WorkspaceHistory();
        history.Record(T0, figures);
        return history;
    }

    static DealOutcome Win(decimal amount, DateTimeOffset at, string? rep = "rep-1", string id = "j-win") =>
        new(id, true, amount, at, "region-1", "team-1", rep, null, null, null, null);

    static DealOutcome Loss(string id, DateTimeOffset at) =>
        new(id, false, 1000, at, "region-1", "team-1", "rep-1", null, ConversationStep.TrialClose, null, "price");

    [Fact]
    public void A_win_far_above_the_average_deal_is_a_notable_event_naming_the_rep_and_the_multiple()
    {
        var review = new WinLossReview();
        // 20 wins worth 40,000: an average deal of 2,000.
        var notable = review.Take(Win(5000, T0.AddHours(1)), History(20, 40_000), Organisation);

        Assert.NotNull(notable);
        Assert.Equal("LargeWin", notable.Kind);
        Assert.Equal($"Large win: {5000m:N0} ({2.5m:N1}x the average deal) by Ana Lima", notable.Message);
        Assert.Equal("j-win", notable.JourneyId);
        Assert.Equal(T0.AddHours(1), notable.At);
        Assert.Equal([notable], review.Notables);
    }

    [Fact]
    public void Ordinary_wins_and_wins_judged_on_too_few_deals_are_not_notable()
    {
        var review = new WinLossReview();
        Assert.Null(review.Take(Win(4999, T0), History(20, 40_000), Organisation));
        // 19 wins are too few to know what a large deal is; no history at all even less.
        Assert.Null(review.Take(Win(1_000_000, T0), History(19, 38_000), Organisation));
        Assert.Null(review.Take(Win(1_000_000, T0), new WorkspaceHistory(), Organisation));
        Assert.Empty(review.Notables);
        Assert.Empty(review.RecentLosses);
    }

    [Fact]
    public void A_large_win_without_a_known_rep_names_the_rep_id_or_says_it_was_unassigned()
    {
        var review = new WinLossReview();
        var history = History(20, 40_000);
        Assert.EndsWith("by rep-9", review.Take(Win(9000, T0, "rep-9"), history, Organisation)!.Message);
        Assert.EndsWith("by an unassigned rep", review.Take(Win(9000, T0, null), history, Organisation)!.Message);
    }

    [Fact]
    public void Losses_are_kept_newest_first_ties_by_journey_id_whatever_the_arrival_order_and_bounded()
    {
        // 60 losses, three closing at each instant.
        var losses = Enumerable.Range(0, 60).Select(i => Loss($"j-{i:D2}", T0.AddHours(i / 3))).ToList();
        var inOrder = new WinLossReview();
        var shuffled = new WinLossReview();
        var random = new Random(7);
        foreach (var l in losses) Assert.Null(inOrder.Take(l, new WorkspaceHistory(), Organisation));
        foreach (var l in losses.OrderBy(_ => random.Next())) shuffled.Take(l, new WorkspaceHistory(), Organisation);

        Assert.Equal(WinLossReview.RecentLossLimit, inOrder.RecentLosses.Count);
        Assert.Equal(inOrder.RecentLosses, shuffled.RecentLosses);
        var expected = losses.OrderByDescending(l => l.At).ThenBy(l => l.JourneyId, StringComparer.Ordinal).Take(WinLossReview.RecentLossLimit);
        Assert.Equal(expected.Select(l => l.JourneyId), inOrder.RecentLosses.Select(l => l.JourneyId));
        Assert.Equal(["j-57", "j-58", "j-59", "j-54"], inOrder.RecentLosses.Take(4).Select(l => l.JourneyId));
        Assert.Equal(WinLossReview.ShownLosses, inOrder.ShownRecentLosses.Count);
        Assert.Empty(inOrder.Notables);
    }

    [Fact]
    public void Anomalies_that_began_become_notable_events_kept_newest_first_and_bounded()
    {
        var review = new WinLossReview();
        var drop = new StageHealth(FunnelStage.Lead, FunnelStage.QualifiedIntent, 0.2, 0.4, 500, -4, true, null);
        var raised = review.TakeAnomalies([drop, drop with { From = FunnelStage.QualifiedIntent, To = FunnelStage.FollowUp }], T0);

        Assert.Equal(2, raised.Count);
        Assert.All(raised, n => Assert.Equal(("Anomaly", T0), (n.Kind, n.At)));
        Assert.Equal($"Lead → QualifiedIntent conversion fell to {0.2:P0} (baseline {0.4:P0})", raised[0].Message);
        Assert.StartsWith("QualifiedIntent → FollowUp", raised[1].Message);

        // A large win a day later comes first; the oldest events fall off past the bound.
        var win = review.Take(Win(9000, T0.AddDays(1)), History(20, 40_000), Organisation)!;
        Assert.Equal([win, .. raised], review.Notables);
        for (var day = 2; day < 30; day++) review.TakeAnomalies([drop], T0.AddDays(day));
        Assert.Equal(WinLossReview.NotableLimit, review.Notables.Count);
        Assert.Equal(T0.AddDays(29), review.Notables[0].At);
        Assert.Equal(review.Notables.OrderByDescending(n => n.At), review.Notables);
        Assert.DoesNotContain(win, review.Notables);
        Assert.Equal(WinLossReview.ShownNotables, review.ShownNotableEvents.Count);
    }
}
