using Growth.Domain.Journeys;
using Growth.Domain.Training.Reading;

namespace Growth.Domain.Training;

/// <summary>The Chinese table: steps in the seed article's own words (开场白, 话天地, 入主题, 试水温, 解决异议, 缔结).</summary>
public sealed partial record TrainingText
{
    public static readonly TrainingText Chinese = new()
    {
        Language = TrainingLanguages.Chinese,
        Thinking = "这个我得再考虑考虑。",
        NoCompany = "您家",
        DecoyWhy = "这是应对“{0}”异议的好回答，可客户提出的是“{1}”。",
        PressingAgain = "客户已经说要考虑，再催着做决定很少奏效。",
        FollowUpTomorrow = "约好明天再跟进",
        TomorrowWhenThinking = "客户要时间考虑：约定好、及时的跟进能让这一单保持热度。",
        TomorrowWhenEngaged = "客户正聊得投入时往后拖，会失去势头；现在就回答。",
        FollowUpNextWeek = "下周再跟进",
        NextWeekWhy = "一周不联系，线索就凉了：每多等一天，兴趣就少一分。",
        OfferTrial = "提供{0}",
        TrialForExperience = "对体验有疑虑，最好的回答是一次低门槛的首次体验。",
        TrialForService = "试用让客户亲眼看到服务，能很好地打消对服务的疑虑。",
        TrialForCompetitor = "试用让客户自己去比较，但差异还是要讲清楚。",
        TrialForBudget = "试用并不能让价格落进预算。",
        TrialAtTrialClose = "试用是温和的意向试探，但会让缔结推迟一周。",
        TrialWhenThinking = "犹豫的客户有了首次体验后更容易做决定。",
        TrialAtClose = "到了缔结还提出试用，等于告诉客户你对产品没信心。",
        OfferDiscount = "给予 {0:P0} 的优惠",
        DiscountForBudget = "折扣能回应预算异议，但要牺牲利润；重新讲清价值通常不用打折也能赢。",
        DiscountWhenThinkingOverBudget = "价格超出了预算：在做决定的关口给折扣，正好补上差距。",
        DiscountEarly = "客户还没开口就打折，等于教他讨价还价，也让产品显得廉价。",
        DiscountUnasked = "没人要的折扣，只是白白让出利润。",
        EndsConversation = "{0}结束了通话。",
        Signs = "{0}签单了。",
        LetMeThink = "{0}：“我再考虑考虑。”",
        LetMeThinkOverBudget = "{0}：“这比我打算花的多，我再考虑考虑。”",
        StillUndecided = "{0}还是没有拿定主意。",
        Declines = "{0}拒绝了。",
        Cools = "{0}明显冷淡了下来。",
        WarmsUp = "{0}热络起来了。",
        GoesAlong = "{0}应和着，但兴致不高。",
        Frowns = "{0}皱了皱眉，没有多说。",
        NextDay = "{0}第二天接了你的电话。",
        WeekLater = "一周后，{0}已经记不起你是谁，得重新介绍一遍。",
        StopsAnswering = "{0}不再接电话了。",
        ThoughtOver = "客户已经考虑好了。",
        TriesTrial = "{0}体验了{1}，一周后回来了。",
        NotesLowerPrice = "{0}注意到价格降了。",
        PriceAboveBudget = "价格超出预算",
        NoDecision = "没有做决定：{0}",
        ObjectionNotHandled = "异议未解决：{0}",
        WentCold = "跟进 {0:0} 天后客户冷掉了",
        PriceAboveBudgetAnd = "价格超出预算；",
        ReadAs = "读作{0}。在{1}这一步，它相当于最佳做法的 {2:0.00}。",
        AnswersOther = "但它回应的是“{0}”异议，而客户提出的是“{1}”。",
        Generic = "它没有针对“{0}”异议本身，只算泛泛的回答。",
        SpeaksTo = "它回应了客户提出的“{0}”异议。",
        Aside = "（{0}。）",
        Lesson = "在{0}{1}，更好的回答是“{2}”：{3}",
        LessonObjection = "（{0}异议）",
        LostDealTitle = "丢单 {0}：{1}",
        LostDealReplay = "重演 {0}（{1}）的丢单，丢在{2}",
        LostDealReason = "（{0}）",
        LostDealObjections = "；客户提出的异议：{0}。{1}",
        UnknownStep = "未知的一步",
        NoObjections = "无",
        ListSeparator = "、",
        SentenceGap = "",
    };

