using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Growth.Dashboard.Tests;

/// <summary>
/// Types a trainee's name on the Training page once the page has loaded. The form shows while the page loads and then
/// fills an empty name with the signed-in user's; a name typed in that moment could be joined to it (ci20:
/// "adminWendy Winner"), so the test waits for the default (every caller signs in with a name) and then replaces it.
/// </summary>
static class TrainingForm
{
    public static async Task FillTraineeAsync(IPage page, string trainee)
    {
        var field = page.GetByTestId("trainee");
        await Expect(field).ToHaveValueAsync(new Regex(".+"));
        await field.FillAsync(trainee);
    }
}
