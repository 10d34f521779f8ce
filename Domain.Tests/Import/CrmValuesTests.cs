using Growth.Domain.Import;

namespace Growth.Domain.Tests.Import;

public sealed class CrmValuesTests
{
    [Theory]
    [InlineData("3/1/2017")]
    [InlineData("03/01/2017")]
    [InlineData("2017-03-01")]
    [InlineData("2017-3-1")]
    [InlineData("1.3.2017")]
    [InlineData("01.03.2017")]
    [InlineData(" 3/1/2017 ")]
    [InlineData("3/1/2017 0:00")]
    [InlineData("2017-03-01T00:00:00Z")]
    public void Dates_in_every_accepted_layout_read_the_same(string text)
    {
        Assert.True(CrmValues.TryParseDate(text, out var at));
        Assert.Equal(new DateTimeOffset(2017, 3, 1, 0, 0, 0, TimeSpan.Zero), at);
    }

    [Theory]
    [InlineData("13/1/2017")] // slashes are month first: month 13 is an error, not a European date to guess
    [InlineData("2017-02-30")]
    [InlineData("3/1/17")] // two-digit year: no known century
    [InlineData("1-3-2017")]
    [InlineData("42795")] // a spreadsheet serial number
    [InlineData("")]
    public void Dates_that_could_be_misread_are_refused(string text) => Assert.False(CrmValues.TryParseDate(text, out _));

    [Theory]
    [InlineData("1054", 1054)]
    [InlineData("1054.5", 1054.5)]
    [InlineData("1,054.50", 1054.50)]
    [InlineData("$1,054", 1054)]
    [InlineData("1 054 €", 1054)]
    [InlineData("-20", -20)]
    public void Amounts_read(string text, double expected)
    {
        Assert.True(CrmValues.TryParseAmount(text, out var amount));
        Assert.Equal((decimal)expected, amount);
    }

    [Theory]
    [InlineData("1054,50")]
    [InlineData("1,05")]
    [InlineData("1.054,50")]
    [InlineData("lots")]
    [InlineData("")]
    public void Amounts_that_could_be_misread_are_refused(string text) => Assert.False(CrmValues.TryParseAmount(text, out _));

    [Theory]
    [InlineData("1.054,50 €", "de-DE", "1054.50")]
    [InlineData("12.500", "de-DE", "12500")]
    [InlineData("1 054,50", "fr-FR", "1054.50")]
    [InlineData("USD 12,500.00", null, "12500.00")]
    [InlineData("12.500,00 EUR", "de-DE", "12500.00")]
    [InlineData("$1,250.50", "en-US", "1250.50")]
    public void Amounts_are_read_in_the_workspace_s_culture(string text, string? culture, string expected)
    {
        Assert.True(CrmValues.TryParseAmount(text, CrmValues.CultureOf(culture), out var amount));
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), amount);
    }

    [Theory]
    [InlineData("1,054.50", "de-DE")]
    [InlineData("1.05", "de-DE")]
    [InlineData("1054,50", "en-US")]
    public void An_amount_written_in_another_culture_is_refused_not_misread(string text, string culture) =>
        Assert.False(CrmValues.TryParseAmount(text, CrmValues.CultureOf(culture), out _));

    [Fact]
    public void An_unknown_culture_name_is_refused_with_examples() =>
        Assert.Contains("de-DE", Assert.Throws<CrmImportException>(() => CrmValues.CultureOf("xx-nowhere")).Message);

    [Theory]
    [InlineData("Central", "central")]
    [InlineData("Mei-Mei Johns", "mei-mei-johns")]
    [InlineData("  Zoë  O'Brien ", "zoe-o-brien")]
    public void Names_slug_to_stable_ids(string name, string id) => Assert.Equal(id, CrmNames.Slug(name));
}
