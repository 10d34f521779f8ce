using System.Globalization;
using Growth.Domain.Journeys;
using Growth.Domain.Training.Reading;

namespace Growth.Domain.Training;

/// <summary>The languages training content comes in: a scenario file's, and so every line the engine writes for its session.</summary>
public static class TrainingLanguages
{
    public const string English = "en";
    public const string Chinese = "zh-Hans";

    public static readonly IReadOnlyList<string> Known = [English, Chinese];

    /// <summary>The training language a UI culture or language tag means: any Chinese ("zh", "zh-CN", "zh-Hans") is Chinese, anything else English.</summary>
    public static string Of(string? culture) =>
        culture is not null && (culture.Equals("zh", StringComparison.OrdinalIgnoreCase) || culture.StartsWith("zh-", StringComparison.OrdinalIgnoreCase))
            ? Chinese : English;
}

/// <summary>
/// Everything the engine says in words during a session that is not in the scenario file: the actions any rep can
/// take and why, the customer's reactions, loss reasons, how a typed line was read, the review's lesson and a lost
/// deal's summary. One table per language (<see cref="For"/>); the English one is the engine's original wording.
/// Formats take their arguments as <see cref="string.Format(IFormatProvider, string, object[])"/> does.
/// </summary>
public sealed partial record TrainingText
{
    public static TrainingText For(string? language) => TrainingLanguages.Of(language) == TrainingLanguages.Chinese ? Chinese : English;

    public required string Language { get; init; }
    // What the customer says and the actions on offer.
    public required string Thinking { get; init; }
    public required string NoCompany { get; init; }
    /// <summary>{0} the other objection, {1} the one raised.</summary>
    public required string DecoyWhy { get; init; }
    public required string PressingAgain { get; init; }
    public required string FollowUpTomorrow { get; init; }
    public required string TomorrowWhenThinking { get; init; }
    public required string TomorrowWhenEngaged { get; init; }
    public required string FollowUpNextWeek { get; init; }
    public required string NextWeekWhy { get; init; }
    /// <summary>{0} the scenario's trial.</summary>
    public required string OfferTrial { get; init; }
    public required string TrialForExperience { get; init; }
    public required string TrialForService { get; init; }
    public required string TrialForCompetitor { get; init; }
    public required string TrialForBudget { get; init; }
    public required string TrialAtTrialClose { get; init; }
    public required string TrialWhenThinking { get; init; }
    public required string TrialAtClose { get; init; }
    /// <summary>{0} the largest discount (0..1).</summary>
    public required string OfferDiscount { get; init; }
    public required string DiscountForBudget { get; init; }
    public required string DiscountWhenThinkingOverBudget { get; init; }
    public required string DiscountEarly { get; init; }
    public required string DiscountUnasked { get; init; }
    // How the customer takes a choice ({0} the contact).
    public required string EndsConversation { get; init; }
    public required string Signs { get; init; }
    public required string LetMeThink { get; init; }
    public required string LetMeThinkOverBudget { get; init; }
    public required string StillUndecided { get; init; }
    public required string Declines { get; init; }
    public required string Cools { get; init; }
    public required string WarmsUp { get; init; }
    public required string GoesAlong { get; init; }
    public required string Frowns { get; init; }
    public required string NextDay { get; init; }
    public required string WeekLater { get; init; }
    public required string StopsAnswering { get; init; }
    public required string ThoughtOver { get; init; }
    /// <summary>{0} the contact, {1} the trial.</summary>
    public required string TriesTrial { get; init; }
    public required string NotesLowerPrice { get; init; }
    // Why a session ended.
    public required string PriceAboveBudget { get; init; }
    /// <summary>{0} the reason.</summary>
    public required string NoDecision { get; init; }
    /// <summary>{0} the objection.</summary>
    public required string ObjectionNotHandled { get; init; }
    /// <summary>{0} simulated days.</summary>
    public required string WentCold { get; init; }
    public required string PriceAboveBudgetAnd { get; init; }
    // How a typed line was read.
    /// <summary>{0} the reading, {1} the step, {2} the quality.</summary>
    public required string ReadAs { get; init; }
    public required string AnswersOther { get; init; }
    public required string Generic { get; init; }
    public required string SpeaksTo { get; init; }
    public required string Aside { get; init; }
    // The review and a lost deal.
    /// <summary>{0} the step, {1} the objection part, {2} the better answer, {3} why.</summary>
    public required string Lesson { get; init; }
    public required string LessonObjection { get; init; }
    public required string LostDealTitle { get; init; }
    /// <summary>{0} journey, {1} workspace, {2} step.</summary>
    public required string LostDealReplay { get; init; }
    public required string LostDealReason { get; init; }
    /// <summary>{0} the objections raised, {1} the scenario's own summary.</summary>
    public required string LostDealObjections { get; init; }
    public required string UnknownStep { get; init; }
    public required string NoObjections { get; init; }
    public required string ListSeparator { get; init; }
    /// <summary>Between two sentences: a space in English, nothing in Chinese.</summary>
    public required string SentenceGap { get; init; }

    /// <summary>
    /// A format of this table filled in: English numbers as the current culture writes them (as the engine always did),
    /// Chinese ones as zh-Hans does ("61%", not "61 %"), wherever the engine runs.
    /// </summary>
    public string Format(string format, params object?[] args) =>
        string.Format(Language == TrainingLanguages.Chinese ? ChineseCulture : CultureInfo.CurrentCulture, format, args);

