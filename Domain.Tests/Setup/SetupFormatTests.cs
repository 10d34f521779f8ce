using Growth.Domain.Setup;

namespace Growth.Domain.Tests.Setup;

public class SetupFormatTests
{
    static readonly SetupFileFormat[] Formats = [SetupFileFormat.Json, SetupFileFormat.Yaml];

    [Fact]
    public void An_empty_file_or_empty_object_is_the_default_setup()
    {
        foreach (var format in Formats)
        {
            var expected = SetupFormat.Write(new SetupDocument(), format);
            Assert.Equal(expected, SetupFormat.Write(SetupFormat.Read("", format), format));
            Assert.Equal(expected, SetupFormat.Write(SetupFormat.Read("{}", format), format));
        }
        Assert.Equal("Your company", SetupFormat.Read("  \n", SetupFileFormat.Yaml).Company.Name);
    }

    [Theory]
    [InlineData("default")]
    [InlineData("small")]
    [InlineData("big")]
    public void A_download_uploaded_again_writes_the_same_bytes_in_both_formats(string which)
    {
        var document = which switch
        {
            "default" => new SetupDocument(),
            "small" => SetupSamples.Small(),
            _ => SetupSamples.Big(4, 5, 10, 20, 8),
        };
        foreach (var format in Formats)
        {
            var text = SetupFormat.Write(document, format);
            Assert.Equal(text, SetupFormat.Write(SetupFormat.Read(text, format), format));
        }
        var json = SetupFormat.Write(document, SetupFileFormat.Json);
        var yaml = SetupFormat.Write(SetupFormat.Read(json, SetupFileFormat.Json), SetupFileFormat.Yaml);
        Assert.Equal(json, SetupFormat.Write(SetupFormat.Read(yaml, SetupFileFormat.Yaml), SetupFileFormat.Json));
    }

    [Fact]
    public void Values_keep_their_meaning_through_yaml()
    {
        var yaml = SetupFormat.Write(SetupSamples.Small(), SetupFileFormat.Yaml);
        var back = SetupFormat.Read(yaml, SetupFileFormat.Yaml);
        var reps = back.Organisation.Regions[0].Teams[0].Reps;
        Assert.Equal(["yes", "0012", "12:30"], reps.Select(r => r.Name));
        Assert.Equal(120000.50m, reps[1].Quota);
        Assert.Equal(0.8, reps[1].Skills.Close);
        Assert.Equal(new DateOnly(2025, 9, 1), reps[0].HireDate);
        Assert.Equal("华东", back.Organisation.Regions[0].Name);
        Assert.Equal(DayOfWeek.Saturday, back.Company.WorkingDays[^1]);
        Assert.Equal(4000, back.Channels.Campaigns[1].ExpectedReach);
        Assert.Null(back.Channels.Campaigns[1].CostPerUnit);
        Assert.Equal(TargetLevel.Rep, back.Targets.Targets[1].Level);
    }

    [Fact]
    public void Yaml_is_written_for_a_person_to_edit()
    {
        var yaml = SetupFormat.Write(SetupSamples.Small(), SetupFileFormat.Yaml);
        Assert.DoesNotContain("!!", yaml);
        Assert.DoesNotContain("{\"", yaml);
        Assert.Contains("name: \"yes\"", yaml);
        Assert.Contains("name: \"0012\"", yaml);
        Assert.Contains("name: \"12:30\"", yaml);
        Assert.Contains("name: Acme Learning", yaml);
        Assert.Contains("name: 华东", yaml);
        Assert.Contains("hireDate: 2025-09-01", yaml);
        Assert.Contains("assignment: skillMatch", yaml);
        Assert.Contains("workingDays: [monday, tuesday, wednesday, thursday, friday, saturday]", yaml);
        Assert.Contains("\n          reps:\n            - id: rep-1\n", yaml);
        var json = SetupFormat.Write(SetupSamples.Small(), SetupFileFormat.Json);
        Assert.Contains("\"name\": \"华东\"", json);
        Assert.Contains("\"hireDate\": \"2025-09-01\"", json);
        Assert.DoesNotContain("null", json);
    }

