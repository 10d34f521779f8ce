using Growth.Domain.Figures;
using Growth.Domain.Journeys;

namespace Growth.Dashboard.Tests;

public partial class DomainTextLocalisationTests
{
    [Fact]
    public void A_deadline_breach_notable_has_its_Chinese_and_English_stays_as_the_domain_wrote_it()
    {
        var words = Words();
        var breach = In("en", () => new NotableEvent(PoolBreaches.Kind, PoolBreaches.Message("Team North", 1_234, 5_678), new DateTimeOffset(2026, 1, 6, 1, 0, 0, TimeSpan.Zero)));
        Assert.Equal("Team North：一天内 1,234 次退回线索池（超过首次联系期限或跟进无回应），累计 5,678 次", In("zh-Hans", () => words.Notable(breach)));
        Assert.Equal("Team North: 1,234 returns to the lead pool in a day (first-contact deadline missed or follow-ups unanswered), 5,678 in all",
            In("en", () => words.Notable(breach)));
    }
}