    static readonly CultureInfo ChineseCulture = CultureInfo.GetCultureInfo("zh-Hans");

    public string Label(ObjectionType type) => Language == TrainingLanguages.Chinese ? ChineseObjection(type) : TrainingPrompts.Label(type);

    /// <summary>A step as the review names it (the seed article's word, with the English one in English).</summary>
    public string Step(ConversationStep step) => Language == TrainingLanguages.Chinese ? ChineseStep(step) : TrainingFreeText.StepLabel(step);

    /// <summary>The step as the lesson names it (English: the step's name, as the review always said).</summary>
    public string LessonStep(ConversationStep step) => Language == TrainingLanguages.Chinese ? ChineseStep(step) : step.ToString();

    public string Technique(SalesTechnique t) => Language == TrainingLanguages.Chinese ? ChineseTechnique(t) : SalesTechniques.Label(t);

    /// <summary>One sentence on how a line was read: technique, confidence, objection and the n-grams that decided it.</summary>
    public string Reading(LineReading r) => Language == TrainingLanguages.Chinese ? ChineseReading(r) : r.Summary;

    /// <summary>Why the reader was unsure (null if it was not).</summary>
    public string? ReadingMessage(LineReading r) => r.Message is null || Language != TrainingLanguages.Chinese ? r.Message : ChineseMessage(r);

    public static readonly TrainingText English = new()
    {
        Language = TrainingLanguages.English,
        Thinking = "I need to think about it.",
        NoCompany = "your family",
        DecoyWhy = "A good answer to a {0} objection, but the customer raised {1}.",
        PressingAgain = "They asked for time; pressing for the decision again rarely works.",
        FollowUpTomorrow = "Agree to follow up tomorrow",
        TomorrowWhenThinking = "The customer asked for time: a prompt, agreed follow-up keeps the deal warm.",
        TomorrowWhenEngaged = "Postponing while the customer is engaged loses momentum; answer now.",
        FollowUpNextWeek = "Follow up next week",
        NextWeekWhy = "A week of silence cools the lead: interest decays with every day of waiting.",
        OfferTrial = "Offer {0}",
        TrialForExperience = "Doubts about the experience are best answered by a low-threshold first experience.",
        TrialForService = "A trial shows the service in action; it answers a service doubt well.",
        TrialForCompetitor = "A trial lets them compare for themselves, but the difference still needs explaining.",
        TrialForBudget = "A trial does not make the price fit the budget.",
        TrialAtTrialClose = "A trial is a gentle test of readiness, but it delays the close by a week.",
        TrialWhenThinking = "A hesitant customer decides more easily after a first experience.",
        TrialAtClose = "Offering a trial at the close signals doubt in the product.",
        OfferDiscount = "Offer a {0:P0} discount",
        DiscountForBudget = "A discount answers a budget objection, at the cost of margin; reframing value usually wins without it.",
        DiscountWhenThinkingOverBudget = "The price was above the budget: a discount at the decision point closes the gap.",
        DiscountEarly = "Discounting before the customer asks teaches them to haggle and cheapens the product.",
        DiscountUnasked = "A discount nobody asked for gives away margin.",
        EndsConversation = "{0} ends the conversation.",
        Signs = "{0} signs.",
        LetMeThink = "{0}: \"Let me think about it.\"",
        LetMeThinkOverBudget = "{0}: \"It is more than I planned to spend. Let me think about it.\"",
        StillUndecided = "{0} still has not decided.",
        Declines = "{0} declines.",
        Cools = "{0} cools noticeably.",
        WarmsUp = "{0} warms up.",
        GoesAlong = "{0} goes along, without enthusiasm.",
        Frowns = "{0} frowns but lets it pass.",
        NextDay = "{0} takes your call the next day.",
        WeekLater = "A week later {0} has to be reminded who you are.",
        StopsAnswering = "{0} stops answering.",
        ThoughtOver = " They have thought it over.",
        TriesTrial = "{0} tries {1} and comes back a week later.",
        NotesLowerPrice = "{0} notes the lower price.",
        PriceAboveBudget = "price above budget",
        NoDecision = "no decision: {0}",
        ObjectionNotHandled = "objection not handled: {0}",
        WentCold = "went cold after {0:0} days of follow-ups",
        PriceAboveBudgetAnd = "price above budget; ",
        ReadAs = "Read as {0}. At {1} that is worth {2:0.00} of best practice.",
        AnswersOther = " But it answers a {0} objection, and the customer raised {1}.",
        Generic = " It does not speak to the {0} objection itself, so it counts as generic.",
        SpeaksTo = " It speaks to the {0} objection the customer raised.",
        Aside = " ({0}.)",
        Lesson = "At {0}{1} the better answer was \"{2}\": {3}",
        LessonObjection = " ({0} objection)",
        LostDealTitle = "Lost deal {0}: {1}",
        LostDealReplay = "A replay of {0} ({1}), lost at {2}",
        LostDealReason = " ({0})",
        LostDealObjections = "; objections raised: {0}. {1}",
        UnknownStep = "an unknown step",
        NoObjections = "none",
        ListSeparator = ", ",
        SentenceGap = " ",
    };
}