    /// <summary>Why a step failed, in the words the pages use for the behaviour model's reasons.</summary>
    public static string ChineseStepFailure(ConversationStep step) => step switch
    {
        ConversationStep.Opening => "开场白未能赢得信任",
        ConversationStep.Rapport => "未能建立关系",
        ConversationStep.Topic => "未能确认需求",
        ConversationStep.TrialClose => "试水温时客户尚未准备购买",
        ConversationStep.Close => "未签约",
        _ => "异议未解决",
    };

    /// <summary>A reason the behaviour model gave (a real lost deal's), in this table's language where it is one of the step reasons.</summary>
    public string ModelReason(string reason) => Language != TrainingLanguages.Chinese ? reason
        : Enum.GetValues<ConversationStep>().Where(s => Simulation.Behaviour.StepFailureReason(s) == reason).Select(ChineseStepFailure).FirstOrDefault(reason);

    static string ChineseObjection(ObjectionType type) => type switch
    {
        ObjectionType.Experience => "体验",
        ObjectionType.CompetitorDifference => "与竞品的差异",
        ObjectionType.CompetitorStrength => "竞品优势",
        ObjectionType.BudgetEnvironment => "预算",
        ObjectionType.Service => "服务",
        _ => "其他",
    };

    /// <summary>The seed article's words for the six steps, as the pages show them.</summary>
    static string ChineseStep(ConversationStep step) => step switch
    {
        ConversationStep.Opening => "开场白",
        ConversationStep.Rapport => "话天地",
        ConversationStep.Topic => "入主题",
        ConversationStep.TrialClose => "试水温",
        ConversationStep.ObjectionHandling => "解决异议",
        _ => "缔结",
    };

    static string ChineseTechnique(SalesTechnique t) => t switch
    {
        SalesTechnique.OpenQuestion => "开放式提问",
        SalesTechnique.NeedsQuestion => "需求提问",
        SalesTechnique.Summarising => "总结确认",
        SalesTechnique.NamingWorry => "说出客户的顾虑",
        SalesTechnique.Evidence => "用证据回应",
        SalesTechnique.Guarantee => "用保证回应",
        SalesTechnique.Comparison => "用对比回应",
        SalesTechnique.TrialClose => "试探成交",
        SalesTechnique.AssumptiveClose => "假定成交",
        SalesTechnique.Pressure => "施压",
        SalesTechnique.Rapport => "闲聊 / 建立关系",
        _ => "其他",
    };

    string ChineseReading(LineReading r) =>
        (r.Technique == r.BestGuess
            ? Format("{0}（{1:P0}）", ChineseTechnique(r.Technique), r.Confidence)
            : Format("{0}（最可能是{1}，{2:P0}）", ChineseTechnique(r.Technique), ChineseTechnique(r.BestGuess), r.Confidence))
        + (r.Objection is { } o ? $"，针对{ChineseObjection(o)}" : "")
        + (r.Why.Count > 0 ? "，依据 " + string.Join("、", r.Why.Select(w => $"“{Ngram(w.Ngram)}”")) : "");

    /// <summary>The defined cue families (<see cref="TechniqueCues"/>) in Chinese words.</summary>
    static readonly Dictionary<string, string> ChineseCues = new(StringComparer.Ordinal)
    {
        ["question"] = "问句", ["wh-start"] = "疑问词开头", ["open-ask"] = "开放式发问", ["measure"] = "量化提问",
        ["yes-no-start"] = "是非问开头", ["if-start"] = "假设开头", ["summary"] = "总结", ["feeling"] = "感受",
        ["figures"] = "数据", ["guarantee"] = "保证", ["comparison"] = "比较", ["readiness"] = "意向试探",
        ["next-step"] = "下一步", ["pressure"] = "施压", ["warmth"] = "热情", ["vague"] = "空泛",
    };

    /// <summary>An n-gram as the review shows it: a defined cue ("⟨warmth⟩") by its name in this table's language, any other as it is.</summary>
    public string Ngram(string ngram) =>
        Language == TrainingLanguages.Chinese && ngram.Length > 2 && ngram[0] == '⟨' && ngram[^1] == '⟩' && ChineseCues.TryGetValue(ngram[1..^1], out var name)
            ? $"⟨{name}⟩" : ngram;

    string ChineseMessage(LineReading r) => r.Confidence < LineReaderSettings.Default.MinConfidence
        ? Format("读作其他：最可能的{0}只有 {1:P0} 的把握（至少需要 {2:P0}）", ChineseTechnique(r.BestGuess), r.Confidence, LineReaderSettings.Default.MinConfidence)
        : Format("读作其他：这句话里认得的词太少，阅读器在{0}例句里没见过", r.Language == LineLanguage.Chinese ? "中文" : "英文");
}
