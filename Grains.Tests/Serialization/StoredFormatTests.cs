using Growth.Domain.Journeys;
using Growth.Grains.Journeys;
using Growth.Grains.Projection;
using Growth.Grains.Serialization;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Orleans.Storage;

namespace Growth.Grains.Tests.Serialization;

/// <summary>
/// Every earlier version of a stored record reads in this build, with its figures, and a record this build does
/// not know is refused saying which record, which version and what to do. The fixtures are the bytes the earlier
/// builds' table storage wrote (see StoredRecords/README.md for the commits and how they were made).
/// </summary>
public class StoredFormatTests
{
    static readonly ServiceProvider Services = new ServiceCollection().AddGrowthSerialization().BuildServiceProvider();
    static Serializer Serializer => Services.GetRequiredService<Serializer>();
    static VersionedGrainStorageSerializer Storage => new(Serializer);

    static BinaryData Fixture(string name) =>
        new(File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Serialization", "StoredRecords", name)));

    public static TheoryData<int> EarlierVersions => [1, 2, 3];

    [Theory]
    [MemberData(nameof(EarlierVersions))]
    public void A_journey_record_of_every_earlier_version_reads_with_its_figures_and_events(int version)
    {
        var data = Fixture($"v{version}-journey.bin");
        Assert.Equal(0, StoredFormat.VersionOf(data.ToMemory().Span));

        var record = Storage.Deserialize<JourneyRecord>(data)!;

        var s = record.State;
        Assert.Equal(("legacy-1", JourneyStatus.Customer, FunnelStage.Payment), (s.Id, s.Status, s.Stage));
        Assert.Equal(("cmp-spring", Channel.Events, "north", "team-a", "rep-7"), (s.CampaignId, s.Channel, s.RegionId, s.TeamId, s.RepId));
        Assert.Equal((12500m, true, 12500m, 1, 12500m), (s.OpportunityValue, s.Won, s.WonValue, s.Orders, s.OrderValue));
        Assert.Equal((6250m, 6250m, 0m, 11, 1), (s.Billed, s.Collected, s.Overdue, s.EventCount, s.Contacts));
        var t0 = new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);
        Assert.Equal((t0, t0.AddHours(60), t0.AddHours(100)), (s.CreatedAt!.Value, s.ClosedAt!.Value, s.LastEventAt!.Value));
        Assert.Equal(ObjectionType.CompetitorDifference, s.LastObjection);

        Assert.Equal(Enumerable.Range(1, 11).Select(i => $"e{i}"), record.Recent.Select(e => e.Id));
        Assert.Equal(
            [EventKind.LeadCreated, EventKind.LeadAssigned, EventKind.Contacted, EventKind.Qualified, EventKind.OpportunityOpened,
             EventKind.StepPassed, EventKind.ObjectionRaised, EventKind.Won, EventKind.OrderSigned, EventKind.PaymentDue, EventKind.PaymentReceived],
            record.Recent.Select(e => e.Kind));
        Assert.Equal((12500m, t0.AddDays(30)), (record.Recent[7].Amount, record.Recent[9].DueAt!.Value));
        Assert.Equal(record.Recent.Select(e => e.Id), record.SettledIds);
        Assert.Empty(record.Window);

        var plan = record.Plan!;
        Assert.Equal((987654321UL, 0.75, 14000m, 12500m, 3), (plan.Rng, plan.Intent, plan.Budget, plan.BaseValue, plan.MaxFollowUps));
        Assert.Equal([0.6, 0.7, 0.8], plan.Skills);
        var invoice = Assert.Single(plan.Invoices);
        Assert.Equal((6250m, t0.AddDays(60), t0.AddDays(58)), (invoice.Amount, invoice.DueAt, invoice.PayAt!.Value));
    }

    [Theory]
    [MemberData(nameof(EarlierVersions))]
    public void A_saved_scenario_record_of_every_earlier_version_reads_with_its_levers(int version)
    {
        var record = Storage.Deserialize<ScenarioRecord>(Fixture($"v{version}-scenarios.bin"))!;

        var scenario = Assert.Single(record.Scenarios);
        Assert.Equal("Two more reps", scenario.Name);
        Assert.Equal((8, 0.05, 1800m), (scenario.Levers.RampWeeks, scenario.Levers.PriceChange, scenario.Levers.CostPerRepWeek));
        Assert.Equal(1.5, scenario.Levers.BudgetScale[Channel.Events]);
    }

