using Growth.Domain.Figures;
using Growth.Domain.LongRun;
using Growth.Domain.Organisations;
using Growth.Domain.Setup;
using Growth.Domain.Simulation;

namespace Growth.Domain.Tests.LongRun;

/// <summary>
/// The long run's turnover as a sales head reads it: a hire has no target in the quarter they join (the seat's is held
/// for the next), a rep who left is named apart from the roster with the day they left (their deals and this quarter's
/// target stay with the team), hires are named in the workspace's language, and the setup learns the roster.
/// </summary>
public class LongRunRosterTests
{
    static readonly DateTimeOffset QuarterStart = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    static readonly LongRunAssumptions Quick = new() { RepTenureYears = 0.05, VacancyDays = 10 };

    /// <summary>Runs the turnover day by day from the quarter's start until a seat has been filled.</summary>
    static (Organisation Org, LongRunState State, RepProfile Leaver, RepProfile Hire) UntilAHire(string culture = "en-US")
    {
        var org = OrganisationFactory.Build(7, regions: 1, teamsPerRegion: 1, repsPerTeam: 4, campaigns: 1);
        var s = new LongRunState();
        s.UseCalendar(new CompanySetup { Currency = new CurrencySetup { Culture = culture } }, QuarterStart);
        var left = new List<RepProfile>();
        for (var day = 0; day < 80; day++)
        {
            var at = QuarterStart.AddDays(day);
            (org, _) = LongRunLive.NewQuarter(s, org, at);
            var leaving = LongRunLive.Leaving(Quick, s, org, at, 42);
            org = LongRunLive.Leave(Quick, s, org, leaving, at);
            left.AddRange(leaving);
            (org, var hired) = LongRunLive.Hire(s, org, at, 42);
            if (hired.Count > 0) return (org, s, left.First(l => l.TeamId == hired[0].TeamId), hired[0]);
        }
        throw new InvalidOperationException("no seat was filled in 80 days");
    }

    [Fact]
    public void A_hire_has_no_target_in_the_quarter_they_join_and_the_seats_target_from_the_next()
    {
        var (org, s, _, hire) = UntilAHire();
        Assert.True(hire.HireDate < s.QuarterEnd, "the hire joined within the first quarter");
        Assert.Equal(0m, org.Reps.Single(r => r.Id == hire.Id).Target);

        // A setup taken up mid-quarter compiles the hire a target: held back to none again.
        var compiled = org with { Teams = org.Teams.Select(t => t with { Reps = t.Reps.Select(r => r with { Target = 12_345m }).ToList() }).ToList() };
        var (held, changed) = LongRunLive.Hold(s, compiled);
        Assert.True(changed);
        Assert.Equal(0m, held.Reps.Single(r => r.Id == hire.Id).Target);
        Assert.All(held.Reps.Where(r => r.Id != hire.Id), r => Assert.Equal(12_345m, r.Target));

        // The next quarter: the seat's target (the seeded quota) is theirs, and nothing is held any more.
        var (next, moved) = LongRunLive.NewQuarter(s, org, s.QuarterEnd);
        Assert.True(moved);
        Assert.Equal(OrganisationFactory.SeededQuota, next.Reps.Single(r => r.Id == hire.Id).Target);
        Assert.Empty(s.HeldTargets);
        Assert.Equal(new DateTimeOffset(2026, 7, 1, 0, 0, 0, TimeSpan.Zero), s.QuarterEnd);
    }

