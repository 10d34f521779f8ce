using System.Net;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Growth.Dashboard.Components.Shared;
using Growth.Dashboard.Localisation;
using Growth.Domain.Access;
using Growth.Domain.Journeys;
using Growth.Domain.Training;
using Growth.Domain.Workspaces;

namespace Growth.Dashboard.Tests;

/// <summary>The two languages: every English word has its Chinese, every enum shown has plain words, the switch is safe.</summary>
public class LocalisationTests
{
    /// <summary>The enums a page shows to a person; each value needs words in both languages.</summary>
    static readonly Type[] ShownEnums =
        [typeof(FunnelStage), typeof(ConversationStep), typeof(ObjectionType), typeof(Channel), typeof(LifecycleStage),
         typeof(JourneyStatus), typeof(EventKind), typeof(Role), typeof(WorkspaceKind), typeof(Area),
         typeof(TrainingDifficulty), typeof(TrainingOutcome), typeof(TrainingMarket), typeof(Temperament), typeof(AssignmentStatus),
         typeof(Growth.Domain.Training.Reading.SalesTechnique),
         typeof(Growth.Domain.Forecast.ForecastCategory), typeof(Growth.Domain.Forecast.ForecastMethod),
         typeof(Growth.Domain.Compensation.PayoutLineKind), typeof(Growth.Domain.Simulation.CompanyKind), typeof(Growth.Domain.Setup.BudgetPeriod),
         typeof(Growth.Domain.Setup.TargetAllocation), typeof(Growth.Domain.Setup.TargetLevel),
         typeof(Growth.Domain.Privacy.CustomerRequestKind),
         typeof(Growth.Domain.Twin.TwinStep), typeof(Growth.Domain.Twin.TwinVerdict), typeof(Growth.Domain.Orders.OrderKind)];

    internal static string Root { get; } = FindRoot();