    [Fact]
    public void A_plain_yaml_value_is_read_as_the_field_needs_it()
    {
        var yaml = "company:\n  name: yes\n  workdayStart: 12:30\norganisation:\n  regions:\n    - id: 0012\n      name: 7\n";
        var document = SetupFormat.Read(yaml, SetupFileFormat.Yaml);
        Assert.Equal("yes", document.Company.Name);
        Assert.Equal("12:30", document.Company.WorkdayStart);
        Assert.Equal("0012", document.Organisation.Regions[0].Id);
        Assert.Equal("7", document.Organisation.Regions[0].Name);
    }

    [Theory]
    [InlineData("organisation:\n  regions:\n    - id: a\n      teams:\n        - id: t\n          reps:\n            - id: r\n              quota: lots\n", "organisation.regions[0].teams[0].reps[0].quota", "must be a number")]
    [InlineData("organisation:\n  regions:\n    - id: a\n      teams:\n        - id: t\n          reps:\n            - id: r\n              quota: \"95000\"\n", "organisation.regions[0].teams[0].reps[0].quota", "must be a number")]
    [InlineData("organisation:\n  regions:\n    - id: a\n      teams:\n        - id: t\n          reps:\n            - id: r\n              quotaa: 5\n", "organisation.regions[0].teams[0].reps[0].quotaa", "unknown field 'quotaa' (did you mean 'quota'?)")]
    [InlineData("organisation:\n  regions: north\n", "organisation.regions", "must be a list")]
    [InlineData("organisation:\n  regions:\n    - [1, 2]\n", "organisation.regions[0]", "must be a set of fields")]
    [InlineData("company: Acme\n", "company", "must be a set of fields")]
    [InlineData("channels:\n  campaigns:\n    - id: c\n      channel: radio\n", "channels.campaigns[0].channel", "must be one of: ads, events, content, incentive, brand, referral")]
    [InlineData("company:\n  workingDays: [monday, funday]\n", "company.workingDays[1]", "must be one of: sunday, monday")]
    [InlineData("company:\n  fiscalYearStartMonth: 2.5\n", "company.fiscalYearStartMonth", "must be a whole number")]
    [InlineData("channels:\n  campaigns:\n    - id: c\n      start: 2026-13-01\n", "channels.campaigns[0].start", "must be a date (yyyy-MM-dd)")]
    [InlineData("catalogue:\n  products:\n    - id: p\n      listPrice: .nan\n", "catalogue.products[0].listPrice", "must be a number")]
    [InlineData("catalogue:\n  products:\n    -\n", "catalogue.products[0]", "must not be empty")]
    [InlineData("budget: 5\n", "budget", "unknown field 'budget'; the fields here are company, organisation")]
    [InlineData("- 1\n- 2\n", "", "must be a set of fields")]
    public void A_yaml_document_of_the_wrong_shape_names_the_place(string yaml, string path, string message)
    {
        var e = Assert.Throws<InvalidSetupException>(() => SetupFormat.Read(yaml, SetupFileFormat.Yaml));
        var problem = Assert.Single(e.Problems);
        Assert.Equal(path, problem.Path);
        Assert.Contains(message, problem.Message);
    }

    [Theory]
    [InlineData("{\"organisation\":{\"regions\":[{\"id\":\"a\",\"teams\":[{\"reps\":[{},{},{},{\"quota\":\"x\"}]}]}]}}", "organisation.regions[0].teams[0].reps[3].quota", "must be a number")]
    [InlineData("{\"catalogue\":{\"products\":{}}}", "catalogue.products", "must be a list")]
    [InlineData("{\"company\":{\"name\":12}}", "company.name", "must be text")]
    [InlineData("{\"targets\":{\"allocation\":1}}", "targets.allocation", "must be one of: byCapacity, byHistory, even")]
    [InlineData("{\"paymentTerms\":{\"days\":30,\"days\":60}}", "paymentTerms.days", "given twice")]
    [InlineData("{\"paymentTerms\":{\"days\":1e400}}", "paymentTerms.days", "must be a whole number")]
    public void A_json_document_of_the_wrong_shape_names_the_place(string json, string path, string message)
    {
        var e = Assert.Throws<InvalidSetupException>(() => SetupFormat.Read(json, SetupFileFormat.Json));
        var problem = Assert.Single(e.Problems);
        Assert.Equal(path, problem.Path);
        Assert.Contains(message, problem.Message);
    }