    [Fact]
    public void The_sales_table_names_a_leaver_apart_keeps_their_deals_and_target_with_the_team_and_shows_the_hire_without_one()
    {
        var (org, _, leaver, hire) = UntilAHire();
        var team = leaver.TeamId;
        var f = new WorkspaceFigures();
        void Book(string rep, decimal revenue)
        {
            var t = new Tally();
            t[Money.Revenue] = revenue;
            t[Count.Won] = 1;
            f.Apply(new TallyDelta(new GroupKey("region-1", team, rep, null), t));
        }
        Book(leaver.Id, 30_000m);
        Book(hire.Id, 5_000m);
        var asOf = hire.HireDate!.Value.AddDays(1);
        var snapshot = SnapshotBuilder.Build("w", asOf, 1, f, org);

        // The leaver: not on the roster, named (not by id), with the day they left and this quarter's booking.
        Assert.DoesNotContain(snapshot.Reps, r => r.Id == leaver.Id);
        var former = Assert.Single(snapshot.FormerReps, r => r.Id == leaver.Id);
        Assert.Equal(leaver.Name, former.Name);
        Assert.Equal(team, former.ParentId);
        Assert.NotNull(former.LeftAt);
        Assert.True(former.LeftAt <= hire.HireDate);
        Assert.Equal(30_000m, former.PeriodRevenue);
        Assert.Equal(0m, former.Target);
        // The hire: on the roster with no target this quarter, marked as joined (the page shows "joined …", not 0 %).
        var row = snapshot.Reps.Single(r => r.Id == hire.Id);
        Assert.Equal((0m, 0.0, hire.HireDate), (row.Target, row.Attainment, row.JoinedAt));
        // The team: both reps' revenue, and the quarter's target as set at its start (the leaver's stays with it).
        var teamRow = snapshot.Teams.Single(t => t.Id == team);
        Assert.Equal(35_000m, teamRow.PeriodRevenue);
        var roster = org.Teams.Single(t => t.Id == team).Reps.Sum(r => r.Target);
        var carried = org.Departed.Where(d => d.TeamId == team).Sum(d => d.Target);
        Assert.True(carried >= leaver.Target && leaver.Target > 0);
        Assert.Equal(roster + carried, teamRow.Target);

        // The next quarter: the leaver's target no longer counts; the team's is its roster's.
        var later = SnapshotBuilder.Build("w", new DateTimeOffset(2026, 4, 2, 0, 0, 0, TimeSpan.Zero), 2, f, org);
        Assert.Equal(roster, later.Teams.Single(t => t.Id == team).Target);
        Assert.Null(later.Reps.Single(r => r.Id == hire.Id).JoinedAt);
    }

    [Fact]
    public void Hires_in_a_chinese_workspace_get_chinese_names()
    {
        var (_, s, _, hire) = UntilAHire("zh-CN");
        Assert.Equal(PersonaNames.ChineseLocale, s.NameLocale);
        Assert.DoesNotContain(' ', hire.Name);
        Assert.All(hire.Name, c => Assert.InRange(c, '\u4e00', '\u9fff'));
        var (_, _, _, english) = UntilAHire();
        Assert.Contains(' ', english.Name);
        Assert.All(english.Name.Replace(" ", ""), c => Assert.True(c < 0x3000, $"{english.Name} is not an English name"));
    }

    [Fact]
    public void The_setup_learns_the_roster_a_leaver_is_out_a_hire_is_in_with_their_hire_date_and_the_seats_quota()
    {
        var (org, s, leaver, hire) = UntilAHire();
        var before = OrganisationFactory.Build(7, regions: 1, teamsPerRegion: 1, repsPerTeam: 4, campaigns: 1);
        var setup = SetupFromOrganisation.Build(before, BehaviourParameters.Default);
        var written = LongRunRoster.Apply(setup, [leaver], [hire], s.HeldTargets, hire.HireDate!.Value);

        var reps = written.Organisation.Regions.SelectMany(r => r.Teams).SelectMany(t => t.Reps).ToList();
        Assert.DoesNotContain(reps, r => r.Id == leaver.Id);
        var added = Assert.Single(reps, r => r.Id == hire.Id);
        Assert.Equal((hire.Name, OrganisationFactory.SeededQuota, DateOnly.FromDateTime(hire.HireDate!.Value.UtcDateTime)), (added.Name, added.Quota, added.HireDate));
        Assert.Empty(SetupValidator.Validate(written));
        // Its diff says who left and who joined; the rest of the setup is as it was.
        Assert.Equal(setup.Rules, written.Rules);
        Assert.Equal(setup.Channels, written.Channels);
        Assert.Contains(leaver.Name, LongRunRoster.Note([leaver], [hire]));
        Assert.Contains(hire.Name, LongRunRoster.Note([leaver], [hire]));
        _ = org;
    }
}
