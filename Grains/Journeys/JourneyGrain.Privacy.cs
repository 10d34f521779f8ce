using Growth.Domain.Journeys;
using Growth.Domain.Privacy;
using Growth.Grains.Workspaces;

namespace Growth.Grains.Journeys;

/// <summary>A customer's data on request: the journey's copy for an export, and erasing its personal data (see <see cref="CustomerErasure"/>).</summary>
public sealed partial class JourneyGrain
{
    public Task<JourneyDataCopy?> ExportCustomerAsync()
    {
        if (!touched && dormancy.Enabled) DeactivateOnIdle();
        var r = record.State;
        if (r.State.Status == JourneyStatus.None) return Task.FromResult<JourneyDataCopy?>(null);
        return Task.FromResult<JourneyDataCopy?>(new JourneyDataCopy(
            new JourneyData(r.State, r.Recent.ToList(), r.Window.ToList(), r.WindowBase), r.Plan, r.SettledIds.ToList(), r.Erased));
    }

    public async Task<JourneyErasure?> EraseAsync(string by, DateTimeOffset at)
    {
        touched = true;
        var r = record.State;
        if (r.State.Status == JourneyStatus.None) return null;
        var (data, erased) = CustomerErasure.Erase(new JourneyData(r.State, r.Recent, r.Window, r.WindowBase));
        if (r.Erased is { } already && erased.Total == 0) return new JourneyErasure(already, ErasedFields.None, Already: true);
        r.State = data.State;
        r.Recent = [.. data.Recent];
        r.Window = [.. data.Window];
        r.WindowBase = data.WindowBase;
        // What was re-orderable is settled: a retried event is then a duplicate by its id, never a conflict over the
        // reason it carried and that is no longer kept.
        var window = Window();
        window.SettleAll(r.State, []);
        KeepWindow(window);
        var (workspace, journeyId) = Keys.Split(Key);
        r.Erased ??= new ErasureMark(at, by, CustomerErasure.LabelOf(workspace, journeyId));
        // Written at once whatever the storage: an erasure is not left to the end of the activation.
        unwritten = false;
        await record.WriteStateAsync();
        return new JourneyErasure(r.Erased, erased, Already: false);
    }

    /// <summary>The events with their free text blanked once the customer's data was erased; as they are otherwise.</summary>
    IReadOnlyList<JourneyEvent> KeepErased(IReadOnlyList<JourneyEvent> events) =>
        record.State.Erased is null ? events : events.Select(CustomerErasure.Erase).ToList();
}
