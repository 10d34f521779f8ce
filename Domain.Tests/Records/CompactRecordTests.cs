using System.Globalization;
using System.Reflection;
using Growth.Domain.Randomness;
using Growth.Domain.Records;

namespace Growth.Domain.Tests.Records;

/// <summary>
/// The compact row a shard keeps (<see cref="CompactRecord"/>) reads back as exactly the row it was made from: every
/// property of <see cref="CustomerRecord"/>, found by reflection, so a property added later and not carried fails here;
/// a value the compact form cannot hold keeps the row whole, never rounded.
/// </summary>
public class CompactRecordTests
{
    static readonly PropertyInfo[] Carried = typeof(CustomerRecord).GetProperties(BindingFlags.Public | BindingFlags.Instance)
        .Where(p => p.CanWrite).ToArray();

    /// <summary>A row with every settable property given a value that is not its default (drawn from <paramref name="seed"/>).</summary>
    internal static CustomerRecord Varied(int seed)
    {
        var rng = new Prng((ulong)seed);
        var row = new CustomerRecord();
        foreach (var p in Carried) p.SetValue(row, ValueOf(p, rng));
        // The row's StepAt follows the journey's rule (CustomerRecord.Of): its step date, else assignment, else creation.
        return row with { StepAt = row.DealStepAt ?? row.AssignedAt ?? row.CreatedAt };
    }