    [Fact]
    public void Every_problem_in_a_file_is_named_at_once()
    {
        var yaml = "company:\n  nmae: X\npaymentTerms:\n  days: soon\n  deposit: half\n";
        var e = Assert.Throws<InvalidSetupException>(() => SetupFormat.Read(yaml, SetupFileFormat.Yaml));
        Assert.Equal(["company.nmae", "paymentTerms.days", "paymentTerms.deposit"], e.Problems.Select(p => p.Path));
        Assert.Contains("company.nmae: unknown field 'nmae' (did you mean 'name'?)", e.Message);
    }

    [Fact]
    public void Syntax_errors_give_the_line()
    {
        var yaml = "company:\n  name: A\n  currency:\n    code: [USD\n";
        var e = Assert.Throws<InvalidSetupException>(() => SetupFormat.Read(yaml, SetupFileFormat.Yaml));
        Assert.StartsWith("YAML syntax error at line ", Assert.Single(e.Problems).Message);
        var j = Assert.Throws<InvalidSetupException>(() => SetupFormat.Read("{\n\"company\": {\n\"name\": \"A\",,\n}", SetupFileFormat.Json));
        Assert.StartsWith("JSON syntax error at line 3", Assert.Single(j.Problems).Message);
        var dup = Assert.Throws<InvalidSetupException>(() => SetupFormat.Read("company:\n  name: A\n  name: B\n", SetupFileFormat.Yaml));
        Assert.Single(dup.Problems);
    }

    [Fact]
    public void Null_fields_take_their_defaults()
    {
        var document = SetupFormat.Read("company:\n  name:\n  timeZone: ~\npaymentTerms: null\n", SetupFileFormat.Yaml);
        Assert.Equal("Your company", document.Company.Name);
        Assert.Equal("UTC", document.Company.TimeZone);
        Assert.Equal(30, document.PaymentTerms.Days);
    }

    [Fact]
    public void A_part_is_written_and_read_alone_and_replaces_only_itself()
    {
        var small = SetupSamples.Small();
        foreach (var format in Formats)
        {
            var catalogue = SetupFormat.WritePart(small, "catalogue", format);
            Assert.DoesNotContain("organisation", catalogue);
            var merged = SetupFormat.ReadPart(new SetupDocument(), "catalogue", catalogue, format);
            Assert.Equal(catalogue, SetupFormat.WritePart(merged, "catalogue", format));
            Assert.Equal(SetupFormat.WritePart(new SetupDocument(), "company", format), SetupFormat.WritePart(merged, "company", format));
        }
        var terms = SetupFormat.ReadPart(small, "PaymentTerms", "{\"days\": 45}", SetupFileFormat.Json);
        Assert.Equal(45, terms.PaymentTerms.Days);
        Assert.Equal("Acme Learning", terms.Company.Name);
    }

    [Fact]
    public void Errors_in_a_part_carry_the_full_path_and_an_unknown_part_is_named()
    {
        var e = Assert.Throws<InvalidSetupException>(() =>
            SetupFormat.ReadPart(new SetupDocument(), "catalogue", "products:\n  - id: p\n    listPrice: cheap\n", SetupFileFormat.Yaml));
        Assert.Equal("catalogue.products[0].listPrice", Assert.Single(e.Problems).Path);
        var unknown = Assert.Throws<InvalidSetupException>(() => SetupFormat.WritePart(new SetupDocument(), "pricing", SetupFileFormat.Yaml));
        Assert.Contains("unknown setup part 'pricing'", Assert.Single(unknown.Problems).Message);
        Assert.Throws<InvalidSetupException>(() => SetupFormat.ReadPart(new SetupDocument(), "pricing", "{}", SetupFileFormat.Json));
    }
}
