using System.Text.RegularExpressions;

namespace Growth.Dashboard.Tests;

/// <summary>
/// The pages already in two languages say nothing in a literal: every word a person reads comes through the localiser
/// (<c>Words</c>). Converting another page means adding it to <see cref="Converted"/>.
/// </summary>
public partial class RazorTextTests
{
    /// <summary>The Razor files whose user-facing text is all in the resources.</summary>
    public static readonly string[] Converted =
    [
        "Components/App.razor",
        "Components/Layout/MainLayout.razor",
        "Components/Shared/WorkspaceBar.razor",
        "Components/Shared/PageGate.razor",
        "Components/Pages/Home.razor",
        "Components/Admin/BackupPanel.razor",
        "Components/Pages/Sales.razor",
        "Components/Pages/Marketing.razor",
        "Components/Pages/Insight.razor",
        "Components/Twin/TwinSection.razor",
        "Components/Pages/Customer.razor",
        "Components/Pages/SignIn.razor",
        "Components/Pages/SignOut.razor",
        "Components/Pages/Admin.razor",
        "Components/Setup/SuggestedTargetsSection.razor",
        "Components/WhatIf/GoalSeekPanel.razor",
        "Components/Pages/Training.razor",
        "Components/Pages/Certificate.razor",
        "Components/Pages/ScenarioEditor.razor",
        "Components/Training/AssignmentsPanel.razor",
        "Components/Training/CallPanel.razor",
        "Components/Training/CoachingPanel.razor",
        "Components/Training/CohortBoard.razor",
        "Components/Training/CustomerCard.razor",
        "Components/Training/FunnelEffect.razor",
        "Components/Training/ScenarioPicker.razor",
        "Components/Training/SessionReview.razor",
        "Components/Training/TraineeHistory.razor",
        "Components/Pages/Forecast.razor",
        "Components/Pages/Pipeline.razor",
        "Components/Pages/Records.razor",
        "Components/Pages/Pool.razor",
        "Components/Forecast/MonteCarloPanel.razor",
        "Components/Forecast/WaterfallPanel.razor",
        "Components/Forecast/AccuracyPanel.razor",
        "Components/WhatIf/PlanWhatIf.razor",
        "Components/Pages/Import.razor",
        "Components/Pages/ImportReport.razor",
        "Components/Pages/ImportOrigins.razor",
        "Components/Pages/ImportRowsPreview.razor",
        "Components/Pages/Calibration.razor",
        "Components/Shared/Chart.razor",
        "Components/Shared/CsvButton.razor",
        "Components/Shared/StartHere.razor",
        "Components/Shared/DriverFactor.razor",
        "Components/Shared/PeriodPicker.razor",
        "Components/Pages/WhatIf.razor",
        "Components/WhatIf/ComparisonCharts.razor",
        "Components/WhatIf/ComparisonTable.razor",
        "Components/WhatIf/LeverInputs.razor",
        "Components/Shared/RunProgressBar.razor",
        "Components/Pages/Compensation.razor",
        "Components/Pages/Setup.razor",
        "Components/Setup/AssumptionsSection.razor",
        "Components/Setup/CatalogueSection.razor",
        "Components/Setup/ChannelsSection.razor",
        "Components/Setup/CompanySection.razor",
        "Components/Setup/FieldProblem.razor",
        "Components/Setup/OrganisationSection.razor",
        "Components/Setup/PaymentTermsSection.razor",
        "Components/Setup/RulesSection.razor",
        "Components/Setup/SetupFilesPanel.razor",
        "Components/Setup/SetupVersions.razor",
        "Components/Setup/TargetsSection.razor",
        "Components/Setup/TemplateForm.razor",
        "Components/Privacy/CustomerDataActions.razor",
        "Components/Privacy/CustomerRequestsPanel.razor",
    ];

    public static IEnumerable<object[]> Files() => Converted.Select(f => new object[] { f });

    [Theory]
    [MemberData(nameof(Files))]
    public void A_converted_page_has_no_literal_words(string file)
    {
        var literals = Literals(File.ReadAllText(Path.Combine(LocalisationTests.Root, "Dashboard", file)));
        Assert.True(literals.Count == 0, $"{file} says in a literal instead of through Words: {string.Join(" | ", literals)}");
    }