    static object ValueOf(PropertyInfo p, Prng rng)
    {
        var type = Nullable.GetUnderlyingType(p.PropertyType) ?? p.PropertyType;
        if (type == typeof(string)) return $"{p.Name.ToLowerInvariant()}-{1 + rng.Next(5)}";
        if (type == typeof(bool)) return true;
        if (type == typeof(int)) return 1 + rng.Next(1000);
        if (type == typeof(ulong)) return (ulong)rng.Next(int.MaxValue) * 4_000_000_000UL + 1;
        // Money with 0 to 4 decimals, the scale kept (12.50 is not 12.5).
        if (type == typeof(decimal)) return new decimal(1 + rng.Next(2_000_000_000), 0, 0, rng.Chance(0.2), (byte)rng.Next(5));
        if (type == typeof(DateTimeOffset)) return new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero).AddTicks((long)(rng.Uniform(0, 1) * TimeSpan.TicksPerDay * 3650));
        if (type.IsEnum)
        {
            var values = Enum.GetValues(type);
            return values.GetValue(values.Length == 1 ? 0 : 1 + rng.Next(values.Length - 1))!;
        }
        throw new InvalidOperationException($"CustomerRecord.{p.Name} is of a type ({type.Name}) this test does not vary yet: add it here and carry it in CompactRecord.");
    }

    static void AssertSame(CustomerRecord expected, CustomerRecord actual)
    {
        foreach (var p in Carried)
        {
            var (e, a) = (p.GetValue(expected), p.GetValue(actual));
            Assert.True(Equals(e, a), $"{p.Name}: {e} was read back as {a}");
            // Equal values that print differently are not the same: a date's offset, a decimal's scale.
            Assert.Equal(Text(e), Text(a));
        }
        Assert.Equal(expected, actual);
    }

    static string? Text(object? v) => v switch
    {
        DateTimeOffset d => d.ToString("O", CultureInfo.InvariantCulture),
        decimal m => m.ToString(CultureInfo.InvariantCulture),
        _ => v?.ToString(),
    };

    [Fact]
    public void Every_property_of_varied_rows_reads_back_exactly_from_the_compact_form()
    {
        var strings = new RecordStrings();
        for (var seed = 1; seed <= 300; seed++)
        {
            var row = Varied(seed);
            foreach (var p in Carried) Assert.False(Equals(p.GetValue(row), Default(p.PropertyType)) || "".Equals(p.GetValue(row)), $"{p.Name} was left at its default");
            var compact = CompactRecord.Of(row, strings);
            Assert.False(compact.Whole, $"row {seed} was not made compact");
            AssertSame(row, compact.Expand(strings));
        }
        // Five values per id field, shared: the table holds each string once.
        // (six id fields: region, team, rep, campaign, pool reason, tags).
        Assert.True(strings.Count <= 30, $"{strings.Count} strings");
    }

    static object? Default(Type t) => t.IsValueType && Nullable.GetUnderlyingType(t) is null ? Activator.CreateInstance(t) : null;

    [Fact]
    public void A_row_with_nothing_set_reads_back_as_it_was()
    {
        var strings = new RecordStrings();
        var row = new CustomerRecord { JourneyId = "j-1" };
        var compact = CompactRecord.Of(row, strings);
        Assert.False(compact.Whole);
        AssertSame(row, compact.Expand(strings));
    }

    public static TheoryData<string> NotCompact => ["offset", "money", "precision", "negative zero", "count", "step date"];

    [Theory]
    [MemberData(nameof(NotCompact))]
    public void A_value_the_compact_form_cannot_hold_keeps_the_row_whole_and_exact(string what)
    {
        var strings = new RecordStrings();
        var row = Varied(7);
        row = what switch
        {
            "offset" => row with { ClosedAt = new DateTimeOffset(2026, 3, 2, 17, 0, 0, TimeSpan.FromHours(8)) },
            "money" => row with { Value = 123_456_789_012.34m },
            "precision" => row with { Outstanding = 1.0000000000000000000000000001m },
            "negative zero" => row with { Overdue = new decimal(0, 0, 0, true, 2) },
            "count" => row with { FollowUps = 70_000 },
            _ => row with { StepAt = row.CreatedAt!.Value.AddDays(-1) },
        };
        var compact = CompactRecord.Of(row, strings);
        Assert.True(compact.Whole);
        AssertSame(row, compact.Expand(strings));
    }

    /// <summary>The row with every date cut to its whole second (as a CRM's dates are): kept as seconds, not ticks.</summary>
    static CustomerRecord WholeSeconds(CustomerRecord row)
    {
        var cut = row with { };
        foreach (var p in Carried.Where(p => p.PropertyType == typeof(DateTimeOffset?)))
            if (p.GetValue(cut) is DateTimeOffset d) p.SetValue(cut, new DateTimeOffset(d.UtcTicks - d.UtcTicks % TimeSpan.TicksPerSecond, TimeSpan.Zero));
        return cut;
    }

    public static TheoryData<string> DateForms => ["whole seconds", "one date to the tick", "before 1970", "after 2106", "the first second of 1970", "the last second kept as seconds", "one date only"];

    [Theory]
    [MemberData(nameof(DateForms))]
    public void Dates_read_back_exactly_whether_kept_as_seconds_or_as_ticks(string form)
    {
        var strings = new RecordStrings();
        var epoch = DateTimeOffset.UnixEpoch;
        for (var seed = 1; seed <= 50; seed++)
        {
            var row = WholeSeconds(Varied(seed));
            row = form switch
            {
                "one date to the tick" => row with { PaidAt = row.PaidAt!.Value.AddTicks(1 + seed) },
                "before 1970" => row with { QualifiedAt = epoch.AddSeconds(-1 - seed) },
                "after 2106" => row with { OrderAt = epoch.AddSeconds(uint.MaxValue + 1.0 + seed) },
                "the first second of 1970" => row with { FollowUpAt = epoch },
                "the last second kept as seconds" => row with { OverdueSince = epoch.AddSeconds(uint.MaxValue) },
                "one date only" => new CustomerRecord { JourneyId = $"j-{seed}", CreatedAt = epoch.AddSeconds(1_800_000_000 + seed), StepAt = epoch.AddSeconds(1_800_000_000 + seed) },
                _ => row,
            };
            var compact = CompactRecord.Of(row, strings);
            Assert.False(compact.Whole, $"row {seed} was not made compact");
            AssertSame(row, compact.Expand(strings));
            // A row kept again from its expanded form keeps the same dates (a shard's erasure and name carry-over do this).
            AssertSame(row, CompactRecord.Of(compact.Expand(strings), strings).Expand(strings));
        }
    }

    [Fact]
    public void Money_keeps_its_scale_and_sign()
    {
        var strings = new RecordStrings();
        var row = new CustomerRecord { JourneyId = "j-1", Value = 12.50m, WonValue = -0.01m, OpportunityValue = 2_147_483.647m, Outstanding = 0m, Overdue = 0.00m };
        var back = CompactRecord.Of(row, strings).Expand(strings);
        Assert.Equal(["12.50", "-0.01", "2147483.647", "0", "0.00"], new[] { back.Value, back.WonValue, back.OpportunityValue, back.Outstanding, back.Overdue }
            .Select(m => m.ToString(CultureInfo.InvariantCulture)));
    }
}
