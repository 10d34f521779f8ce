using System.Collections.Frozen;
using System.Globalization;

namespace Growth.Domain.Setup.Validation;

/// <summary>Rules for the company part and the payment terms.</summary>
internal static class CompanyRules
{
    /// <summary>
    /// ISO 4217 codes: those of every region .NET knows (ICU), plus common ones a region list may lack.
    /// Immutable, built once.
    /// </summary>
    static readonly Lazy<FrozenSet<string>> Currencies = new(() =>
    {
        var codes = new HashSet<string>(StringComparer.Ordinal)
        {
            "USD", "EUR", "CNY", "JPY", "GBP", "INR", "BRL", "CHF", "CAD", "AUD", "NZD", "HKD", "SGD", "KRW", "TWD",
            "SEK", "NOK", "DKK", "PLN", "CZK", "HUF", "RUB", "TRY", "ZAR", "MXN", "ARS", "CLP", "COP", "PEN", "IDR",
            "MYR", "THB", "PHP", "VND", "AED", "SAR", "ILS", "EGP", "NGN", "KES", "UAH", "RON", "BGN", "ISK", "PKR",
        };
        foreach (var culture in CultureInfo.GetCultures(CultureTypes.SpecificCultures))
        {
            try { codes.Add(new RegionInfo(culture.Name).ISOCurrencySymbol); }
            catch (ArgumentException) { } // a culture without a region of its own
        }
        codes.RemoveWhere(c => c.Length != 3 || !c.All(char.IsAsciiLetterUpper));
        return codes.ToFrozenSet(StringComparer.Ordinal);
    });

    /// <summary>Culture names .NET really has (ICU accepts made-up names too, so only listed ones count).</summary>
    static readonly Lazy<FrozenSet<string>> Cultures = new(() =>
        CultureInfo.GetCultures(CultureTypes.AllCultures).Select(c => c.Name).Where(n => n.Length > 0)
            .ToFrozenSet(StringComparer.OrdinalIgnoreCase));

    public static bool IsCurrency(string? code) => code is not null && Currencies.Value.Contains(code);

    /// <summary>A listed culture, or one ICU really has data for (predefined: zh-CN is listed only as zh-Hans-CN).</summary>
    public static bool IsCulture(string? name)
    {
        if (string.IsNullOrWhiteSpace(name)) return false;
        if (Cultures.Value.Contains(name)) return true;
        try { return CultureInfo.GetCultureInfo(name, predefinedOnly: true) is not null; }
        catch (CultureNotFoundException) { return false; }
    }

    public static void Check(CompanySetup company, ProblemList problems)
    {
        const string at = "company";
        problems.Text(SetupPath.Field(at, "name"), company.Name);

        var currency = SetupPath.Field(at, "currency");
        if (!IsCurrency(company.Currency.Code))
            problems.Add(SetupPath.Field(currency, "code"), $"'{company.Currency.Code}' is not an ISO 4217 currency code (three capital letters, such as USD, EUR or CNY)");
        problems.Text(SetupPath.Field(currency, "symbol"), company.Currency.Symbol, max: 5);
        if (!IsCulture(company.Currency.Culture))
            problems.Add(SetupPath.Field(currency, "culture"), $"unknown culture '{company.Currency.Culture}' (such as en-US, de-DE or zh-CN)");

        if (company.FiscalYearStartMonth is < 1 or > 12)
            problems.Add(SetupPath.Field(at, "fiscalYearStartMonth"), $"must be between 1 and 12 (was {company.FiscalYearStartMonth})");
        if (FiscalCalendar.FindTimeZone(company.TimeZone) is null)
            problems.Add(SetupPath.Field(at, "timeZone"), $"unknown time zone '{company.TimeZone}' (an IANA id such as Asia/Shanghai, or UTC)");

        WorkingTime(company, problems);
        FiscalPeriods(company.FiscalPeriods, problems);
    }

