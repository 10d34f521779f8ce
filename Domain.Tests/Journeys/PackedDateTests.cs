using System.Reflection;
using Growth.Domain.Journeys;

namespace Growth.Domain.Tests.Journeys;

/// <summary>
/// The journey's state, plan and events keep their dates packed (ticks and offset minutes, 10 bytes instead of 24):
/// every date property, found by reflection, must read back as set: the same instant, the same offset, none as none.
/// </summary>
public class PackedDateTests
{
    static readonly DateTimeOffset?[] Dates =
    [
        null,
        new DateTimeOffset(2026, 1, 5, 9, 30, 0, TimeSpan.Zero),
        new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.FromHours(8)).AddTicks(1),
        new DateTimeOffset(2025, 12, 31, 23, 59, 59, TimeSpan.FromMinutes(-330)).AddTicks(9_999_999),
        DateTimeOffset.MinValue,
        DateTimeOffset.MaxValue,
        new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.FromHours(14)),
        new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.FromHours(-14)),
    ];

    static IEnumerable<PropertyInfo> DateProperties(Type type) => type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
        .Where(p => p.CanWrite && (p.PropertyType == typeof(DateTimeOffset?) || p.PropertyType == typeof(DateTimeOffset)));

    [Fact]
    public void Every_date_of_a_journey_state_plan_and_event_reads_back_with_its_instant_and_offset()
    {
        var checkedCount = 0;
        foreach (var make in new Func<object>[]
        {
            () => new JourneyState(),
            () => new JourneyPlan(),
            () => new JourneyEvent { Id = "e", Kind = EventKind.Contacted, At = DateTimeOffset.UnixEpoch },
            () => new PlannedInvoice(1m, DateTimeOffset.UnixEpoch, null, false),
        })
        {
            var type = make().GetType();
            var properties = DateProperties(type).ToList();
            Assert.NotEmpty(properties);
            foreach (var property in properties)
                foreach (var date in Dates)
                {
                    if (date is null && property.PropertyType == typeof(DateTimeOffset)) continue;
                    var target = make();
                    property.SetValue(target, date);
                    var read = (DateTimeOffset?)property.GetValue(target);
                    Assert.Equal(date, read);
                    Assert.Equal(date?.Offset, read?.Offset);
                    Assert.Equal(date?.Ticks, read?.Ticks);
                    checkedCount++;
                }
        }
        // State 15, plan 11, event 3, invoice 4 date properties (BillAt and ChaseAt packed, DueAt and PayAt positional).
        Assert.True(checkedCount >= 30 * (Dates.Length - 1), $"checked {checkedCount}");
    }

    [Fact]
    public void A_state_copied_with_a_change_keeps_every_other_date_and_equals_a_state_built_the_same_way()
    {
        var at = new DateTimeOffset(2026, 2, 3, 10, 0, 0, TimeSpan.FromHours(8));
        var state = new JourneyState { Id = "j", CreatedAt = at, ClosedAt = at.AddDays(3), PaidAt = null };
        var moved = state with { ClosedAt = at.AddDays(4) };
        Assert.Equal(at, moved.CreatedAt);
        Assert.Equal(TimeSpan.FromHours(8), moved.CreatedAt!.Value.Offset);
        Assert.Equal(at.AddDays(4), moved.ClosedAt);
        Assert.Null(moved.PaidAt);
        Assert.NotEqual(state, moved);
        Assert.Equal(state, new JourneyState { Id = "j", CreatedAt = at, ClosedAt = at.AddDays(3) });
        Assert.Equal(state.GetHashCode(), new JourneyState { Id = "j", CreatedAt = at, ClosedAt = at.AddDays(3) }.GetHashCode());
    }
}
