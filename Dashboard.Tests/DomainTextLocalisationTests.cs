using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Growth.Dashboard.Components.Shared;
using Growth.Dashboard.Localisation.Chinese;
using Growth.Dashboard.Resources;
using Growth.Domain.Calibration;
using Growth.Domain.Setup;
using Growth.Domain.Simulation;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Growth.Dashboard.Tests;

/// <summary>
/// Text the domain writes in English, said in Chinese on a Chinese page: every assumption's effect and source, every
/// template summary, every setup problem the validator can write, every refusal title, every pay-line note; English
/// pages keep the domain's wording as written.
/// </summary>
public partial class DomainTextLocalisationTests
{
    static Words Words() => new(new StringLocalizer<Ui>(new ResourceManagerStringLocalizerFactory(
        Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance)));

    static T In<T>(string culture, Func<T> read)
    {
        var (c, ui) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
        try { return read(); }
        finally { (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (c, ui); }
    }

    static string Source(params string[] path) => File.ReadAllText(Path.Combine([LocalisationTests.Root, .. path]));

    /// <summary>Every assumption the catalogue can list: each company kind, fitted or not, with and without the contract stage and customer grades.</summary>
    static IEnumerable<Assumption> EveryAssumption()
    {
        var plain = BehaviourParameters.Default;
        var fitted = plain with { Deals = new DealCalibration { WinRate = 0.3 } };
        var contract = plain with { Rules = plain.Rules with { Contract = new ContractRules(2, 48, 0.2, 0.1, 0.3), Customers = CustomerRules.For(plain.ListPrice),
            LongRun = global::Growth.Domain.LongRun.LongRunAssumptions.Default } };
        return from p in new[] { plain, fitted, contract } from kind in Enum.GetValues<CompanyKind>() from a in AssumptionCatalogue.Of(p, kind) select a;
    }

    [Fact]
    public void Every_assumption_effect_and_source_has_its_Chinese_and_English_stays_as_the_domain_wrote_it()
    {
        var words = Words();
        var all = EveryAssumption().ToList();
        Assert.Contains(all, a => a.Key == "rules.contract.draftDays");
        Assert.Contains(all, a => a.Key == "longRun.repTenureYears");
        Assert.Contains(all, a => a.Fitted);
        var missing = all.Where(a => AssumptionChinese.Effect(a.Key, a.Effect) is null).Select(a => "effect " + a.Key)
            .Concat(all.Where(a => AssumptionChinese.Source(a.Source) is null).Select(a => "source " + a.Source)).Distinct().ToList();
        Assert.True(missing.Count == 0, "no Chinese for: " + string.Join(" | ", missing));

        var share = all.First(a => a.Key == "arrival.workingTimeShare");
        var zh = In("zh-Hans", () => words.Effect(share));
        Assert.Matches(@"^线索在工作时间以平均速率的 [0-9.]+ 倍到达，在工作时间外为 [0-9.]+ 倍$", zh);
        Assert.Equal(share.Effect, In("en", () => words.Effect(share)));
        var study = all.First(a => a.Key == "speedToLead.graceHours");
        Assert.Equal("研究：Oldroyd, McElheran and Elkington, \"The Short Life of Online Sales Leads\", HBR 2011（“一小时之内”）", In("zh-Hans", () => words.Source(study)));
        Assert.Equal(study.Source, In("en", () => words.Source(study)));
    }

    [Fact]
    public void Every_assumption_s_value_is_said_in_Chinese_with_no_English_word_left_and_in_English_as_written()
    {
        var words = Words();
        var all = EveryAssumption().ToList();
        // Letters left in a Chinese value may only be grade letters, a time zone (Area/City, UTC) or a figure's exponent.
        var english = all.Select(a => (a.Key, Zh: In("zh-Hans", () => words.Value(a))))
            .Where(x => Regex.IsMatch(Regex.Replace(x.Zh, @"\b[A-Z][a-z]+/[A-Za-z_]+\b|\bUTC\b|\b[A-D]\b", ""), "[A-Za-z]{2,}"))
            .Select(x => $"{x.Key}: {x.Zh}").ToList();
        Assert.True(english.Count == 0, "English left in: " + string.Join(" | ", english));
        Assert.All(all, a => Assert.Equal(a.Value, In("en", () => words.Value(a))));
        string Zh(string key) => In("zh-Hans", () => words.Value(all.First(a => a.Key == key)));
        var enabled = all.First(a => a.Key == "speedToLead.enabled");
        Assert.Equal(("是", "否"), (In("zh-Hans", () => words.Value(enabled with { Value = "yes" })), In("zh-Hans", () => words.Value(enabled with { Value = "no" }))));
        Assert.StartsWith("周日 1, 周一 1", Zh("arrival.weekdayWeights"));
        Assert.StartsWith("1月 1, 2月 1", Zh("arrival.monthWeights"));
        Assert.Equal("周一, 周二, 周三, 周四, 周五", Zh("arrival.workingDays"));
        Assert.Equal("A 每 2 天 ×6, B 每 3 天 ×4, C 每 4 天 ×3, D 每 6 天 ×2", Zh("rules.grades"));
        Assert.Equal("1 期，每 30 天", Zh("rules.collections.instalments"));
        Assert.Equal(("无", "从不"), (Zh("rules.collections.reminderDays"), Zh("rules.collections.writeOffDays")));
    }

    [Fact]
    public void Every_assumption_s_area_name_and_unit_has_its_words_in_both_languages()
    {
        // The keys Words.Said looks up; one missing shows the model's English on the Chinese Setup and Calibration pages.
        static string Plain(string id) => new(id.Where(char.IsLetterOrDigit).ToArray());
        var wanted = EveryAssumption().SelectMany(a => new[]
        {
            "Assumption." + a.Key,
            "AssumptionUnit." + Plain(a.Unit).ToLowerInvariant(),
            "AssumptionArea." + (Plain(a.Area) is { Length: > 0 } area ? char.ToUpperInvariant(area[0]) + area[1..].ToLowerInvariant() : ""),
        }).Where(k => !k.EndsWith('.')).Distinct().ToList(); // an assumption with no unit (a count) shows none
        foreach (var file in new[] { "Ui.resx", "Ui.zh-Hans.resx" })
        {
            var keys = System.Xml.Linq.XDocument.Load(Path.Combine(LocalisationTests.Root, "Dashboard", "Resources", file)).Root!
                .Elements("data").Select(d => (string)d.Attribute("name")!).ToHashSet(StringComparer.Ordinal);
            var missing = wanted.Where(k => !keys.Contains(k)).ToList();
            Assert.True(missing.Count == 0, $"{file} lacks: {string.Join(", ", missing)}");
        }
    }

    [Fact]
    public void Every_shipped_template_has_a_Chinese_summary()
    {
        var templates = SetupTemplates.Load(Path.Combine(LocalisationTests.Root, "Domain", "Setup", "Templates")).All;
        Assert.Equal(3, templates.Count);
        foreach (var t in templates)
        {
            Assert.True(DomainChinese.TemplateSummaries.ContainsKey(t.Id), $"no Chinese summary for template {t.Id}");
            Assert.Equal(t.Summary, In("en", () => Words().TemplateSummary(t.Id, t.Summary)));
            var zh = In("zh-Hans", () => Words().TemplateSummary(t.Id, t.Summary));
            Assert.NotEqual(t.Summary, zh);
            Assert.Contains("财年从", zh);
        }
    }

    /// <summary>The string literals of C# source: interpolated ones with each hole replaced by its expression's text.</summary>
    static IEnumerable<string> Literals(string code)
    {
        var noComments = string.Join("\n", code.Split('\n').Where(l => !l.TrimStart().StartsWith("//", StringComparison.Ordinal)));
        foreach (Match m in Regex.Matches(noComments, @"(\$?)""((?:[^""\\{]|\\.|\{[^}]*\})*)"""))
            yield return m.Groups[1].Value == "$" ? Regex.Replace(m.Groups[2].Value, @"\{([^}]*)\}", h => h.Groups[1].Value.Split(':')[0]) : m.Groups[2].Value;
    }

    [Fact]
    public void Every_problem_the_setup_validator_can_write_has_its_Chinese()
    {
        var folder = Path.Combine(LocalisationTests.Root, "Domain", "Setup", "Validation");
        var messages = Directory.GetFiles(folder, "*.cs").SelectMany(f => Literals(File.ReadAllText(f)))
            .Where(l => l.Contains(' '))
            // Who a target is for ("team 'north-1'"), written from the target's level: its three forms are checked below.
            .Where(l => l != "target.Level.ToString().ToLowerInvariant() 'target.Id'").Distinct().ToList();
        Assert.True(messages.Count > 50, $"only {messages.Count} messages read from {folder}");
        Assert.Contains("must not be empty", messages);
        // A literal is a whole message, or a word put inside one (a kind of thing, who a plan is for).
        var missing = messages.Where(m => (SetupProblemChinese.Translate(m) ?? SetupProblemChinese.Part(m)) is null).ToList();
        Assert.True(missing.Count == 0, "no Chinese for: " + string.Join(" | ", missing));

        // The reader's own problems (the file's shape and syntax), and values put back where they stand.
        foreach (var m in new[] { "unknown field 'nmae' (did you mean 'name'?)", "unknown field 'x'; the fields here are name, kind", "field 'name' is given twice",
                     "JSON syntax error at line 3: bad", "YAML file must hold one document, not several (remove the extra '---')", "does not fit the setup's shape" })
            Assert.NotNull(SetupProblemChinese.Translate(m));
        Assert.Equal("必须在 0 到 1 之间（当前为 1.5）", SetupProblemChinese.Translate("must be between 0 and 1 (was 1.5)"));
        Assert.Equal("销售 目标需要该 销售 的编号", SetupProblemChinese.Translate("a rep target needs the rep's id"));
        Assert.Equal("团队 'north-1'", SetupProblemChinese.Part("team 'north-1'"));
        Assert.Equal("{1} 中 销售 'rep-1' 的目标重复（另见 targets[0]）".Replace("{1}", "FY2027-Q1"),
            SetupProblemChinese.Translate("duplicate target for rep 'rep-1' in FY2027-Q1 (also at targets[0])"));
        Assert.Equal("价目表 编号 'eu' 重复（另见 catalogue.priceLists[0].id）", SetupProblemChinese.Translate("duplicate price list id 'eu' (also at catalogue.priceLists[0].id)"));
        Assert.Equal("must be between 0 and 1 (was 1.5)", In("en", () => Words().Problem("must be between 0 and 1 (was 1.5)")));
        Assert.Equal("company.timeZone: 未知的时区 'Mars/Base'（IANA 编号，例如 Asia/Shanghai，或 UTC）",
            In("zh-Hans", () => Words().Problem(new SetupProblem("company.timeZone", "unknown time zone 'Mars/Base' (an IANA id such as Asia/Shanghai, or UTC)"))));
    }

    [Fact]
    public void Every_refusal_title_has_its_Chinese_and_a_setup_refusal_says_its_problems()
    {
        var code = string.Join("\n", Directory.GetFiles(Path.Combine(LocalisationTests.Root, "Dashboard"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}")).Select(File.ReadAllText));
        var titles = Regex.Matches(code, @"new Refusal\((?:RefusalKind\.\w+|Kind\(e\)|e\.Kind[^,]*),\s*""([^""]+)""|new\(RefusalKind\.\w+,\s*""([^""]+)""").Select(m => m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Value)
            .Concat(["The request was refused", "The request body could not be read"]).Distinct().ToList();
        Assert.True(titles.Count > 50, $"only {titles.Count} refusal titles found");
        var missing = titles.Where(t => RefusalChinese.Title(t) is null).ToList();
        Assert.True(missing.Count == 0, "no Chinese for: " + string.Join(" | ", missing));
        Assert.Equal("company.currency.code: 'US' 不是 ISO 4217 货币代码（三个大写字母，例如 USD、EUR 或 CNY）；company.name: 不能为空",
            RefusalChinese.Detail("company.currency.code: 'US' is not an ISO 4217 currency code (three capital letters, such as USD, EUR or CNY); company.name: must not be empty"));
        Assert.Null(RefusalChinese.Detail("something nobody wrote a translation for"));
    }

    [Fact]
    public void Pay_line_notes_are_said_in_Chinese_and_kept_in_English()
    {
        var payouts = Source("Domain", "Compensation", "Payouts.cs");
        foreach (var phrase in new[] { "$\"spiff on {SpiffLabel(spiff)}\"", "$\"{s.ChannelKind?.ToString().ToLowerInvariant() ?? s.Channel} deals\"", "\"churned\" : \"refunded\")} {(r.At - r.WonAt).TotalDays:0} days after the win",
                     "$\"team {s.TeamId} at {attainment:P1} of target (threshold {plan.TeamBonus.Threshold:P0})\"", "\"advance against later commission\"", "\"draw recovered\"" })
            Assert.Contains(phrase, payouts);
        var words = Words();
        var notes = new Dictionary<string, string>
        {
            ["spiff on gtx-pro"] = "gtx-pro 专项奖励",
            ["spiff on referral deals"] = "referral 渠道交易 专项奖励",
            ["spiff on gtx-pro, referral deals"] = "gtx-pro, referral 渠道交易 专项奖励",
            ["churned 40 days after the win"] = "赢单 40 天后客户流失",
            ["refunded 12 days after the win"] = "赢单 12 天后退款",
            ["team north-1 at 104.2 % of target (threshold 100 %)"] = "团队 north-1 完成目标的 104.2 %（门槛 100 %）",
            ["advance against later commission"] = "预支，从以后的佣金中扣回",
            ["draw recovered"] = "已收回预支",
        };
        foreach (var (english, chinese) in notes)
        {
            Assert.Equal(chinese, In("zh-Hans", () => words.PayNote(english)));
            Assert.Equal(english, In("en", () => words.PayNote(english)));
        }
    }

    [Fact]
    public void The_default_company_name_and_the_plan_name_are_said_in_Chinese_and_Training_is_always_peixun()
    {
        var words = Words();
        Assert.Equal("本公司", In("zh-Hans", () => words.Company(new CompanySetup().Name)));
        Assert.Equal("Your company", In("en", () => words.Company(new CompanySetup().Name)));
        Assert.Equal("Brightline Software", In("zh-Hans", () => words.Company("Brightline Software")));
        Assert.Equal("6 % / 10 %，封顶 200 %", In("zh-Hans", () => words["Plans.DefaultName"]));
        var chinese = LocalisationTests.Resources("Ui.zh-Hans.resx");
        Assert.Empty(chinese.Where(kv => kv.Value.Contains("训练")).Select(kv => kv.Key));
        Assert.Contains("培训", chinese["Nav.Training"]);
    }
}

/// <summary>The API's problem details in the reader's language: Chinese for Accept-Language zh, English otherwise.</summary>
[Collection(DashboardCollection.Name)]
public class RefusalLanguageTests(DashboardHost host)
{
    async Task<JsonElement> ForecastOfUnknownWorkspaceAsync(string? language)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/workspaces/words-nowhere/forecast");
        if (language is not null) request.Headers.AcceptLanguage.ParseAdd(language);
        using var response = await host.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    [Fact]
    public async Task A_refusal_reads_in_Chinese_for_a_Chinese_browser_and_in_English_otherwise()
    {
        var zh = await ForecastOfUnknownWorkspaceAsync("zh-CN,zh;q=0.9");
        Assert.Equal("未知的工作区", zh.GetProperty("title").GetString());
        Assert.Equal("没有名为 words-nowhere 的工作区", zh.GetProperty("detail").GetString());
        var en = await ForecastOfUnknownWorkspaceAsync(null);
        Assert.Equal("Unknown workspace", en.GetProperty("title").GetString());
        Assert.Equal("no workspace named words-nowhere", en.GetProperty("detail").GetString());
    }
}
