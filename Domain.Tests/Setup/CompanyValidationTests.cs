using Growth.Domain.Setup;
using static Growth.Domain.Tests.Setup.ValidSetup;

namespace Growth.Domain.Tests.Setup;

public class CompanyValidationTests
{
    [Fact]
    public void The_sample_setup_and_the_empty_default_are_valid()
    {
        Assert.Equal("", string.Join("; ", SetupValidator.Validate(Document())));
        Assert.Equal("", string.Join("; ", SetupValidator.Validate(new SetupDocument())));
        SetupValidator.Require(Document());
    }

    [Fact]
    public void Every_problem_is_reported_not_just_the_first()
    {
        var document = Document()
            .WithCompany(c => c with { Name = "" })
            .WithRep(1, 0, 0, r => r with { Quota = -5 })
            .WithCampaign(2, c => c with { Budget = -100 });
        var problems = SetupValidator.Validate(document);
        Assert.Equal(["company.name", "organisation.regions[1].teams[0].reps[0].quota", "channels.campaigns[2].budget"], problems.Select(p => p.Path));
        var error = Assert.Throws<InvalidSetupException>(() => SetupValidator.Require(document));
        Assert.Equal(3, error.Problems.Count);
        Assert.Contains("channels.campaigns[2].budget: must be 0 or more (was -100)", error.Message);
    }

    [Fact]
    public void Company_name_must_be_given_and_not_too_long()
    {
        Assert.Equal("must not be empty", SingleProblem(Document().WithCompany(c => c with { Name = "  " }), "company.name"));
        Assert.Equal("must be at most 200 characters (was 201)", SingleProblem(Document().WithCompany(c => c with { Name = new string('a', 201) }), "company.name"));
    }

    [Theory]
    [InlineData("CNY"), InlineData("EUR"), InlineData("USD"), InlineData("JPY"), InlineData("GBP"), InlineData("INR"), InlineData("BRL")]
    public void Real_currency_codes_pass(string code) =>
        Assert.Empty(SetupValidator.Validate(Document().WithCompany(c => c with { Currency = c.Currency with { Code = code } })));

    [Theory]
    [InlineData("XYZ"), InlineData("usd"), InlineData(""), InlineData("DOLLAR")]
    public void Made_up_currency_codes_are_refused(string code)
    {
        var message = SingleProblem(Document().WithCompany(c => c with { Currency = c.Currency with { Code = code } }), "company.currency.code");
        Assert.Contains("is not an ISO 4217 currency code", message);
    }

    [Fact]
    public void Currency_symbol_must_be_one_to_five_characters()
    {
        SingleProblem(Document().WithCompany(c => c with { Currency = c.Currency with { Symbol = "" } }), "company.currency.symbol");
        SingleProblem(Document().WithCompany(c => c with { Currency = c.Currency with { Symbol = "dollar" } }), "company.currency.symbol");
    }

    [Theory]
    [InlineData("xx-YY"), InlineData("klingon"), InlineData("")]
    public void Unknown_cultures_are_refused_even_where_icu_would_invent_them(string culture) =>
        SingleProblem(Document().WithCompany(c => c with { Currency = c.Currency with { Culture = culture } }), "company.currency.culture");

    [Theory]
    [InlineData("en-US"), InlineData("de-DE"), InlineData("zh-CN"), InlineData("pt-BR"), InlineData("ja-JP")]
    public void Real_cultures_pass(string culture) =>
        Assert.Empty(SetupValidator.Validate(Document().WithCompany(c => c with { Currency = c.Currency with { Culture = culture } })));

    [Theory]
    [InlineData(0), InlineData(13), InlineData(-1)]
    public void Fiscal_year_start_month_must_be_a_month(int month) =>
        Assert.Equal($"must be between 1 and 12 (was {month})", SingleProblem(Document().WithCompany(c => c with { FiscalYearStartMonth = month }), "company.fiscalYearStartMonth"));

    [Fact]
    public void Time_zone_must_exist()
    {
        Assert.Contains("unknown time zone 'Mars/Olympus'", SingleProblem(Document().WithCompany(c => c with { TimeZone = "Mars/Olympus" }), "company.timeZone"));
        Assert.Empty(SetupValidator.Validate(Document().WithCompany(c => c with { TimeZone = "UTC" })));
        Assert.Empty(SetupValidator.Validate(Document().WithCompany(c => c with { TimeZone = "America/New_York" })));
    }

