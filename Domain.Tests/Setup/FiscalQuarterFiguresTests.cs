using Growth.Domain.Figures;
using Growth.Domain.Organisations;
using Growth.Domain.Setup;

namespace Growth.Domain.Tests.Setup;

public class FiscalQuarterFiguresTests
{
    static DateTimeOffset D(int y, int m, int d) => new(y, m, d, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void The_figures_quarter_follows_the_fiscal_year_start()
    {
        Assert.Equal(D(2026, 1, 1), TargetPeriods.QuarterStart(D(2026, 2, 14)));
        // Fiscal year from October: October to December is Q1.
        Assert.Equal(D(2026, 10, 1), TargetPeriods.QuarterStart(D(2026, 11, 30), 10));
        Assert.Equal(D(2026, 10, 1), TargetPeriods.QuarterStart(D(2026, 12, 31), 10));
        // From November: November to January is one quarter, across the calendar year.
        Assert.Equal(D(2025, 11, 1), TargetPeriods.QuarterStart(D(2026, 1, 7), 11));
        Assert.Equal(D(2026, 2, 1), TargetPeriods.QuarterStart(D(2026, 2, 1), 11));
    }

    [Fact]
    public void Organisation_changes_name_who_joined_who_left_and_which_campaigns_changed()
    {
        var before = SetupCompiler.Organisation(SetupCompilerTests.Company(), D(2027, 2, 1));
        var company = SetupCompilerTests.Company();
        var after = SetupCompiler.Organisation(company with
        {
            Channels = company.Channels with { Campaigns = [company.Channels.Campaigns[0] with { Budget = 1 }] },
            Organisation = company.Organisation with
            {
                Regions = [company.Organisation.Regions[0] with { Teams = [company.Organisation.Regions[0].Teams[0] with
                {
                    Reps = [company.Organisation.Regions[0].Teams[0].Reps[0], new RepSetup { Id = "dee", Name = "Dee" }],
                }] }],
            },
        }, D(2027, 2, 1));
        var changes = OrganisationChanges.Between(before, after);
        Assert.Equal(["dee"], changes.RepsJoined.Select(r => r.Id));
        Assert.Equal(["bob", "cy"], changes.RepsLeft.Select(r => r.Id).Order());
        Assert.Equal(["fair"], changes.CampaignsChanged.Select(c => c.Id));
        Assert.Equal(["ads"], changes.CampaignsStopped);
        Assert.Equal(["south"], changes.RegionsRemoved);
        Assert.Contains("1 rep joined (Dee)", changes.Summary());
        Assert.True(OrganisationChanges.Between(before, before).IsEmpty);
    }
}