    static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Growth.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException($"no Growth.sln above {AppContext.BaseDirectory}");
    }

    internal static Dictionary<string, string> Resources(string file) =>
        XDocument.Load(Path.Combine(Root, "Dashboard", "Resources", file)).Root!.Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? "");

    [Fact]
    public void Every_English_word_has_a_Chinese_translation_and_no_Chinese_word_is_left_over()
    {
        var english = Resources("Ui.resx");
        var chinese = Resources("Ui.zh-Hans.resx");
        Assert.True(english.Count > 300, $"only {english.Count} English keys: the wrong file?");
        var missing = english.Keys.Where(k => string.IsNullOrWhiteSpace(chinese.GetValueOrDefault(k))).ToList();
        Assert.True(missing.Count == 0, $"no zh-Hans translation for: {string.Join(", ", missing)}");
        var extra = chinese.Keys.Where(k => string.IsNullOrWhiteSpace(english.GetValueOrDefault(k))).ToList();
        Assert.True(extra.Count == 0, $"zh-Hans keys without English: {string.Join(", ", extra)}");
    }

    [Fact]
    public void Each_translation_keeps_the_placeholders_of_its_English()
    {
        var english = Resources("Ui.resx");
        var chinese = Resources("Ui.zh-Hans.resx");
        static string Holes(string text) => string.Join(",", Regex.Matches(text, @"\{\d+\}").Select(m => m.Value).Distinct().Order());
        var wrong = english.Where(e => chinese.TryGetValue(e.Key, out var zh) && Holes(zh) != Holes(e.Value)).Select(e => e.Key).ToList();
        Assert.True(wrong.Count == 0, $"placeholders differ between English and zh-Hans: {string.Join(", ", wrong)}");
    }

    [Fact]
    public void Every_value_of_every_enum_shown_on_a_page_has_plain_words_in_both_languages()
    {
        var english = Resources("Ui.resx");
        var chinese = Resources("Ui.zh-Hans.resx");
        var missing = ShownEnums.SelectMany(t => Enum.GetNames(t).Select(n => $"{t.Name}.{n}"))
            .Where(k => !english.ContainsKey(k) || !chinese.ContainsKey(k)).ToList();
        Assert.True(missing.Count == 0, $"enum values without words: {string.Join(", ", missing)}");
        // Plain words, not the identifier: the multi-word identifiers must read differently in English.
        Assert.Equal("Qualified intent", english["FunnelStage.QualifiedIntent"]);
        Assert.Equal("Budget or environment", english["ObjectionType.BudgetEnvironment"]);
        Assert.Equal("开场白", chinese["ConversationStep.Opening"]);
        Assert.Equal("回款", chinese["FunnelStage.Payment"]);
    }

    [Theory]
    [InlineData("zh", Languages.Chinese)]
    [InlineData("zh-CN", Languages.Chinese)]
    [InlineData("ZH-hans-cn", Languages.Chinese)]
    [InlineData("zh-TW", Languages.Chinese)]
    [InlineData("en-GB", Languages.English)]
    [InlineData("de-DE", null)]
    [InlineData("", null)]
    public void A_browser_language_tag_maps_to_one_of_the_two_languages(string tag, string? expected) =>
        Assert.Equal(expected, Languages.Match(tag));

    [Fact]
    public void Loss_reasons_and_notable_events_written_by_the_model_are_said_in_plain_words()
    {
        var english = Resources("Ui.resx");
        Assert.Contains("{0}", english["Reason.WentCold"]);
        // The model's own sentences (Domain) are the ones Words recognises; a change there shows up here.
        var model = File.ReadAllText(Path.Combine(Root, "Domain", "Journeys", "JourneyRun.cs"))
            + File.ReadAllText(Path.Combine(Root, "Domain", "Simulation", "BehaviourModel.cs"))
            + File.ReadAllText(Path.Combine(Root, "Domain", "Import", "JourneyScript.cs"));
        foreach (var phrase in new[] { "intent cooled before it was recognised", "no real intent (junk lead)", "went cold after {s.FollowUps} follow-ups", "did not sign", "reason not in the export" })
            Assert.Contains(phrase, model);
        var review = File.ReadAllText(Path.Combine(Root, "Domain", "Figures", "WinLossReview.cs"));
        Assert.Contains("$\"Large win: {outcome.Amount:N0} ({outcome.Amount / average:N1}x the average deal) by", review);
        Assert.Contains("$\"{a.From} → {a.To} conversion fell to {a.Recent:P0} (baseline {a.Baseline:P0})\"", review);
    }
}

