using Growth.Domain.Journeys;

namespace Growth.Domain.Tests.Import;

/// <summary>Events dated before 1990 or more than a day after now are refused, naming the field and the window.</summary>
public sealed class EventPlausibilityTests
{
    static readonly DateTimeOffset Now = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);

    static JourneyEvent At(DateTimeOffset at, DateTimeOffset? due = null) => new() { Id = "e", Kind = EventKind.LeadCreated, At = at, DueAt = due };

    [Fact]
    public void Dates_inside_the_window_pass()
    {
        Assert.Null(EventPlausibility.Check(At(new DateTimeOffset(1990, 1, 1, 0, 0, 0, TimeSpan.Zero)), Now));
        Assert.Null(EventPlausibility.Check(At(Now.AddHours(23), due: Now.AddDays(90)), Now));
    }

    [Fact]
    public void Dates_outside_the_window_are_refused_naming_field_and_window()
    {
        Assert.Equal("at 0001-01-01T00:00:00.0000000+00:00 is outside the plausible window 1990-01-01 to 2026-12-02T12:00:00.0000000+00:00 (now plus 1 day)",
            EventPlausibility.Check(At(DateTimeOffset.MinValue), Now));
        Assert.StartsWith("at 9999-12-31", EventPlausibility.Check(At(DateTimeOffset.MaxValue), Now));
        Assert.NotNull(EventPlausibility.Check(At(Now.AddHours(25)), Now));
        Assert.StartsWith("dueAt 1989-12-31", EventPlausibility.Check(At(Now, due: new DateTimeOffset(1989, 12, 31, 0, 0, 0, TimeSpan.Zero)), Now));
    }
}
