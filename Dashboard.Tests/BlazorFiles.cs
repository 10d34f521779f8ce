using Microsoft.Playwright;

namespace Growth.Dashboard.Tests;

/// <summary>
/// Chooses a file in a Blazor <c>InputFile</c> the way a user does, once the page can hear it: the component's script
/// starts listening for the input's <c>change</c> only after its first render has reached the browser (it marks the
/// element with <c>_blazorInputFileNextFileId</c>), so a file set as soon as the element shows could be lost
/// (ci18: the Import page never saw the deals file and kept the Maven layout).
/// </summary>
static class BlazorFiles
{
    public static async Task ChooseFileAsync(this ILocator input, string path)
    {
        await input.Page.WaitForFunctionAsync("el => el._blazorInputFileNextFileId !== undefined", await input.ElementHandleAsync());
        await input.SetInputFilesAsync(path);
    }
}
