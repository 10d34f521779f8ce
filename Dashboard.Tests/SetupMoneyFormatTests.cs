using Growth.Dashboard.Application.Setup;
using Growth.Dashboard.Components.Shared;
using Growth.Domain.Figures;
using Growth.Domain.Setup;

namespace Growth.Dashboard.Tests;

/// <summary>Pages write money in the workspace's setup currency and culture; setup files are read in the format they are in.</summary>
public class SetupMoneyFormatTests
{
    [Theory]
    [InlineData(1_234_000, "CNY", "¥", "zh-CN", "¥1.23M")]
    [InlineData(1_200_000, "CNY", "¥", "zh-CN", "¥1.2M")]
    [InlineData(45_000, "EUR", "€", "en-IE", "€45k")]
    [InlineData(5_000, "USD", "$", "en-US", "$5,000")]
    [InlineData(-5_000, "USD", "$", "en-US", "-$5,000")]
    [InlineData(5_000, "EUR", "€", "de-DE", "5.000 €")]
    [InlineData(2_500_000, "EUR", "€", "de-DE", "2,5M €")]
    [InlineData(5_000, "USD", "$", "no-such-culture", "$5,000")]
    public void Money_is_written_with_the_workspace_symbol_and_culture(decimal value, string code, string symbol, string culture, string expected) =>
        Assert.Equal(expected, Format.Money(value, new MoneyStyle(code, symbol, culture)));

    [Fact]
    public void Money_without_a_style_keeps_the_plain_short_form() =>
        Assert.Equal("1.50M", Format.Money(1_500_000m));

    [Theory]
    [InlineData("application/yaml", null, "{}", SetupFileFormat.Yaml)]
    [InlineData("text/yaml; charset=utf-8", null, "{}", SetupFileFormat.Yaml)]
    [InlineData("application/x-yaml", null, "{}", SetupFileFormat.Yaml)]
    [InlineData("application/json", "setup.yaml", "a: 1", SetupFileFormat.Json)]
    [InlineData("application/problem+json", null, "a: 1", SetupFileFormat.Json)]
    [InlineData("application/octet-stream", "acme-setup-v3.yml", "{}", SetupFileFormat.Yaml)]
    [InlineData("", "acme-setup-v3.json", "a: 1", SetupFileFormat.Json)]
    [InlineData(null, null, "  { \"company\": {} }", SetupFileFormat.Json)]
    [InlineData(null, null, "company:\n  name: x", SetupFileFormat.Yaml)]
    public void A_setup_file_is_read_by_content_type_then_extension_then_content(string? type, string? name, string text, SetupFileFormat expected) =>
        Assert.Equal(expected, SetupFiles.FormatOf(type, name, text));

    [Fact]
    public void A_download_is_named_after_the_workspace_and_version() =>
        Assert.Equal("acme-setup-v3.yaml", SetupFiles.FileName("acme", 3, SetupFileFormat.Yaml));
}