    [Theory]
    [InlineData("v1-scenarios.bin")]
    [InlineData("v2-scenarios.bin")]
    [InlineData("v1-journey.bin")]
    public void Records_written_before_the_model_moved_to_Growth_Domain_did_not_read_without_the_old_names(string fixture)
    {
        // The fault in issue 21: the plain Orleans storage serializer without LegacyModelNames. (A version 2 journey
        // record did read: its types are surrogates, which carry no type name.)
        var plain = new ServiceCollection().AddSerializer(s => s.AddJsonSerializer(
            isSupported: type => type.Assembly == typeof(JourneyState).Assembly && !ModelSurrogates.Types.Contains(type))).BuildServiceProvider();
        var storage = new OrleansGrainStorageSerializer(plain.GetRequiredService<Serializer>());

        Assert.ThrowsAny<Exception>(() => fixture.Contains("journey")
            ? storage.Deserialize<JourneyRecord>(Fixture(fixture))
            : (object?)storage.Deserialize<ScenarioRecord>(Fixture(fixture)));
    }

    [Fact]
    public void A_record_is_written_with_the_marker_and_the_current_version_and_reads_back()
    {
        var migrated = Storage.Deserialize<JourneyRecord>(Fixture("v1-journey.bin"))!;

        var written = Storage.Serialize(migrated);

        Assert.Equal(StoredFormat.Current, StoredFormat.VersionOf(written.ToMemory().Span));
        var back = Storage.Deserialize<JourneyRecord>(written)!;
        Assert.Equal(migrated.State, back.State);
        Assert.Equal(migrated.Recent, back.Recent);
        // Written back in the current form: the model's old names are gone.
        Assert.DoesNotContain(LegacyModelNames.OldNamespace, System.Text.Encoding.UTF8.GetString(written.ToArray()), StringComparison.Ordinal);
    }

    [Fact]
    public void A_record_of_a_newer_version_is_refused_naming_the_record_its_version_and_what_to_do()
    {
        var current = Storage.Serialize(Storage.Deserialize<JourneyRecord>(Fixture("v3-journey.bin"))).ToArray();
        current[StoredFormat.Marker.Length] = 9;

        var e = Assert.Throws<StoredRecordException>(() => Storage.Deserialize<JourneyRecord>(new BinaryData(current)));

        Assert.Contains("JourneyRecord", e.Message, StringComparison.Ordinal);
        Assert.Contains("schema version 9", e.Message, StringComparison.Ordinal);
        Assert.Contains($"reads versions 1 to {StoredFormat.Current}", e.Message, StringComparison.Ordinal);
        Assert.Contains("Nothing was changed in storage", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"State\":{\"Id\":\"j1\"}}", "is JSON text")]
    [InlineData("\u0020", "has no version marker")]
    public void Json_text_and_unreadable_unmarked_bytes_are_refused_with_a_message(string content, string expected)
    {
        var e = Assert.Throws<StoredRecordException>(() => Storage.Deserialize<JourneyRecord>(BinaryData.FromString(content)));

        Assert.Contains("Stored JourneyRecord record", e.Message, StringComparison.Ordinal);
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_marked_version_no_build_wrote_is_refused()
    {
        var bytes = Storage.Serialize(new ScenarioRecord()).ToArray();
        bytes[StoredFormat.Marker.Length] = 2;

        var e = Assert.Throws<StoredRecordException>(() => Storage.Deserialize<ScenarioRecord>(new BinaryData(bytes)));

        Assert.Contains("marked schema version 2, which no Growth build wrote", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_old_model_name_resolves_to_the_model_type_of_the_same_name_and_nothing_else_does()
    {
        Assert.Equal(typeof(JourneyState), LegacyModelNames.Resolve("Growth.Grains.Model.JourneyState"));
        Assert.Equal(typeof(Domain.Projection.Scenario), LegacyModelNames.Resolve("Growth.Grains.Model.Projection.Scenario"));
        Assert.Null(LegacyModelNames.Resolve("Growth.Grains.Model.NoSuchType"));
        Assert.Null(LegacyModelNames.Resolve("Growth.Grains.Journeys.JourneyRecord"));
    }
}
