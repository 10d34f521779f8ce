using System.Net.Http.Json;
using Growth.Dashboard.Application.Grades;
using Growth.Dashboard.Application.Records;
using Growth.Domain.Grades;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Growth.Dashboard.Tests;

/// <summary>
/// The intent grades page on a 60-day simulation: its figures add up and each count is the total of the records list it
/// opens (over the API), and in a real browser, in English and in Chinese, the page shows the grades and a count opens
/// its records, the filters shown as chips in the page's language.
/// </summary>
[Collection(DashboardCollection.Name)]
public class GradesBrowserTests(DashboardHost host, BrowserFixture browser)
{
    const string Workspace = ForecastTests.Workspace;
    // A year back from the simulation's now: every lead of the 60 simulated days is in the period.
    const string Period = "last-365";

    async Task<IntentGradeAnswer> GradesAsync()
    {
        await ForecastTests.SimulateAsync(host, Workspace);
        return (await host.Http.GetFromJsonAsync<IntentGradeAnswer>($"/api/workspaces/{Workspace}/grades?period={Period}", ForecastTests.Json))!;
    }

    async Task<int> TotalAsync(string address)
    {
        var query = address[(address.IndexOf('?') + 1)..];
        return (await host.Http.GetFromJsonAsync<RecordListAnswer>($"/api/workspaces/{Workspace}/records?{query}&size=1", ForecastTests.Json))!.Total;
    }

    static string Address(Domain.Records.RecordQuery q) => Components.Shared.RecordLinks.Of(Workspace, q.Kind, ("grade", q.Grade),
        ("status", q.Status?.ToString()), ("createdFrom", q.CreatedFrom?.ToString("O")), ("createdTo", q.CreatedTo?.ToString("O")),
        ("won", q.Won is { } w ? (w ? "true" : "false") : null));

    [Fact]
    public async Task The_figures_add_up_and_each_count_is_the_total_of_the_records_it_opens()
    {
        var a = await GradesAsync();
        var g = a.Grades;
        Assert.True(g.Graded > 50, $"only {g.Graded} graded leads");
        Assert.True(g.Won > 0, "no graded lead won");
        Assert.Equal(["A", "B", "C", "D", "None"], g.Grades.Select(x => x.Grade));
        foreach (var f in g.Grades)
        {
            Assert.Equal(f.OpenLeads, await TotalAsync(Address(IntentGradeView.OpenLeads(f.Grade))));
            Assert.Equal(f.Leads, await TotalAsync(Address(IntentGradeView.Leads(f.Grade, a.From, a.To))));
            Assert.Equal(f.Deals, await TotalAsync(Address(IntentGradeView.Deals(f.Grade, a.From, a.To))));
            Assert.Equal(f.Won, await TotalAsync(Address(IntentGradeView.Won(f.Grade, a.From, a.To))));
            Assert.True(f.Won <= f.Deals);
        }
        // Every open lead is counted once, graded or not: the grades' open leads are all the open leads.
        Assert.Equal(g.OpenLeads, await TotalAsync("?kind=Leads&status=Prospect"));
        // The grades' deals and the ungraded ones are every deal created in the period.
        Assert.Equal(g.Grades.Sum(x => x.Deals), await TotalAsync($"?kind=Deals&createdFrom={Uri.EscapeDataString(a.From.ToString("O"))}&createdTo={Uri.EscapeDataString(a.To.ToString("O"))}"));
        // Better-graded leads convert better: A's conversion above D's (the grade counts the signals that drive a sale).
        var (best, worst) = (g.Grades[0], g.Grades[3]);
        Assert.True(best.Graded > 0 && worst.Graded > 0 && best.Conversion > worst.Conversion,
            $"A converts {best.Conversion:P1} of {best.Graded}, D {worst.Conversion:P1} of {worst.Graded}");
        // A period the API cannot read is refused, naming what was wrong.
        using var wrong = await host.Http.GetAsync($"/api/workspaces/{Workspace}/grades?period=fortnight");
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Contains("period 'fortnight'", await wrong.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("en", "Intent grades", "Intent grade: A", "Outcome: won")]
    [InlineData("zh-Hans", "意向等级", "意向等级：A", "结果：赢单")]
    public async Task The_page_shows_the_grades_and_a_count_opens_its_records(string language, string title, string gradeChip, string wonChip)
    {
        var a = await GradesAsync();
        var grade = a.Grades.Grades.Where(f => f.Grade != IntentGradeView.None).MaxBy(f => f.Won)!;
        var page = await browser.NewPageAsync(height: 1400, timeoutMilliseconds: 60_000);
        try
        {
            await host.SignInAsync(page);
            await page.GotoAsync(new Uri(host.BaseAddress, $"culture?lang={language}&back=/favicon.svg").ToString());
            await page.GotoAsync(new Uri(host.BaseAddress, $"?workspace={Workspace}").ToString());
            await page.GetByTestId("nav-grades").ClickAsync();
            await Expect(page.Locator("h1")).ToHaveTextAsync(title);
            await page.GotoAsync(new Uri(host.BaseAddress, $"grades?workspace={Workspace}&period={Period}").ToString());
            await Expect(page.GetByTestId("grades-graded-total")).ToHaveTextAsync(a.Grades.Graded.ToString("N0"));
            await Expect(page.GetByTestId("grades-won-total")).ToHaveTextAsync(a.Grades.Won.ToString("N0"));
            await Expect(page.GetByTestId("grades-open-total")).ToHaveTextAsync(a.Grades.OpenLeads.ToString("N0"));
            foreach (var f in a.Grades.Grades)
                await Expect(page.GetByTestId($"grades-graded-{f.Grade}")).ToHaveTextAsync(f.Graded.ToString("N0"));

            await page.GetByTestId($"grades-link-won-{grade.Grade}").ClickAsync();
            await page.WaitForURLAsync("**/records?**");
            Assert.Contains($"grade={grade.Grade}", page.Url);
            await Expect(page.GetByTestId("records-count")).ToContainTextAsync(grade.Won.ToString("N0"));
            await Expect(page.Locator("[data-testid=records-list] tbody tr")).ToHaveCountAsync(Math.Min(grade.Won, 50));
            await Expect(page.GetByTestId("records-narrowed-grade")).ToContainTextAsync(gradeChip.Replace("A", grade.Grade));
            await Expect(page.GetByTestId("records-narrowed-won")).ToContainTextAsync(wonChip);
        }
        finally { await page.Context.DisposeAsync(); }
    }
}