/// <summary>The language switch over real HTTP: remembered in a cookie, refuses unknown languages and foreign destinations.</summary>
[Collection(DashboardCollection.Name)]
public class LanguageSwitchTests(DashboardHost host)
{
    HttpClient Client() => new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = host.BaseAddress };

    [Fact]
    public async Task The_switch_sets_the_culture_cookie_and_goes_back_to_the_page()
    {
        using var client = Client();
        var response = await client.GetAsync("/culture?lang=zh-Hans&back=%2Fsales%3Fworkspace%3Ddemo");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/sales?workspace=demo", response.Headers.Location!.OriginalString);
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith(".AspNetCore.Culture=", StringComparison.Ordinal));
        Assert.Contains("zh-Hans", Uri.UnescapeDataString(cookie));
        Assert.Contains("expires=", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("https://evil.example/")]
    [InlineData("//evil.example/")]
    [InlineData("/\\evil.example/")]
    public async Task A_destination_off_the_site_goes_to_the_overview_instead(string back)
    {
        using var client = Client();
        var response = await client.GetAsync($"/culture?lang=en&back={Uri.EscapeDataString(back)}");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task An_unknown_language_is_refused_naming_the_ones_there_are()
    {
        using var client = Client();
        var response = await client.GetAsync("/culture?lang=fr&back=/");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("'fr'", body);
        Assert.Contains("en, zh-Hans", body);
    }

    [Theory]
    [InlineData("zh-CN,zh;q=0.9,en;q=0.8", "zh-Hans", "登录 Growth")]
    [InlineData("fr-FR,en;q=0.5", "en", "Sign in to Growth")]
    [InlineData("de-DE", "en", "Sign in to Growth")]
    public async Task The_browser_s_language_is_the_first_choice(string acceptLanguage, string lang, string heading)
    {
        using var client = Client();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/signin");
        request.Headers.TryAddWithoutValidation("Accept-Language", acceptLanguage);
        var html = await (await client.SendAsync(request)).Content.ReadAsStringAsync();
        Assert.Contains($"<html lang=\"{lang}\"", html);
        Assert.Contains(heading, html);
    }

    [Theory]
    [InlineData("zh-CN,zh;q=0.9", null, "zh-Hans", "<h1>无权访问</h1>", "您的角色无权访问工作区 training 的“销售”页面。", "lang=en&amp;back=%2Fsales%3Fworkspace%3Dtraining")]
    [InlineData("en-GB", null, "en", "<h1>Not allowed</h1>", "your roles do not include the Sales page in workspace training.", "lang=zh-Hans&amp;back=")]
    [InlineData("zh-CN", "en", "en", "<h1>Not allowed</h1>", "your roles do not include the Sales page in workspace training.", "lang=zh-Hans&amp;back=")]
    [InlineData("en-US", "zh-Hans", "zh-Hans", "<h1>无权访问</h1>", "您的角色无权访问工作区 training 的“销售”页面。", "lang=en&amp;back=")]
    public async Task A_signed_in_user_s_refusal_page_reads_in_their_language_with_the_switch(string acceptLanguage, string? remembered, string lang,
        string heading, string message, string switchTo)
    {
        var trainee = await host.SignInAsAsync("training:Trainee");
        using var client = Client();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/sales?workspace=training");
        request.Headers.TryAddWithoutValidation("Accept-Language", acceptLanguage);
        var cookies = trainee.Cookies.GetCookieHeader(host.BaseAddress);
        if (remembered is not null) cookies += $"; .AspNetCore.Culture={Uri.EscapeDataString(Languages.CookieValue(remembered))}";
        request.Headers.TryAddWithoutValidation("Cookie", cookies);
        using var response = await client.SendAsync(request);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains($"<html lang=\"{lang}\"", html);
        Assert.Contains(heading, html);
        Assert.Contains(message, html);
        Assert.Contains(trainee.UserName, html);
        Assert.Contains($"/culture?{switchTo}", html);
        Assert.Equal(lang == "en", html.Contains("Overview", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("zh-CN", "zh-Hans", "<h1>没有这个页面</h1>", "Growth 没有位于 /no-such-page 的页面。")]
    [InlineData("en", "en", "<h1>No such page</h1>", "Growth has no page at /no-such-page.")]
    public async Task An_address_that_names_no_page_says_so_in_the_reader_s_language_and_the_API_keeps_its_problem(string acceptLanguage, string lang,
        string heading, string message)
    {
        using var client = Client();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/no-such-page");
        request.Headers.TryAddWithoutValidation("Accept-Language", acceptLanguage);
        request.Headers.TryAddWithoutValidation("Accept", "text/html,application/xhtml+xml");
        using var response = await client.SendAsync(request);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains($"<html lang=\"{lang}\"", html);
        Assert.Contains(heading, html);
        Assert.Contains(message, html);

        using var api = new HttpRequestMessage(HttpMethod.Get, "/api/no-such-route");
        api.Headers.TryAddWithoutValidation("Accept", "text/html,application/json");
        using var answer = await client.SendAsync(api);
        Assert.Equal(HttpStatusCode.NotFound, answer.StatusCode);
        Assert.DoesNotContain("<html", await answer.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_remembered_choice_wins_over_the_browser_s_language()
    {
        using var client = Client();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/signin");
        request.Headers.TryAddWithoutValidation("Accept-Language", "zh-CN");
        request.Headers.TryAddWithoutValidation("Cookie", $".AspNetCore.Culture={Uri.EscapeDataString(Languages.CookieValue("en"))}");
        var html = await (await client.SendAsync(request)).Content.ReadAsStringAsync();
        Assert.Contains("Sign in to Growth", html);
    }
}
