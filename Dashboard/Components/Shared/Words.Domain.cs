using System.Globalization;
using System.Text.RegularExpressions;
using Growth.Dashboard.Localisation.Chinese;
using Growth.Domain.Setup;
using Growth.Domain.Simulation;

namespace Growth.Dashboard.Components.Shared;

/// <summary>
/// Text the domain writes in English (its canonical wording) said in the reader's language: setup problems, the
/// assumption catalogue's effects and sources, template summaries, pay-line notes and the default company name. In
/// English the domain's text is shown as written; in Chinese the catalogues of <c>Localisation/Chinese</c> and the
/// resource files say it, and anything they do not know stays as the domain wrote it.
/// </summary>
public sealed partial class Words
{
    /// <summary>True when the reader reads Simplified Chinese (the request's culture).</summary>
    public static bool Chinese => CultureInfo.CurrentUICulture.Name.StartsWith("zh", StringComparison.OrdinalIgnoreCase);

    /// <summary>The company's name; the setup's default ("Your company") in the reader's words.</summary>
    public string Company(string name) => name == new CompanySetup().Name ? text["Words.YourCompany"] : name;

    /// <summary>A setup problem's message (what is wrong; its path stays as the document spells it).</summary>
    public string Problem(string message) => Chinese ? SetupProblemChinese.Translate(message) ?? message : message;

    /// <summary>A setup problem as "path: message".</summary>
    public string Problem(SetupProblem p) => $"{p.Path}: {Problem(p.Message)}";

    /// <summary>One change of a setup: "path: before → after", "(none)" in the reader's words.</summary>
    public string Change(SetupChange c) => $"{c.Path}: {c.Before ?? text["SetupPage.None"]} → {c.After ?? text["SetupPage.None"]}";

    /// <summary>What an assumption does.</summary>
    public string Effect(Assumption a) => Chinese ? AssumptionChinese.Effect(a.Key, a.Effect) ?? a.Effect : a.Effect;

    /// <summary>An assumption's value in the reader's words (its figures as written).</summary>
    public string Value(Assumption a) => Chinese ? AssumptionChinese.Value(a.Key, a.Value) : a.Value;

    /// <summary>Where an assumption's value comes from.</summary>
    public string Source(Assumption a) => Chinese ? AssumptionChinese.Source(a.Source) ?? a.Source : a.Source;

    /// <summary>An assumption's area, name and unit in the reader's words (as the Setup page says them); one the resources do not know as the model writes it.</summary>
    public (string Area, string Name, string Unit) Said(Assumption a) =>
        (Say("AssumptionArea.", a.Area, a.Area), Say("Assumption.", a.Key, a.Name), Say("AssumptionUnit.", a.Unit, a.Unit));

    string Say(string prefix, string id, string english)
    {
        var key = prefix + (prefix == "Assumption." ? id : new string(id.Where(char.IsLetterOrDigit).ToArray()).ToLowerInvariant());
        if (prefix == "AssumptionArea." && key.Length > prefix.Length) key = prefix + char.ToUpperInvariant(key[prefix.Length]) + key[(prefix.Length + 1)..];
        var said = text[key];
        return said.ResourceNotFound ? english : said;
    }

    /// <summary>A setup template's summary.</summary>
    public string TemplateSummary(string id, string english) =>
        Chinese ? DomainChinese.TemplateSummaries.GetValueOrDefault(id) ?? english : english;

    /// <summary>Why a request was refused (a <c>Refusal</c>'s or domain exception's detail).</summary>
    [return: System.Diagnostics.CodeAnalysis.NotNullIfNotNull(nameof(detail))]
    public string? Refusal(string? detail) =>
        string.IsNullOrEmpty(detail) ? detail : Chinese ? RefusalChinese.Detail(detail) ?? detail : detail;

    /// <summary>A note of the import report (how a file was read, rows skipped and why).</summary>
    public string ImportNote(string note) => Chinese ? ImportNoteChinese.Note(note) ?? note : note;

    /// <summary>Why an imported row was fixed up or rejected (<c>ImportReasons</c>).</summary>
    public string ImportReason(string reason) => Chinese ? ImportNoteChinese.Reason(reason) ?? reason : reason;

    /// <summary>One fixed-up or rejected row of an import: where, which opportunity, why.</summary>
    public string ImportIssue(Growth.Domain.Import.ImportIssue issue) => Chinese ? ImportNoteChinese.Issue(issue) : issue.ToString();

    /// <summary>Why a whole import file was refused: "file: problem", or the counts and reasons of an import of no row.</summary>
    public string ImportRefusal(Growth.Domain.Import.CrmImportException refused) => Chinese ? ImportRefusalChinese.Refusal(refused) : refused.Message;

    /// <summary>A pay line's note (Compensation/Payouts): spiffs, reversals, team bonuses and draws in words.</summary>
    public string PayNote(string? note)
    {
        if (string.IsNullOrEmpty(note)) return "";
        if (note == "advance against later commission") return text["PayNote.Draw"];
        if (note == "draw recovered") return text["PayNote.DrawRecovered"];
        if (Spiff().Match(note) is { Success: true } s)
            return text["PayNote.Spiff", Chinese ? Regex.Replace(s.Groups[1].Value, @"(\w+) deals\b", "$1 渠道交易") : s.Groups[1].Value];
        if (Reversal().Match(note) is { Success: true } r)
            return text[r.Groups["kind"].Value == "churned" ? "PayNote.Churned" : "PayNote.Refunded", r.Groups["days"].Value];
        if (TeamBonus().Match(note) is { Success: true } t)
            return text["PayNote.TeamBonus", t.Groups["team"].Value, t.Groups["at"].Value, t.Groups["threshold"].Value];
        return note;
    }

    [GeneratedRegex(@"^spiff on (.+)$")]
    private static partial Regex Spiff();

    [GeneratedRegex(@"^(?<kind>churned|refunded) (?<days>-?\d+) days after the win$")]
    private static partial Regex Reversal();

    [GeneratedRegex(@"^team (?<team>.+) at (?<at>.+?) of target \(threshold (?<threshold>.+)\)$")]
    private static partial Regex TeamBonus();
}