    [Fact]
    public void The_check_finds_words_in_markup_and_in_attributes_a_person_reads()
    {
        const string page = """
            @page "/x"
            @* a comment is not shown *@
            <h1>@Words["X.Title"]</h1>
            @if (ready)
            {
                var n = 3;
                <p class="muted">Waiting for figures</p>
                <input placeholder="user name" aria-label="@Words["X.Name"]" data-testid="some-id" />
            }
            <span>( × ) · z</span>
            @code {
                string Text => "code is not markup";
            }
            """;
        Assert.Equal(["Waiting for figures", "placeholder=\"user name\""], Literals(page));
    }

    /// <summary>Text between tags, and the attributes a person reads, with Razor expressions and C# lines taken out.</summary>
    static List<string> Literals(string razor)
    {
        var markup = WithoutExpressions(EventAttribute().Replace(CodeBlock().Replace(Comment().Replace(razor, ""), ""), ""));
        var found = new List<string>();
        foreach (Match text in TextNode().Matches(markup))
        {
            foreach (var line in text.Groups[1].Value.Split('\n'))
            {
                var trimmed = line.Trim();
                if (trimmed.Length > 0 && !CSharpLine().IsMatch(trimmed) && Word().IsMatch(trimmed)) found.Add(trimmed);
            }
        }
        foreach (Match attribute in ReadAttribute().Matches(markup))
            if (Word().IsMatch(attribute.Groups[2].Value)) found.Add(attribute.Value);
        return found;
    }

    /// <summary>
    /// The markup with every Razor expression taken out: <c>@(…)</c>, <c>@{…}</c>, <c>@Name.Member[…](…)</c> and the
    /// conditions of <c>@if (…)</c>, <c>@foreach (…)</c>; brackets inside string literals do not count.
    /// </summary>
    static string WithoutExpressions(string markup)
    {
        var result = new System.Text.StringBuilder();
        var i = 0;
        while (i < markup.Length)
        {
            if (markup[i] != '@' || i + 1 >= markup.Length) { result.Append(markup[i++]); continue; }
            i++;
            if (markup[i] is '(' or '{') { i = SkipBalanced(markup, i); continue; }
            while (i < markup.Length && (char.IsLetterOrDigit(markup[i]) || markup[i] is '_' or '.' or '?' || (markup[i] is '[' or '(')))
                i = markup[i] is '[' or '(' ? SkipBalanced(markup, i) : i + 1;
            // Control flow: "@if (…)", "@foreach (…)" have a space before the condition.
            var next = i;
            while (next < markup.Length && markup[next] == ' ') next++;
            if (next < markup.Length && markup[next] == '(' && ControlWord().IsMatch(markup[..i])) i = SkipBalanced(markup, next);
            result.Append(' ');
        }
        return result.ToString();
    }

    /// <summary>The index just after the bracket that closes the one at <paramref name="start"/>.</summary>
    static int SkipBalanced(string text, int start)
    {
        var depth = 0;
        for (var i = start; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '"')
            {
                for (i++; i < text.Length && text[i] != '"'; i++) if (text[i] == '\\') i++;
                continue;
            }
            if (c is '(' or '[' or '{') depth++;
            else if (c is ')' or ']' or '}' && --depth == 0) return i + 1;
        }
        return text.Length;
    }

    [GeneratedRegex(@"@\*.*?\*@", RegexOptions.Singleline)] private static partial Regex Comment();
    [GeneratedRegex(@"^\s*@code\s*\{.*", RegexOptions.Singleline | RegexOptions.Multiline)] private static partial Regex CodeBlock();
    [GeneratedRegex(@">([^<>]*)<")] private static partial Regex TextNode();
    /// <summary>Directives, control flow, braces, local declarations and statements: C#, not words.</summary>
    [GeneratedRegex(@"^(@(page|inject|using|attribute|inherits|implements)\b|else\b|var\s|[{}]|.*;$)")] private static partial Regex CSharpLine();
    [GeneratedRegex(@"(if|foreach|for|while|switch|using)$")] private static partial Regex ControlWord();
    /// <summary>Event handlers and bindings: <c>@onclick="…"</c>, <c>@bind-Value='…'</c>.</summary>
    [GeneratedRegex(@"@[\w:-]+=(""[^""]*""|'[^']*')")] private static partial Regex EventAttribute();
    /// <summary>Two letters in a row, in any script: a word (a lone "z" or "×" is a symbol).</summary>
    [GeneratedRegex(@"\p{L}{2}")] private static partial Regex Word();
    [GeneratedRegex(@"\b(placeholder|title|aria-label|alt)=""([^""]*)""")] private static partial Regex ReadAttribute();
}
