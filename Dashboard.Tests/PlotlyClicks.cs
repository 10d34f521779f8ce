using Microsoft.Playwright;

namespace Growth.Dashboard.Tests;

/// <summary>
/// Clicks on a Plotly chart the way a user's click reaches the page: Plotly's own <c>plotly_click</c> event (hovering a
/// point is unreliable in a headless browser). The plot's frame can show before Plotly holds the traces, so every click
/// first waits for the trace it names.
/// </summary>
static class PlotlyClicks
{
    /// <summary>Waits until trace <paramref name="curve"/> of the graph holds more than <paramref name="points"/> points.</summary>
    public static async Task WaitForTraceAsync(IPage page, ILocator graph, int curve = 0, int points = 0) =>
        await page.WaitForFunctionAsync(
            $"g => g.data && g.data[{curve}] && g.data[{curve}].y && g.data[{curve}].y.length > {points}",
            await graph.ElementHandleAsync());

    /// <summary>Emits Plotly's click on point <paramref name="index"/> of trace <paramref name="curve"/>.</summary>
    public static async Task ClickAsync(IPage page, ILocator graph, int index, int curve = 0)
    {
        await WaitForTraceAsync(page, graph, curve, index);
        await graph.EvaluateAsync($"g => {{ const d = g.data[{curve}]; g.emit('plotly_click', {{ points: [{{ curveNumber: {curve}, pointNumber: {index}, pointIndex: {index}, data: d, fullData: g._fullData[{curve}], x: d.x[{index}], y: d.y[{index}] }}] }}); }}");
    }
}
