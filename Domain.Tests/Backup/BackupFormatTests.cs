using Growth.Domain.Backup;
using Growth.Domain.Figures;
using Growth.Domain.Journeys;
using Growth.Domain.Ledger;

namespace Growth.Domain.Tests.Backup;

public class BackupFormatTests
{
    static Tally T(long leads, decimal revenue)
    {
        var t = new Tally();
        t[Count.Leads] = leads;
        t[Money.Revenue] = revenue;
        return t;
    }

    static WorkspaceFigures Figures(params (string Rep, long Leads, decimal Revenue)[] reps)
    {
        var f = new WorkspaceFigures();
        foreach (var (rep, leads, revenue) in reps)
        {
            f.Reps[rep] = T(leads, revenue);
            f.Total.Add(T(leads, revenue));
        }
        return f;
    }

    [Fact]
    public void The_fingerprint_is_the_same_for_the_same_figures_whatever_the_order_zero_groups_or_trailing_zeros()
    {
        var a = Figures(("ann", 3, 100m), ("bob", 2, 50.5m));
        var b = Figures(("bob", 2, 50.50m), ("ann", 3, 100.0m));
        b.Reps["gone"] = new Tally();
        Assert.Equal(BackupFigures.Of(a).Fingerprint, BackupFigures.Of(b).Fingerprint);
        Assert.Empty(BackupFigures.Of(a).DifferencesFrom(BackupFigures.Of(b)));
    }

    [Fact]
    public void A_figure_that_differs_is_named_by_its_group_and_one_that_is_not_a_headline_changes_the_fingerprint()
    {
        var a = BackupFigures.Of(Figures(("ann", 3, 100m), ("bob", 2, 50m)));
        var b = BackupFigures.Of(Figures(("ann", 3, 100m), ("bob", 2, 51m)));
        var differences = a.DifferencesFrom(b);
        Assert.Contains(differences, d => d.StartsWith("rep bob:", StringComparison.Ordinal));
        Assert.Contains(differences, d => d.StartsWith("total:", StringComparison.Ordinal));

        var c = Figures(("ann", 3, 100m), ("bob", 2, 50m));
        c.Reps["bob"][Count.Touches] = 1;
        Assert.Equal(["the headline figures agree but some other figure differs (fingerprints differ)"], a.DifferencesFrom(BackupFigures.Of(c)));
    }

    [Fact]
    public void Opening_entries_rebuild_exactly_the_money_figures_of_the_journey()
    {
        var state = new JourneyState
        {
            Id = "j1", Status = JourneyStatus.Customer, RegionId = "r1", TeamId = "t1", RepId = "p1", CampaignId = "c1",
            Orders = 3, OrderValue = 1000.01m, Collected = 700m, Refunded = 20m, OrderAt = new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero),
        };
        var entries = OpeningLedger.Of("j1", state);
        Assert.All(entries, e => Assert.StartsWith(OpeningLedger.Prefix, e.EventId));
        Assert.Equal(entries.Count, entries.Select(e => e.EventId).Distinct().Count());
        var ledger = LedgerTotals.From(entries);
        Assert.Equal(MoneyFigures.Of(Tally.Of(state)), ledger.Total);
        Assert.Equal(new MoneyFigures(3, 1000.01m, 700m, 20m), ledger.Reps["p1"]);
        Assert.Empty(OpeningLedger.Of("j2", new JourneyState { Id = "j2", Status = JourneyStatus.Prospect }));
    }

    [Fact]
    public void A_manifest_of_another_format_or_version_is_refused_naming_the_field()
    {
        var good = new BackupManifest
        {
            Workspace = "demo", Figures = BackupFigures.Of(new WorkspaceFigures()),
            Entries = [new(BackupManifest.RecordsFile, 1, 10, "ab"), new(BackupManifest.LedgerFile, 0, 0, "cd")],
        };
        Assert.Empty(good.Problems());
        Assert.Contains("formatVersion is 2", Assert.Single((good with { FormatVersion = 2 }).Problems()));
        Assert.Contains("not a Growth workspace backup", Assert.Single((good with { Format = "zip" }).Problems()));
        Assert.Contains("entries must list ledger.jsonl once", Assert.Single((good with { Entries = good.Entries.Take(1).ToList() }).Problems()));
    }
}
