using System.Collections;
using System.Reflection;
using System.Text;
using Growth.Domain.Journeys;
using Growth.Grains.Journeys;
using Growth.Grains.Serialization;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;

namespace Growth.Grains.Tests.Serialization;

/// <summary>
/// The hot journey types travel through Orleans surrogates (Grains/Serialization), not JSON: every property must
/// survive a round trip, so a property added to the model without its surrogate field fails here.
/// </summary>
public class ModelSerializationTests
{
    static readonly ServiceProvider Services = new ServiceCollection().AddGrowthSerialization().BuildServiceProvider();
    static Serializer Serializer => Services.GetRequiredService<Serializer>();
    static DeepCopier Copier => Services.GetRequiredService<DeepCopier>();

    [Theory]
    [InlineData(typeof(JourneyState))]
    [InlineData(typeof(JourneyEvent))]
    [InlineData(typeof(JourneyPlan))]
    public void Every_property_survives_the_round_trip(Type type)
    {
        var value = Filled(type);
        var bytes = Serializer.SerializeToArray<object>(value);
        var back = Serializer.Deserialize<object>(bytes);
        AssertSameValues(type, value, back);
        // Orleans' binary form, not the JSON codec (which would carry the property names).
        Assert.DoesNotContain("\"Id\"", Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
    }

    [Fact]
    public void Immutable_records_are_shared_by_a_copy_and_the_mutable_plan_is_copied_deeply()
    {
        var state = (JourneyState)Filled(typeof(JourneyState));
        var e = (JourneyEvent)Filled(typeof(JourneyEvent));
        Assert.Same(state, Copier.Copy(state));
        Assert.Same(e, Copier.Copy(e));

        var plan = (JourneyPlan)Filled(typeof(JourneyPlan));
        var copy = Copier.Copy(plan);
        Assert.NotSame(plan, copy);
        Assert.NotSame(plan.Skills, copy.Skills);
        Assert.NotSame(plan.Invoices, copy.Invoices);
        AssertSameValues(typeof(JourneyPlan), plan, copy);
    }

    [Fact]
    public void A_journey_record_round_trips_through_the_storage_serializer()
    {
        var record = new JourneyRecord
        {
            State = (JourneyState)Filled(typeof(JourneyState)),
            Plan = (JourneyPlan)Filled(typeof(JourneyPlan)),
            Recent = [(JourneyEvent)Filled(typeof(JourneyEvent)), (JourneyEvent)Filled(typeof(JourneyEvent)) with { Id = "second" }],
            Window = [(JourneyEvent)Filled(typeof(JourneyEvent))],
            WindowBase = new JourneyState { Id = "base" },
            SettledIds = ["a", "b"],
        };
        var storage = new VersionedGrainStorageSerializer(Serializer);
        var back = storage.Deserialize<JourneyRecord>(storage.Serialize(record))!;
        Assert.Equal(record.State, back.State);
        AssertSameValues(typeof(JourneyPlan), record.Plan, back.Plan);
        Assert.Equal(record.Recent, back.Recent);
        Assert.Equal(record.Window, back.Window);
        Assert.Equal(record.WindowBase, back.WindowBase);
        Assert.Equal(record.SettledIds, back.SettledIds);
    }

    /// <summary>An instance with every settable property set to a value other than its default.</summary>
    static object Filled(Type type)
    {
        var value = Activator.CreateInstance(type)!;
        foreach (var p in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite))
        {
            p.SetValue(value, Sample(p.PropertyType, p.Name));
            Assert.NotEqual(Default(p.PropertyType), p.GetValue(value));
        }
        return value;
    }

    static object Sample(Type type, string name)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        if (t == typeof(string)) return $"{name}-value";
        if (t == typeof(bool)) return true;
        if (t == typeof(int)) return name.Length;
        if (t == typeof(ulong)) return 0xFEDCBA9876543210UL;
        if (t == typeof(double)) return 0.1 + name.Length;
        // Trailing zeros kept: the scale of a decimal is part of its value on the wire.
        if (t == typeof(decimal)) return 1234.50m + name.Length;
        if (t == typeof(DateTimeOffset)) return new DateTimeOffset(2026, 2, 3, 4, 5, 6, TimeSpan.FromHours(2)).AddMinutes(name.Length);
        if (t.IsEnum) return Enum.GetValues(t).GetValue(Enum.GetValues(t).Length - 1)!;
        if (t == typeof(double[])) return new[] { 0.25, 0.5, 0.75 };
        if (t == typeof(List<PlannedInvoice>))
            return new List<PlannedInvoice> { new(99.90m, new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero), null, true), new(5m, default, DateTimeOffset.UnixEpoch, false) };
        throw new InvalidOperationException($"no sample value for {type} ({name}): extend the test");
    }

    static object? Default(Type type) => type.IsValueType && Nullable.GetUnderlyingType(type) is null ? Activator.CreateInstance(type) : null;

    static void AssertSameValues(Type type, object? expected, object? actual)
    {
        Assert.NotNull(expected);
        Assert.NotNull(actual);
        Assert.IsType(type, actual);
        foreach (var p in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var (a, b) = (p.GetValue(expected), p.GetValue(actual));
            if (a is IEnumerable ea and not string && b is IEnumerable eb) Assert.Equal(ea.Cast<object>(), eb.Cast<object>());
            else if (a is DateTimeOffset da && b is DateTimeOffset db) Assert.Equal((da.DateTime, da.Offset), (db.DateTime, db.Offset));
            else if (a is decimal ma && b is decimal mb) Assert.Equal(ma.ToString(System.Globalization.CultureInfo.InvariantCulture), mb.ToString(System.Globalization.CultureInfo.InvariantCulture));
            else Assert.Equal(a, b);
        }
    }
}