    [Fact]
    public void Working_days_must_be_given_once_each()
    {
        Assert.Equal("must name at least one day", SingleProblem(Document().WithCompany(c => c with { WorkingDays = [] }), "company.workingDays"));
        Assert.Equal("Monday is listed twice", SingleProblem(Document().WithCompany(c => c with { WorkingDays = [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Monday] }), "company.workingDays[2]"));
        SingleProblem(Document().WithCompany(c => c with { WorkingDays = [(DayOfWeek)9] }), "company.workingDays[0]");
    }

    [Fact]
    public void Working_hours_must_be_times_and_start_before_they_end()
    {
        SingleProblem(Document().WithCompany(c => c with { WorkdayStart = "9am" }), "company.workdayStart");
        SingleProblem(Document().WithCompany(c => c with { WorkdayEnd = "25:00" }), "company.workdayEnd");
        Assert.Equal("must be after workdayStart (18:00) (was 09:00)",
            SingleProblem(Document().WithCompany(c => c with { WorkdayStart = "18:00", WorkdayEnd = "09:00" }), "company.workdayEnd"));
    }

    [Fact]
    public void Fiscal_periods_need_a_unique_name()
    {
        SingleProblem(Document().WithCompany(c => c with { FiscalPeriods = Replace(c.FiscalPeriods, 0, p => p with { Name = "" }) }), "company.fiscalPeriods[0].name");
        Assert.Equal("duplicate fiscal period name 'FY-P1' (also at company.fiscalPeriods[0])",
            SingleProblem(Document().WithCompany(c => c with { FiscalPeriods = Replace(c.FiscalPeriods, 2, p => p with { Name = "FY-P1" }) }), "company.fiscalPeriods[2].name"));
    }

    [Fact]
    public void A_fiscal_period_cannot_end_before_it_starts() =>
        Assert.Equal("must be on or after start (2027-03-01) (was 2027-02-15)",
            SingleProblem(Document().WithCompany(c => c with { FiscalPeriods = Replace(c.FiscalPeriods, 2, p => p with { End = new(2027, 2, 15) }) }), "company.fiscalPeriods[2].end"));

    [Fact]
    public void Overlapping_fiscal_periods_are_refused_naming_the_other()
    {
        var document = Document().WithCompany(c => c with { FiscalPeriods = Replace(c.FiscalPeriods, 2, p => p with { Start = new(2027, 2, 20) }) });
        Assert.Equal("overlaps FY-P2 (2027-02-01..2027-02-28)", SingleProblem(document, "company.fiscalPeriods[2]"));
        // touching is not overlapping, in any order
        var reordered = Document().WithCompany(c => c with { FiscalPeriods = [c.FiscalPeriods[2], c.FiscalPeriods[0], c.FiscalPeriods[1]] });
        Assert.Empty(SetupValidator.Validate(reordered));
        var sameDay = Document().WithCompany(c => c with { FiscalPeriods = Replace(c.FiscalPeriods, 1, p => p with { Start = new(2027, 1, 31) }) });
        Assert.Equal("overlaps FY-P1 (2027-01-01..2027-01-31)", SingleProblem(sameDay, "company.fiscalPeriods[1]"));
    }

    [Fact]
    public void Payment_terms_are_bounded()
    {
        Assert.Equal("must be between 0 and 365 (was 400)", SingleProblem(Document() with { PaymentTerms = new() { Days = 400 } }, "paymentTerms.days"));
        SingleProblem(Document() with { PaymentTerms = new() { Days = -1 } }, "paymentTerms.days");
        Assert.Equal("must be between 0 and 1 (was 1.5)", SingleProblem(Document() with { PaymentTerms = new() { Deposit = 1.5 } }, "paymentTerms.deposit"));
        SingleProblem(Document() with { PaymentTerms = new() { OnTimeShare = -0.1 } }, "paymentTerms.onTimeShare");
        SingleProblem(Document() with { PaymentTerms = new() { LateCollectedShare = double.NaN } }, "paymentTerms.lateCollectedShare");
        Assert.Equal("must be 0 or more (was -3)", SingleProblem(Document() with { PaymentTerms = new() { DaysLate = -3 } }, "paymentTerms.daysLate"));
    }
}