    static void WorkingTime(CompanySetup company, ProblemList problems)
    {
        var days = SetupPath.Field("company", "workingDays");
        if (company.WorkingDays.Count == 0) problems.Add(days, "must name at least one day");
        var seen = new HashSet<DayOfWeek>();
        for (var i = 0; i < company.WorkingDays.Count; i++)
        {
            var day = company.WorkingDays[i];
            if (!Enum.IsDefined(day)) problems.Add(SetupPath.Item(days, i), $"'{day}' is not a day of the week");
            else if (!seen.Add(day)) problems.Add(SetupPath.Item(days, i), $"{day} is listed twice");
        }

        var start = Time(SetupPath.Field("company", "workdayStart"), company.WorkdayStart, problems);
        var end = Time(SetupPath.Field("company", "workdayEnd"), company.WorkdayEnd, problems);
        if (start is { } s && end is { } e && s >= e)
            problems.Add(SetupPath.Field("company", "workdayEnd"), $"must be after workdayStart ({company.WorkdayStart}) (was {company.WorkdayEnd})");
    }

    static TimeOnly? Time(string path, string? value, ProblemList problems)
    {
        if (TimeOnly.TryParseExact(value, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time)) return time;
        problems.Add(path, $"must be a time of day as HH:mm, such as 09:00 (was '{value}')");
        return null;
    }

    static void FiscalPeriods(IReadOnlyList<FiscalPeriodSetup> periods, ProblemList problems)
    {
        var list = SetupPath.Field("company", "fiscalPeriods");
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        var dated = new List<int>(periods.Count);
        for (var i = 0; i < periods.Count; i++)
        {
            var p = periods[i];
            var at = SetupPath.Item(list, i);
            problems.Text(SetupPath.Field(at, "name"), p.Name, max: 100);
            if (!string.IsNullOrWhiteSpace(p.Name) && !names.TryAdd(p.Name, at))
                problems.Add(SetupPath.Field(at, "name"), $"duplicate fiscal period name '{p.Name}' (also at {names[p.Name]})");
            if (p.End < p.Start)
                problems.Add(SetupPath.Field(at, "end"), $"must be on or after start ({ProblemList.Show(p.Start)}) (was {ProblemList.Show(p.End)})");
            else if (p.Start.Year < FiscalCalendar.MinYear || p.End.Year > FiscalCalendar.MaxYear)
                problems.Add(at, $"must lie between {FiscalCalendar.MinYear} and {FiscalCalendar.MaxYear}");
            else dated.Add(i);
        }

        // Sweep by start: a period overlaps the one reaching furthest among those that start before it.
        dated.Sort((a, b) => periods[a].Start != periods[b].Start ? periods[a].Start.CompareTo(periods[b].Start) : a.CompareTo(b));
        var furthest = -1;
        foreach (var i in dated)
        {
            if (furthest >= 0 && periods[i].Start <= periods[furthest].End)
            {
                var (later, other) = i > furthest ? (i, furthest) : (furthest, i);
                var o = periods[other];
                problems.Add(SetupPath.Item(list, later), $"overlaps {o.Name} ({ProblemList.Show(o.Start)}..{ProblemList.Show(o.End)})");
            }
            if (furthest < 0 || periods[i].End > periods[furthest].End) furthest = i;
        }
    }

    public static void CheckPaymentTerms(PaymentTermsSetup terms, ProblemList problems)
    {
        const string at = "paymentTerms";
        if (terms.Days is < 0 or > 365) problems.Add(SetupPath.Field(at, "days"), $"must be between 0 and 365 (was {terms.Days})");
        problems.Share(SetupPath.Field(at, "deposit"), terms.Deposit);
        problems.Share(SetupPath.Field(at, "onTimeShare"), terms.OnTimeShare);
        problems.Share(SetupPath.Field(at, "lateCollectedShare"), terms.LateCollectedShare);
        problems.AtLeast(SetupPath.Field(at, "daysLate"), terms.DaysLate, 0);
    }
}
